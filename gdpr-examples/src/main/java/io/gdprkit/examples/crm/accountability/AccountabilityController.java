package io.gdprkit.examples.crm.accountability;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditProofVerifier;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.examples.crm.DemoClock;
import io.gdprkit.jpa.processing.JpaProcessingRegister;
import io.gdprkit.processing.RegisterFormat;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the controller shows an authority: the audit trail with its chain verified and an inclusion proof for any
 * entry (Art. 5(2)), the purposes as declared (Art. 6, 13), the records of processing with their exports (Art. 30),
 * and the breach register with each breach's 72-hour clock (Art. 33).
 */
@Controller
public class AccountabilityController {

  private static final int PAGE = 50;

  private final GdprKit gdpr;
  private final DemoClock clock;

  public AccountabilityController(GdprKit gdpr, DemoClock clock) {
    this.gdpr = gdpr;
    this.clock = clock;
  }

  @GetMapping("/audit")
  String audit(@RequestParam(defaultValue = "-1") long from, Model model) {
    gdpr.audit().drainAll();
    long size = gdpr.audit().size(TenantId.DEFAULT);
    long start = from >= 0 ? from : Math.max(0, size - PAGE);
    List<AuditEntry> entries = gdpr.audit().entries(TenantId.DEFAULT, start, PAGE).stream()
        .sorted(Comparator.comparingLong(AuditEntry::position).reversed()).toList();
    model.addAttribute("entries", entries);
    model.addAttribute("size", size);
    return "accountability/audit";
  }

  @PostMapping("/audit/verify")
  String verify(Model model) {
    model.addAttribute("verification", gdpr.audit().verify(TenantId.DEFAULT));
    return audit(-1, model);
  }

  /** Signs a checkpoint over the whole chain and proves, against it, that one entry is in it. */
  @GetMapping("/audit/{position}/proof")
  String proof(@PathVariable long position, Model model) {
    gdpr.audit().drainAll();
    Checkpoint checkpoint = gdpr.audit().checkpoint(TenantId.DEFAULT);
    AuditEntry entry = gdpr.audit().entries(TenantId.DEFAULT, position, 1).get(0);
    InclusionProof proof = gdpr.audit().inclusionProof(TenantId.DEFAULT, position, checkpoint);
    String verdict;
    try {
      AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, gdpr.verificationKeys());
      verdict = "verified";
    } catch (GdprException e) {
      verdict = "FAILED: " + e.getMessage();
    }
    model.addAttribute("entry", entry);
    model.addAttribute("checkpoint", checkpoint);
    model.addAttribute("proof", proof);
    model.addAttribute("verdict", verdict);
    return "accountability/proof";
  }

  @GetMapping("/purposes")
  String purposes(Model model) {
    model.addAttribute("purposes", gdpr.purposes().all());
    return "accountability/purposes";
  }

  @GetMapping("/records")
  String records(Model model) {
    model.addAttribute("activities", gdpr.processingRecords().activities());
    model.addAttribute("check", gdpr.processingRecords().check());
    // The register derived from the @PersonalData annotations, merged with the declared one, and what it shows about
    // data minimisation (Art. 5(1)(c)): categories stored that no purpose needs, needed that nothing stores.
    JpaProcessingRegister derived = JpaProcessingRegister.derive(gdpr);
    model.addAttribute("merged", derived.merged());
    model.addAttribute("stores", derived.stores());
    model.addAttribute("minimisation", derived.minimisation());
    return "accountability/records";
  }

  @GetMapping("/records/export.{format:json|csv|md}")
  ResponseEntity<StreamingResponseBody> exportRecords(@PathVariable String format) {
    RegisterFormat registerFormat = switch (format) {
      case "csv" -> RegisterFormat.CSV;
      case "md" -> RegisterFormat.MARKDOWN;
      default -> RegisterFormat.JSON;
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"records-of-processing." + format + "\"")
        .contentType("json".equals(format) ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN)
        .body(out -> gdpr.processingRecords().export(registerFormat, out));
  }

  /** A breach as the register shows it, with the time left of its 72 hours. */
  public record BreachRow(Breach breach, Duration left, boolean late) {}

  @GetMapping("/breaches")
  String breaches(Model model) {
    Instant now = clock.instant();
    model.addAttribute("breaches", gdpr.breaches().breaches().stream()
        .map(b -> new BreachRow(b, Duration.between(now, b.deadline()), now.isAfter(b.deadline()))).toList());
    return "accountability/breaches";
  }

  @PostMapping("/breaches")
  String recordBreach(@RequestParam String description, @RequestParam(defaultValue = "0") int hoursAgo,
      RedirectAttributes redirect) {
    try {
      gdpr.breaches().record(BreachDetails.of(description),
          clock.instant().minus(Duration.ofHours(Math.max(0, Math.min(hoursAgo, 240)))), Actor.staff("demo-dpo"));
    } catch (GdprException e) {
      redirect.addFlashAttribute("notice", "Not recorded: " + e.getMessage());
    }
    return "redirect:/breaches";
  }

  @PostMapping("/breaches/{id}/notified")
  String notified(@PathVariable String id, @RequestParam(required = false) String delayReasons,
      RedirectAttributes redirect) {
    try {
      gdpr.breaches().notifyAuthority(io.gdprkit.breach.BreachId.of(id), clock.instant(),
          delayReasons == null || delayReasons.isBlank() ? null : delayReasons, Actor.staff("demo-dpo"));
    } catch (GdprException e) {
      redirect.addFlashAttribute("notice", "Not recorded: " + e.getMessage());
    }
    return "redirect:/breaches";
  }
}
