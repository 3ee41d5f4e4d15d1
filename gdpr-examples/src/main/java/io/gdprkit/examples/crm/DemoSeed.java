package io.gdprkit.examples.crm;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactForm;
import io.gdprkit.examples.crm.contact.ContactKind;
import io.gdprkit.examples.crm.contact.ContactRepository;
import io.gdprkit.examples.crm.contact.ContactService;
import io.gdprkit.examples.crm.contact.RelationType;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo on its first start, so that every page has something to show: a company, people who work there, a
 * parent and child, a person's phone, each from a different source, one with a newsletter consent and profiling on.
 */
@Component
public class DemoSeed implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

  private final ContactRepository repository;
  private final ContactService contacts;
  private final GdprKit gdpr;

  public DemoSeed(ContactRepository repository, ContactService contacts, GdprKit gdpr) {
    this.repository = repository;
    this.contacts = contacts;
    this.gdpr = gdpr;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repository.count() > 0) {
      return;
    }
    Contact acme = contacts.create(new ContactForm(ContactKind.COMPANY, "Acme GmbH", "office@acme.example", null, null),
        Origin.manualEntry("demo-staff"));
    Contact anna = contacts.create(new ContactForm(ContactKind.PERSON, "Anna Schmidt", "anna@acme.example",
        "+49 30 1234567", LocalDate.of(1985, 4, 12)), Origin.form("signup"));
    Contact ben = contacts.create(new ContactForm(ContactKind.PERSON, "Ben Novak", "ben@example.org", null,
        LocalDate.of(1979, 9, 3)), Origin.importFile("trade-fair-2026.csv"));
    Contact clara = contacts.create(new ContactForm(ContactKind.PERSON, "Clara Novak", "clara@example.org", null,
        LocalDate.of(2012, 2, 20)), Origin.apiClient("school-portal"));
    Contact phone = contacts.create(new ContactForm(ContactKind.DEVICE, "Ben's phone", null, null, null),
        Origin.apiClient("mobile-app"));
    contacts.relate(anna.getId(), RelationType.WORKS_AT, acme.getId());
    contacts.relate(ben.getId(), RelationType.PARENT_OF, clara.getId());
    contacts.relate(ben.getId(), RelationType.USES_DEVICE, phone.getId());
    gdpr.consents().grant(ContactService.subject(anna), CrmGdprConfiguration.NEWSLETTER,
        ConsentProof.webForm("signup", "v1").noticeText("Send me the monthly newsletter by e-mail.")
            .ip("203.0.113.7").userAgent("Mozilla/5.0 (seed)").build());
    gdpr.consents().setSwitch(ContactService.subject(anna), ProcessingSwitch.PROFILING, true, Actor.staff("seed"));
    gdpr.recipients().register(Recipient.of("mailing-service", RecipientKind.PROCESSOR, "Mailjet-like mailing service",
        "dpa@mailing.example", CountryCode.of("FR")), Actor.staff("seed"));
    gdpr.recipients().disclose(ContactService.subject(anna), "mailing-service", CrmGdprConfiguration.NEWSLETTER,
        Set.of(DataCategory.CONTACT_DETAILS), Actor.staff("seed"));
    log.info("Seeded the demo with {} contacts", repository.count());
  }
}
