package io.gdprkit.examples.crm.request;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.examples.crm.DemoClock;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subject-request inbox: every open request with its due date (one month, Art. 12(3)), extensions by up to two
 * more months with reasons, overdue flags on the demo clock, and the evidence bundle of how each was handled.
 */
@Controller
public class RequestController {

  private static final Actor STAFF = Actor.staff("demo-staff");
  /** Far enough ahead to list every open request, extended ones included. */
  private static final Duration EVERY_OPEN = Duration.ofDays(3650);

  private final GdprKit gdpr;
  private final DemoClock clock;

  public RequestController(GdprKit gdpr, DemoClock clock) {
    this.gdpr = gdpr;
    this.clock = clock;
  }

  /** A request as the inbox shows it. */
  public record Row(SubjectRequest request, boolean overdue, long daysLeft) {}

  @GetMapping("/requests")
  String inbox(Model model) {
    Instant now = clock.instant();
    List<Row> rows = gdpr.requests().dueWithin(EVERY_OPEN)
        .sorted(Comparator.comparing(SubjectRequest::deadline))
        .map(r -> new Row(r, r.isOverdueAt(now), Duration.between(now, r.deadline()).toDays()))
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("now", now);
    model.addAttribute("offset", clock.offset().toDays());
    model.addAttribute("kinds", RequestKind.values());
    return "requests/inbox";
  }

  @PostMapping("/requests")
  String receive(@RequestParam String contact, @RequestParam RequestKind kind, RedirectAttributes redirect) {
    gdpr.requests().receive(SubjectId.of(contact), kind, STAFF);
    redirect.addFlashAttribute("notice", "Request received; it is due in one month (Art. 12(3)).");
    return "redirect:/requests";
  }

  @PostMapping("/requests/{id}/extend")
  String extend(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
    try {
      gdpr.requests().extend(RequestId.parse(id), 2, reason, STAFF);
      redirect.addFlashAttribute("notice", "Extended by two months; the subject must be told why within the first.");
    } catch (GdprException e) {
      redirect.addFlashAttribute("notice", "Not extended: " + e.getMessage());
    }
    return "redirect:/requests";
  }

  @PostMapping("/requests/{id}/complete")
  String complete(@PathVariable String id, RedirectAttributes redirect) {
    RequestId request = RequestId.parse(id);
    try {
      SubjectRequest current = gdpr.requests().find(request).orElseThrow();
      if (current.state() == io.gdprkit.request.RequestState.RECEIVED
          || current.state() == io.gdprkit.request.RequestState.IDENTITY_VERIFIED) {
        gdpr.requests().start(request, STAFF);
      }
      gdpr.requests().complete(request, STAFF);
      redirect.addFlashAttribute("notice", "Completed.");
    } catch (GdprException e) {
      redirect.addFlashAttribute("notice", "Not completed: " + e.getMessage());
    }
    return "redirect:/requests";
  }

  @GetMapping("/requests/{id}/evidence.json")
  ResponseEntity<byte[]> evidence(@PathVariable String id) {
    byte[] json = gdpr.requests().evidence(RequestId.parse(id)).toJson().getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"request-" + id + "-evidence.json\"")
        .contentType(MediaType.APPLICATION_JSON).body(json);
  }

  /** Moves the demo's clock forward, so a request can be watched going overdue. */
  @PostMapping("/clock/advance")
  String advance(@RequestParam int days, @RequestParam(defaultValue = "/requests") String back) {
    clock.advance(Duration.ofDays(Math.max(0, Math.min(days, 400))));
    return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/requests");
  }
}
