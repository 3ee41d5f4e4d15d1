package io.gdprkit.examples.crm.campaign;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.examples.crm.DemoClock;
import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactKind;
import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.examples.crm.mail.DemoMailbox;
import io.gdprkit.examples.crm.preferences.PreferenceLinks;
import io.gdprkit.retention.CampaignReport;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Re-permission: ask a segment for a fresh consent by double opt-in; whoever has not confirmed when the window closes
 * is erased by the retention sweep (Art. 5(1)(e), storage limitation; Art. 17(1)(b), consent no longer there). The
 * sweep runs in batches and reports each, as a long sweep would on a real data set.
 */
@Controller
public class CampaignController {

  /** Subjects per batch of the sweep run from this page. */
  static final int BATCH = 2;

  private final GdprKit gdpr;
  private final ContactService contacts;
  private final DemoMailbox mailbox;
  private final DemoClock clock;
  private final PreferenceLinks links;

  public CampaignController(GdprKit gdpr, ContactService contacts, DemoMailbox mailbox, DemoClock clock,
      PreferenceLinks links) {
    this.gdpr = gdpr;
    this.contacts = contacts;
    this.mailbox = mailbox;
    this.clock = clock;
    this.links = links;
  }

  @GetMapping("/campaigns")
  String campaigns(Model model) {
    model.addAttribute("campaigns", gdpr.retention().campaigns());
    model.addAttribute("now", clock.instant());
    return "campaigns";
  }

  /** Asks every person with an e-mail address for the newsletter again, giving them {@code days} to confirm. */
  @PostMapping("/campaigns")
  String start(@RequestParam String id, @RequestParam String purpose, @RequestParam int days,
      RedirectAttributes redirect) {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Map<SubjectId, Contact> people = contacts.all().stream()
        .filter(c -> c.getKind() == ContactKind.PERSON && c.getEmail() != null)
        .collect(Collectors.toMap(ContactService::subject, c -> c));
    try {
      CampaignReport report = gdpr.retention().startCampaign(id, purpose, people.keySet().stream(),
          Duration.ofDays(Math.max(1, Math.min(days, 365))), pending -> invite(base, people, pending));
      redirect.addFlashAttribute("notice", report.invited() + " asked to confirm; " + report.alreadyGranted()
          + " left out, their consent being current.");
    } catch (GdprException e) {
      redirect.addFlashAttribute("notice", "Not started: " + e.getMessage());
    }
    return "redirect:/campaigns";
  }

  /** Runs the retention sweep now, batch after batch, and shows what each batch did. */
  @PostMapping("/campaigns/sweep")
  String sweep(Model model) {
    List<SweepReport> batches = new ArrayList<>();
    SweepReport batch;
    do {
      batch = gdpr.retention().sweep(BATCH);
      batches.add(batch);
    } while (batch.more() && batches.size() < 1000);
    model.addAttribute("batches", batches);
    model.addAttribute("erased", batches.stream().mapToLong(b -> b.campaignsErased().values().stream()
        .mapToLong(Long::longValue).sum() + b.rules().values().stream().mapToLong(Long::longValue).sum()).sum());
    return campaigns(model);
  }

  private void invite(String base, Map<SubjectId, Contact> people, PendingConsent pending) {
    SubjectId subject = pending.event().subject();
    Contact contact = people.get(subject);
    List<String> topic = List.of(pending.event().purpose());
    mailbox.send(contact.getEmail(), "Do you still want to hear from us?", "We will stop writing to you and erase "
        + "your details unless you confirm by " + pending.tokenExpiresAt() + ":\n" + base + "/confirm?token="
        + pending.token() + links.footer(base, subject, topic), links.headers(subject, topic));
  }
}
