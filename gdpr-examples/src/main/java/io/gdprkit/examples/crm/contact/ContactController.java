package io.gdprkit.examples.crm.contact;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.decision.Decision;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ReceiptVerifier;
import io.gdprkit.recipient.DisclosureRefusedException;
import io.gdprkit.request.RequestKind;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressedContactException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff side: the contact list, a new contact, and the contact card with its GDPR actions. */
@Controller
public class ContactController {

  private static final Actor STAFF = Actor.staff("demo-staff");

  private final ContactService contacts;
  private final ContactImport imports;
  private final GdprKit gdpr;

  public ContactController(ContactService contacts, ContactImport imports, GdprKit gdpr) {
    this.contacts = contacts;
    this.imports = imports;
    this.gdpr = gdpr;
  }

  @PostMapping("/contacts/import")
  String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
    ContactImport.Report report = imports.importCsv(String.valueOf(file.getOriginalFilename()),
        new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
    redirect.addFlashAttribute("importReport", report);
    return "redirect:/contacts";
  }

  @GetMapping("/contacts")
  String list(Model model) {
    model.addAttribute("contacts", contacts.all());
    model.addAttribute("form", new ContactForm(ContactKind.PERSON, "", null, null, null));
    return "contacts/list";
  }

  @PostMapping("/contacts")
  String create(@Valid @ModelAttribute("form") ContactForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      model.addAttribute("contacts", contacts.all());
      return "contacts/list";
    }
    try {
      Contact contact = contacts.create(form, Origin.manualEntry("demo-staff"));
      return "redirect:/contacts/" + contact.getId();
    } catch (SuppressedContactException e) {
      model.addAttribute("contacts", contacts.all());
      model.addAttribute("refusal", "This e-mail address belongs to someone who was erased: it is on the suppression "
          + "list (Art. 17) and is not stored again.");
      return "contacts/list";
    }
  }

  @GetMapping("/contacts/{id}")
  String card(@PathVariable String id, Model model) {
    model.addAttribute("card", card(contacts.find(id)));
    return "contacts/card";
  }

  @PostMapping("/contacts/{id}/switch")
  String setSwitch(@PathVariable String id, @RequestParam ProcessingSwitch name, @RequestParam boolean on) {
    gdpr.consents().setSwitch(SubjectId.of(id), name, on, Actor.staff("demo-staff"));
    return "redirect:/contacts/" + id;
  }

  @PostMapping("/contacts/{id}/score")
  String score(@PathVariable String id, RedirectAttributes redirect) {
    Decision decision = contacts.score(id);
    redirect.addFlashAttribute("notice", decision.allowed() ? "Lead score computed."
        : "No lead score: lead scoring is not allowed for this contact (" + decision.reason() + ").");
    return "redirect:/contacts/" + id;
  }

  @PostMapping("/contacts/{id}/restrict")
  String restrict(@PathVariable String id, @RequestParam boolean on, RedirectAttributes redirect) {
    SubjectId subject = SubjectId.of(contacts.find(id).getId());
    if (on) {
      gdpr.restrictions().restrict(subject, "Accuracy contested by the person (Art. 18(1)(a))", STAFF);
      redirect.addFlashAttribute("notice", "Restricted: the data is only stored until this is lifted.");
    } else {
      gdpr.restrictions().lift(subject, "Accuracy verified", STAFF);
      redirect.addFlashAttribute("notice", "Restriction lifted.");
    }
    return "redirect:/contacts/" + id;
  }

  @PostMapping("/contacts/{id}/object-direct-marketing")
  String objectToDirectMarketing(@PathVariable String id, RedirectAttributes redirect) {
    gdpr.restrictions().objectToDirectMarketing(SubjectId.of(contacts.find(id).getId()), Actor.subject());
    redirect.addFlashAttribute("notice", "Objection to direct marketing recorded: every marketing purpose stops, "
        + "whatever its basis (Art. 21(2)-(3)).");
    return "redirect:/contacts/" + id;
  }

  @PostMapping("/contacts/{id}/request")
  String request(@PathVariable String id, @RequestParam RequestKind kind, RedirectAttributes redirect) {
    gdpr.requests().receive(SubjectId.of(contacts.find(id).getId()), kind, STAFF);
    redirect.addFlashAttribute("notice", "Request recorded; it is in the subject-request inbox, due in one month.");
    return "redirect:/contacts/" + id;
  }

  @GetMapping("/contacts/{id}/decided")
  String decidedAt(@PathVariable String id, @RequestParam String purpose, @RequestParam String at, Model model) {
    Contact contact = contacts.find(id);
    model.addAttribute("card", card(contact));
    try {
      Instant instant = LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
      model.addAttribute("historical", gdpr.decisions().decideAt(SubjectId.of(contact.getId()), purpose, instant));
    } catch (DateTimeParseException | GdprException e) {
      model.addAttribute("notice", "Give a purpose and a date and time, such as 2026-12-01T09:00.");
    }
    return "contacts/card";
  }

  /** Hands the contact's e-mail address to the mailing service for the newsletter, recorded as a disclosure (Art. 30(1)(d), 19). */
  @PostMapping("/contacts/{id}/disclose")
  String disclose(@PathVariable String id, RedirectAttributes redirect) {
    SubjectId subject = SubjectId.of(contacts.find(id).getId());
    try {
      gdpr.recipients().disclose(subject, "mailing-service", "newsletter",
          java.util.Set.of(io.gdprkit.purpose.DataCategory.CONTACT_DETAILS), STAFF);
      redirect.addFlashAttribute("notice", "Disclosed to the mailing service; an erasure will tell it too (Art. 19).");
    } catch (DisclosureRefusedException e) {
      redirect.addFlashAttribute("notice", "Not disclosed: the newsletter is not allowed for this contact now ("
          + gdpr.decide(subject, "newsletter").reason() + "), so the mailing service gets nothing.");
    }
    return "redirect:/contacts/" + id;
  }

  @PostMapping("/contacts/{id}/forget")
  String forget(@PathVariable String id, Model model) {
    ErasureReport report = gdpr.erasure().erase(SubjectId.of(id));
    model.addAttribute("report", report);
    return "contacts/erased";
  }

  @GetMapping("/contacts/{id}/export.{format:json|csv}")
  ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @PathVariable String format) {
    SubjectId subject = SubjectId.of(contacts.find(id).getId());
    ExportFormat exportFormat = "csv".equals(format) ? ExportFormat.CSV : ExportFormat.JSON;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export-" + id + "." + format + "\"")
        .contentType("csv".equals(format) ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON)
        .body(out -> gdpr.exports().write(subject, exportFormat, out));
  }

  /** The signed receipt of one consent event (Kantara v1.1 + ISO/IEC TS 27560, a compact JWS), as a download. */
  @GetMapping("/contacts/{id}/receipts/{event}.jws")
  ResponseEntity<String> receipt(@PathVariable String id, @PathVariable UUID event) {
    ConsentEvent consent = gdpr.consents().history(SubjectId.of(contacts.find(id).getId())).stream()
        .filter(e -> e.id().equals(event)).findFirst().orElseThrow(() -> new NoSuchElementException("no such event"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consent-receipt-" + event + ".jws\"")
        .contentType(MediaType.parseMediaType("application/jose")).body(gdpr.receipts().issue(consent).jws());
  }

  /** Checks a receipt someone hands back: its signature against the kit's key, and what it says. */
  @PostMapping("/receipts/verify")
  String verifyReceipt(@RequestParam String jws, Model model) {
    try {
      model.addAttribute("receipt", ReceiptVerifier.verify(jws.trim(), gdpr.verificationKeys()));
    } catch (GdprException e) {
      model.addAttribute("problem", "This receipt does not verify: " + e.getMessage());
    }
    return "contacts/receipt";
  }

  @GetMapping("/receipts/verify")
  String verifyReceiptForm() {
    return "contacts/receipt";
  }

  @ExceptionHandler(NoSuchElementException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("problem", "There is no such contact. It may have been erased.");
    return "signup/link-invalid";
  }

  private ContactCard card(Contact contact) {
    SubjectId subject = ContactService.subject(contact);
    List<ContactCard.PurposeRow> rows = new ArrayList<>();
    for (Purpose purpose : gdpr.purposes().all()) {
      rows.add(new ContactCard.PurposeRow(purpose, gdpr.consents().state(subject, purpose.id()).orElse(null),
          gdpr.decide(subject, purpose.id())));
    }
    List<ContactCard.Relation> relations = new ArrayList<>();
    if (contact.getCompany() != null) {
      relations.add(new ContactCard.Relation(RelationType.WORKS_AT.label(), contact.getCompany()));
    }
    if (contact.getParent() != null) {
      relations.add(new ContactCard.Relation("child of", contact.getParent()));
    }
    if (contact.getUser() != null) {
      relations.add(new ContactCard.Relation("device of", contact.getUser()));
    }
    contacts.children(contact).forEach(c -> relations.add(new ContactCard.Relation(RelationType.PARENT_OF.label(), c)));
    contacts.devices(contact).forEach(c -> relations.add(new ContactCard.Relation(RelationType.USES_DEVICE.label(), c)));
    return new ContactCard(contact, rows, gdpr.consents().history(subject), gdpr.sources().tags(subject),
        gdpr.consents().isSwitchOn(subject, ProcessingSwitch.PROFILING),
        gdpr.consents().isSwitchOn(subject, ProcessingSwitch.TRACKING), relations,
        gdpr.restrictions().isRestricted(subject), gdpr.restrictions().objectsToDirectMarketing(subject),
        gdpr.recipients().disclosures(subject));
  }
}
