package io.gdprkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.breach.AffectedSubjects;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.WithdrawalMethod;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.receipt.ConsentReceipt.PiiController;
import io.gdprkit.receipt.ConsentReceipt.PostalAddress;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Accountability writes of issue 5 that the first pass left out: receipts, breach derivations, special access. */
class AccountabilityAuditTests {

  private static final Actor DPO = Actor.staff("dpo");
  private static final SubjectId ALICE = SubjectId.of("contact-42");
  private static final SubjectId BOB = SubjectId.of("contact-43");
  private static final KeyRing KEYS = KeyRing.of("ring-1", filled(3));
  private static final PseudonymKey PSEUDONYMS = PseudonymKey.of("p1", filled(4));

  private final TestClock clock = TestClock.at("2026-04-10T09:00:00Z");

  private List<AuditRecord> trail(GdprKit gdpr) {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 1_000).stream().map(AuditEntry::record).toList();
  }

  private List<AuditRecord> trail(GdprKit gdpr, AuditKind kind) {
    return trail(gdpr).stream().filter(r -> r.kind() == kind).toList();
  }

  @Nested
  class Receipts {

    @Test
    void auditsAnIssuedReceiptUnderTheSubjectsAuditPseudonymWithoutPersonalData() {
      GdprKit gdpr = GdprKit.builder().clock(clock).keyRing(KEYS).pseudonymKey(PSEUDONYMS).signingKey(SigningKey.of("receipts-1", filled(7)))
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
              .withDataCategories(DataCategory.CONTACT_DETAILS))
          .receipts(ReceiptOptions.of(PiiController.of("Acme GmbH", "Privacy Team",
              PostalAddress.of("Main St 1", "10115", "Berlin", CountryCode.of("DE")), "privacy@acme.example",
              "+49 30 1234"), "DE", URI.create("https://acme.example/privacy"),
              WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM, URI.create("https://acme.example/preferences"))))
          .build();
      ConsentEvent event = gdpr.consents().grant(ALICE, "newsletter", ConsentProof.webForm("signup-form", "v3")
          .ip("203.0.113.7").userAgent("Mozilla/5.0").build());

      gdpr.receipts().issue(event);

      List<AuditRecord> issued = trail(gdpr, AuditKind.RECEIPT_ISSUED);
      assertThat(issued).hasSize(1);
      AuditRecord record = issued.get(0);
      assertThat(record.subjectPseudonym())
          .isEqualTo(PSEUDONYMS.pseudonym("audit-subject", "default/contact-42"))
          .isEqualTo(trail(gdpr, AuditKind.CONSENT_CHANGED).get(0).subjectPseudonym());
      assertThat(record.purpose()).isEqualTo("newsletter");
      assertThat(record.actor()).isEqualTo(Actor.system("consent-receipts"));
      assertThat(record.details()).containsExactlyInAnyOrderEntriesOf(Map.of("event", event.id().toString(),
          "type", "GRANTED", "key", "receipts-1"));
      assertThat(record.toString()).doesNotContain("contact-42", "203.0.113", "Mozilla");
    }
  }

  @Nested
  class Breaches {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final ExposureWindow MARCH = ExposureWindow.of(FROM, Instant.parse("2026-04-01T00:00:00Z"));

    @Test
    void auditsADerivationWithBreachCountsAndProvidersButNoSubject() {
      InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of("contacts",
          "CRM contacts", List.of(FieldDescriptor.of("iban", DataCategory.FINANCIAL, ErasureStrategy.setNull()))));
      contacts.put(ALICE, "c-1", Map.of("iban", "DE01"), FROM);
      contacts.put(BOB, "c-2", Map.of("iban", "DE02"), FROM.plusSeconds(60));
      GdprKit gdpr = GdprKit.builder().clock(clock).personalData(contacts).build();
      Breach breach = gdpr.breaches().record(BreachDetails.of("Payment export leaked")
          .withDataCategories(DataCategory.FINANCIAL).withExposure(MARCH), clock.instant().minus(Duration.ofHours(1)),
          DPO);
      List<SubjectId> streamed = new ArrayList<>();

      AffectedSubjects found = gdpr.breaches().affectedSubjects(breach.id(), streamed::add);

      assertThat(found.subjects()).isEqualTo(2);
      List<AuditRecord> accessed = trail(gdpr, AuditKind.ACCESSED);
      assertThat(accessed).hasSize(1);
      assertThat(accessed.get(0).subjectPseudonym()).isNull();
      assertThat(accessed.get(0).details()).containsEntry("breach", breach.id().value())
          .containsEntry("subjects", "2").containsEntry("answered", "contacts").containsEntry("unanswered", "")
          .containsEntry("categories", "financial").containsEntry("from", "2026-03-01T00:00:00Z");
      assertThat(accessed.toString()).doesNotContain("contact-42", "contact-43", "DE01");
    }

    @Test
    void auditsADerivationByCategoryAndWindowWithoutABreachId() {
      GdprKit gdpr = GdprKit.builder().clock(clock).build();

      gdpr.breaches().affectedSubjects(List.of(DataCategory.HEALTH), MARCH, subject -> {});

      List<AuditRecord> accessed = trail(gdpr, AuditKind.ACCESSED);
      assertThat(accessed).hasSize(1);
      assertThat(accessed.get(0).details()).doesNotContainKey("breach").containsEntry("subjects", "0")
          .containsEntry("categories", "health");
    }
  }

  @Nested
  class AuthorisedAccess {

    private final StaffUser nurse = StaffUser.of("nurse-7");

    @Test
    void auditsAPassForASpecialCategoryAsAnAccess() {
      GdprKit gdpr = GdprKit.builder().clock(clock).build();
      gdpr.authorisations().grant(nurse, DataCategory.HEALTH, DPO);

      gdpr.authorisations().require(nurse, DataCategory.HEALTH);

      List<AuditRecord> accessed = trail(gdpr, AuditKind.ACCESSED);
      assertThat(accessed).hasSize(1);
      assertThat(accessed.get(0).actor()).isEqualTo(Actor.staff("nurse-7"));
      assertThat(accessed.get(0).subjectPseudonym()).isNull();
      assertThat(accessed.get(0).details()).containsEntry("category", "health")
          .containsEntry("sensitivity", "SPECIAL_CATEGORY");
    }

    @Test
    void doesNotAuditAPassForAnOrdinaryCategory() {
      GdprKit gdpr = GdprKit.builder().clock(clock).build();
      gdpr.authorisations().grant(nurse, DataCategory.CONTACT_DETAILS, DPO);
      long before = gdpr.audit().size(TenantId.DEFAULT);

      gdpr.authorisations().require(nurse, DataCategory.CONTACT_DETAILS);

      assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(before);
    }
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
