package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecipientTests {

  private static final CountryCode DE = CountryCode.of("DE");
  private static final Set<DataCategory> CONTACT = Set.of(DataCategory.CONTACT_DETAILS);

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");
  private final Actor dpo = Actor.staff("dpo");
  private final Actor sync = Actor.system("crm-sync");
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final ForwardingDisclosureStore log = new ForwardingDisclosureStore();
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts",
      List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()))));
  private final Recipient mailer = Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", DE);
  private final Recipient bank = Recipient.of("bank", RecipientKind.THIRD_PARTY, "Swiss Bank", "privacy@bank.example",
      CountryCode.of("CH"));
  private final GdprKit gdpr = kit(GdprKit.builder());
  private final RecipientService recipients = gdpr.recipients();

  private GdprKit kit(GdprKit.Builder builder) {
    return builder.clock(clock)
        .personalData(contacts)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter")
            .withDataCategories(DataCategory.CONTACT_DETAILS).asDirectMarketing())
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")
            .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL))
        .purpose(Purpose.of("fraud-checks", LegalBasis.LEGITIMATE_INTERESTS, "Fraud prevention")
            .withDataCategories(DataCategory.ONLINE_IDENTIFIERS))
        .recipientNotifier(notifier)
        .allowGeneratedKeys().disclosureStore(log)
        .dataRegion(DE)
        .storeRegion("contacts", CountryCode.of("IE"))
        .build();
  }

  private List<AuditRecord> audited(AuditKind kind) {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 10_000).stream().map(AuditEntry::record)
        .filter(r -> r.kind() == kind).toList();
  }

  @Nested
  class Register {

    @Test
    void addsAndReplacesRecipientsAndAuditsEachChange() {
      Recipient moved = Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "privacy@mail.example",
          CountryCode.of("AT"));

      assertThat(recipients.register(mailer, dpo)).isEmpty();
      recipients.register(bank, dpo);
      assertThat(recipients.register(moved, dpo)).contains(mailer);

      assertThat(recipients.recipients()).containsExactly(bank, moved);
      assertThat(recipients.recipient("mailer")).contains(moved);
      assertThat(audited(AuditKind.REGISTER_CHANGED)).extracting(r -> r.details().get("recipient"),
          r -> r.details().get("change")).containsExactly(org.assertj.core.groups.Tuple.tuple("mailer", "added"),
          org.assertj.core.groups.Tuple.tuple("bank", "added"), org.assertj.core.groups.Tuple.tuple("mailer", "replaced"));
    }

    @Test
    void refusesMalformedRecipientsWithTypedErrors() {
      assertThatThrownBy(() -> Recipient.of("mailer", RecipientKind.PROCESSOR, " ", "dpo@mail.example", DE))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("recipient name");
      assertThatThrownBy(() -> new Recipient("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", DE,
          Safeguard.STANDARD_CONTRACTUAL_CLAUSES, null))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("safeguard reference");
      assertThatThrownBy(() -> new Recipient("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", DE,
          Safeguard.NONE, "SCC"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("safeguard reference");
      assertThatThrownBy(() -> Recipient.of("mail er", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", DE))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("recipient id");
      assertThat(recipients.recipients()).isEmpty();
    }
  }

  @Nested
  class Disclosures {

    @Test
    void logsWhatWentWhereFromWhichRegionAndAuditsItUnderAPseudonym() {
      recipients.register(mailer, dpo);
      recipients.register(bank, dpo);
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "3").build());

      Disclosure toMailer = recipients.disclose(alice, "mailer", "newsletter", CONTACT, sync);
      clock.advance(java.time.Duration.ofMinutes(5));
      Disclosure toBank = recipients.discloseFrom("contacts", alice, "bank", "billing",
          Set.of(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL), sync);

      assertThat(toMailer.from()).isEqualTo(DE);
      assertThat(toMailer.to()).isEqualTo(DE);
      assertThat(toMailer.basis()).isEqualTo(TransferBasis.WITHIN_EEA);
      assertThat(toBank.from()).isEqualTo(CountryCode.of("IE"));
      assertThat(toBank.basis()).isEqualTo(TransferBasis.ADEQUACY_DECISION);
      assertThat(toBank.disclosedAt()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
      assertThat(recipients.disclosures(alice)).containsExactly(toMailer, toBank);
      assertThat(recipients.disclosures(bob)).isEmpty();
      assertThat(audited(AuditKind.DISCLOSED)).hasSize(2).allSatisfy(record -> {
        assertThat(record.subjectPseudonym()).isEqualTo(toMailer.subjectPseudonym()).doesNotContain("contact-42");
        assertThat(record.details().values()).noneMatch(value -> value.contains("contact-42"));
      }).extracting(r -> r.details().get("recipient")).containsExactly("mailer", "bank");
    }

    @Test
    void tellsTheSubjectWhoReceivedTheirDataOnceEachInOrderOfFirstDisclosure() {
      recipients.register(mailer, dpo);
      recipients.register(bank, dpo);

      recipients.disclose(alice, "bank", "billing", CONTACT, sync);
      recipients.disclose(alice, "mailer", "billing", CONTACT, sync);
      recipients.disclose(alice, "bank", "billing", CONTACT, sync);
      recipients.disclose(bob, "mailer", "billing", CONTACT, sync);

      assertThat(recipients.recipientsOf(alice)).containsExactly(bank, mailer);
      assertThat(recipients.recipientsOf(bob)).containsExactly(mailer);
    }

    @Test
    void refusesASubjectWithoutBasisObjectingOrRestrictedAndLogsNothing() {
      recipients.register(mailer, dpo);
      recipients.register(Recipient.of("scoring", RecipientKind.PROCESSOR, "Score Co", "dpo@score.example", DE), dpo);
      gdpr.restrictions().object(alice, "fraud-checks", "none given", Actor.subject());

      assertThatThrownBy(() -> recipients.disclose(alice, "mailer", "newsletter", CONTACT, sync))
          .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(DecisionReason.NO_CONSENT);
            assertThat(e.recipient()).isEqualTo("mailer");
            assertThat(e.purpose()).isEqualTo("newsletter");
            assertThat(e.subject()).isEqualTo(alice);
          });
      assertThatThrownBy(() -> recipients.disclose(alice, "scoring", "fraud-checks",
          Set.of(DataCategory.ONLINE_IDENTIFIERS), sync))
          .isInstanceOfSatisfying(DisclosureRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(DecisionReason.OBJECTED));
      gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", dpo);
      assertThatThrownBy(() -> recipients.disclose(alice, "mailer", "billing", CONTACT, sync))
          .isInstanceOfSatisfying(DisclosureRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(DecisionReason.RESTRICTED));

      assertThat(recipients.disclosures(alice)).isEmpty();
      assertThat(recipients.recipientsOf(alice)).isEmpty();
      assertThat(audited(AuditKind.DISCLOSED)).isEmpty();
    }

    @Test
    void refusesBadInputWithTypedErrorsAndLogsNothing() {
      recipients.register(mailer, dpo);

      assertThatThrownBy(() -> recipients.disclose(alice, "printer", "billing", CONTACT, sync))
          .isInstanceOfSatisfying(UnknownRecipientException.class, e -> assertThat(e.recipient()).isEqualTo("printer"));
      assertThatThrownBy(() -> recipients.disclose(alice, "mailer", "lottery", CONTACT, sync))
          .isInstanceOf(UnknownPurposeException.class);
      assertThatThrownBy(() -> recipients.disclose(alice, "mailer", "billing", Set.of(), sync))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one");
      assertThatThrownBy(() -> recipients.disclose(alice, "mailer", "billing", Set.of(DataCategory.HEALTH), sync))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("'billing' needs");
      assertThatThrownBy(() -> recipients.discloseFrom("no store", alice, "mailer", "billing", CONTACT, sync))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("store");

      assertThat(recipients.disclosures(alice)).isEmpty();
    }
  }

  @Nested
  class Residency {

    @Test
    void refusesATransferOutsideTheEeaWithNeitherAdequacyNorSafeguardAndLogsNothing() {
      Recipient india = Recipient.of("support", RecipientKind.PROCESSOR, "Support Ltd", "dpo@support.example",
          CountryCode.of("IN"));
      Recipient usUncertified = Recipient.of("ads", RecipientKind.THIRD_PARTY, "Ads Inc", "privacy@ads.example",
          CountryCode.of("US"));
      recipients.register(india, dpo);
      recipients.register(usUncertified, dpo);

      assertThatThrownBy(() -> recipients.disclose(alice, "support", "billing", CONTACT, sync))
          .isInstanceOfSatisfying(TransferRefusedException.class,
              e -> assertThat(e.country()).isEqualTo(CountryCode.of("IN")));
      assertThatThrownBy(() -> recipients.disclose(alice, "ads", "billing", CONTACT, sync))
          .isInstanceOfSatisfying(TransferRefusedException.class, e -> assertThat(e.partialAdequacy()).isTrue());
      assertThat(recipients.disclosures(alice)).isEmpty();

      recipients.register(india.withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 2, 2026-01-10"), dpo);

      assertThat(recipients.disclose(alice, "support", "billing", CONTACT, sync).basis())
          .isEqualTo(TransferBasis.SAFEGUARD);
    }

    @Test
    void honoursTheHostsTransferRules() {
      GdprKit strict = GdprKit.builder()
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
          .transferRules(TransferRules.defaults().withoutAdequacy(CountryCode.of("CH"), java.time.LocalDate.of(2026, 12, 1)))
          .build();
      strict.recipients().register(bank, dpo);

      assertThatThrownBy(() -> strict.recipients().disclose(alice, "bank", "billing", Set.of(DataCategory.FINANCIAL),
          sync)).isInstanceOf(TransferRefusedException.class);
    }

    @Test
    void recordsNoRegionWhenNoneWasDeclared() {
      GdprKit plain = GdprKit.builder()
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
          .build();
      plain.recipients().register(mailer, dpo);

      Disclosure disclosure = plain.recipients().disclose(alice, "mailer", "billing", Set.of(DataCategory.FINANCIAL),
          sync);

      assertThat(disclosure.from()).isNull();
      assertThat(disclosure.to()).isEqualTo(DE);
    }
  }

  @Nested
  class Article19 {

    private void disclosedToMailerAndBank() {
      recipients.register(mailer, dpo);
      recipients.register(bank, dpo);
      recipients.disclose(alice, "mailer", "billing", CONTACT, sync);
      recipients.disclose(alice, "bank", "billing", CONTACT, sync);
      recipients.disclose(alice, "mailer", "billing", CONTACT, sync);
      recipients.disclose(bob, "mailer", "billing", CONTACT, sync);
    }

    @Test
    void tellsEachRecipientOnceOfARectifiedFieldAndLogsAndAuditsIt() {
      disclosedToMailerAndBank();
      contacts.put(alice, "c-42", Map.of("email", "alice@old.example"), Instant.EPOCH);

      gdpr.rectification().rectify(alice, "contacts", "c-42", "email", "alice@new.example");

      assertThat(notifier.delivered).hasSize(2).allSatisfy(n -> {
        assertThat(n.subject()).isEqualTo(alice);
        assertThat(n.reason()).isEqualTo(NotificationReason.RECTIFIED);
        assertThat(n.details()).containsExactlyInAnyOrderEntriesOf(Map.of("provider", "contacts", "field", "email"));
        assertThat(n.details().values()).noneMatch(v -> v.contains("example"));
      }).extracting(Notification::recipient).containsExactly("mailer", "bank");
      assertThat(recipients.notifications(alice)).extracting(Notification::status)
          .containsExactly(NotificationStatus.DELIVERED, NotificationStatus.DELIVERED);
      assertThat(audited(AuditKind.RECIPIENT_NOTIFIED)).hasSize(2)
          .allSatisfy(r -> assertThat(r.details()).containsEntry("status", "DELIVERED"));
      assertThat(recipients.notifications(bob)).isEmpty();
    }

    @Test
    void tellsRecipientsOfARestrictionButNotOfARepeatOrALift() {
      disclosedToMailerAndBank();

      gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", dpo);
      gdpr.restrictions().restrict(alice, "again", dpo);
      gdpr.restrictions().lift(alice, "accuracy verified", dpo);

      assertThat(notifier.recipientsTold(NotificationReason.RESTRICTED)).containsExactly("mailer", "bank");
      assertThat(notifier.delivered).hasSize(2);
    }

    @Test
    void tellsRecipientsOfAnErasureThenKeepsNoRawSubjectId() {
      disclosedToMailerAndBank();
      String pseudonym = recipients.disclosures(alice).get(0).subjectPseudonym();

      gdpr.erasure().erase(alice);

      assertThat(notifier.recipientsTold(NotificationReason.ERASED)).containsExactly("mailer", "bank");
      assertThat(notifier.delivered).allSatisfy(n -> assertThat(n.subject()).isEqualTo(alice));
      assertThat(recipients.disclosures(alice)).isEmpty();
      assertThat(recipients.recipientsOf(alice)).isEmpty();
      assertThat(recipients.notifications(alice)).isEmpty();
      assertThat(log.byPseudonym(pseudonym)).hasSize(3).allSatisfy(d -> assertThat(d.subject()).isNull());
      assertThat(log.notificationsByPseudonym(pseudonym)).hasSize(2).allSatisfy(n -> {
        assertThat(n.subject()).isNull();
        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
      });
      assertThat(recipients.recipientsOf(bob)).containsExactly(mailer);
    }

    @Test
    void tellsOnlyTheRecipientsOfAPurposeWhoseConsentWasWithdrawnAndKeepsTheLog() {
      recipients.register(mailer, dpo);
      recipients.register(bank, dpo);
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "3").build());
      recipients.disclose(alice, "mailer", "newsletter", CONTACT, sync);
      recipients.disclose(alice, "bank", "billing", CONTACT, sync);

      gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"));

      assertThat(notifier.recipientsTold(NotificationReason.ERASED)).containsExactly("mailer");
      assertThat(notifier.delivered.get(0).details()).containsEntry("scope", "CONSENT_WITHDRAWN:newsletter");
      assertThat(recipients.disclosures(alice)).hasSize(2);
    }

    @Test
    void recordsAFailedNotificationAndDeliversItOnRetryThenForgetsTheErasedSubject() {
      disclosedToMailerAndBank();
      notifier.down.add("bank");

      gdpr.erasure().erase(alice);

      assertThat(notifier.recipientsTold(NotificationReason.ERASED)).containsExactly("mailer");
      List<Notification> undelivered = recipients.undeliveredNotifications(10);
      assertThat(undelivered).singleElement().satisfies(n -> {
        assertThat(n.recipient()).isEqualTo("bank");
        assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(n.lastError()).isEqualTo(IllegalStateException.class.getName());
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.subject()).as("kept until the recipient has been told").isEqualTo(alice);
      });
      assertThat(recipients.disclosures(alice)).as("the log itself is pseudonymised at once").isEmpty();
      assertThat(recipients.retryNotifications(10)).isZero();
      assertThat(recipients.undeliveredNotifications(10)).singleElement()
          .satisfies(n -> assertThat(n.attempts()).isEqualTo(2));

      notifier.down.clear();

      assertThat(recipients.retryNotifications(10)).isEqualTo(1);
      assertThat(recipients.undeliveredNotifications(10)).isEmpty();
      assertThat(recipients.notifications(alice)).isEmpty();
      assertThat(notifier.recipientsTold(NotificationReason.ERASED)).containsExactly("mailer", "bank");
      assertThat(audited(AuditKind.RECIPIENT_NOTIFIED)).extracting(r -> r.details().get("status"))
          .containsExactly("DELIVERED", "FAILED", "FAILED", "DELIVERED");
    }

    @Test
    void supersedesAnUndeliveredRestrictionNoticeWhenTheSubjectIsErasedInFull() {
      disclosedToMailerAndBank();
      String pseudonym = recipients.disclosures(alice).get(0).subjectPseudonym();
      notifier.down.add("bank");
      gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", dpo);
      notifier.down.clear();

      gdpr.erasure().erase(alice);

      assertThat(recipients.undeliveredNotifications(10)).isEmpty();
      assertThat(log.notificationsByPseudonym(pseudonym)).allSatisfy(n -> assertThat(n.subject()).isNull())
          .extracting(Notification::recipient, Notification::reason, Notification::status).containsExactly(
              org.assertj.core.groups.Tuple.tuple("mailer", NotificationReason.RESTRICTED, NotificationStatus.DELIVERED),
              org.assertj.core.groups.Tuple.tuple("bank", NotificationReason.RESTRICTED, NotificationStatus.SUPERSEDED),
              org.assertj.core.groups.Tuple.tuple("mailer", NotificationReason.ERASED, NotificationStatus.DELIVERED),
              org.assertj.core.groups.Tuple.tuple("bank", NotificationReason.ERASED, NotificationStatus.DELIVERED));
      assertThat(recipients.retryNotifications(10)).isZero();
      assertThat(notifier.recipientsTold(NotificationReason.RESTRICTED)).containsExactly("mailer");
    }

    @Test
    void resumesAnErasureThatCrashedAfterNotifyingWithoutTellingAnyoneTwice() {
      ForwardingDisclosureStore crashing = new ForwardingDisclosureStore() {
        private boolean crashed;

        @Override
        public int pseudonymise(SubjectId subject) {
          if (!crashed) {
            crashed = true;
            throw io.gdprkit.GdprStoreException.of("pseudonymise", new java.io.IOException("reset"));
          }
          return super.pseudonymise(subject);
        }
      };
      RecordingNotifier told = new RecordingNotifier();
      GdprKit kit = GdprKit.builder()
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
          .allowGeneratedKeys().disclosureStore(crashing).recipientNotifier(told).build();
      kit.recipients().register(mailer, dpo);
      kit.recipients().register(bank, dpo);
      kit.recipients().disclose(alice, "mailer", "billing", Set.of(DataCategory.FINANCIAL), sync);
      kit.recipients().disclose(alice, "bank", "billing", Set.of(DataCategory.FINANCIAL), sync);

      assertThatThrownBy(() -> kit.erasure().erase(alice)).isInstanceOf(io.gdprkit.GdprStoreException.class);
      assertThat(kit.recipients().disclosures(alice)).as("not yet pseudonymised").hasSize(2);

      assertThat(kit.erasure().resumePending()).hasSize(1);

      assertThat(told.recipientsTold(NotificationReason.ERASED)).containsExactly("mailer", "bank");
      assertThat(kit.recipients().disclosures(alice)).isEmpty();
      assertThat(kit.recipients().notifications(alice)).isEmpty();
    }

    @Test
    void recordsEveryNotificationAsFailedWhenNoNotifierIsConfigured() {
      GdprKit plain = GdprKit.builder()
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
          .build();
      plain.recipients().register(mailer, dpo);
      plain.recipients().disclose(alice, "mailer", "billing", Set.of(DataCategory.FINANCIAL), sync);

      plain.restrictions().restrict(alice, "objection pending (Art. 18(1)(d))", dpo);

      assertThat(plain.recipients().undeliveredNotifications(10)).singleElement().satisfies(n -> {
        assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(n.lastError()).isEqualTo(UnsupportedOperationException.class.getName());
      });
    }
  }
}
