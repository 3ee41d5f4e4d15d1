package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.Relation;
import io.gdprkit.data.RelationType;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressedContactException;
import io.gdprkit.suppression.SuppressionEntry;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErasureTests {

  static final DataCategory FINANCIAL = DataCategory.FINANCIAL;
  static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "CRM contacts", List.of(
      FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.replace("erased")),
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()),
      FieldDescriptor.of("phone", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()),
      FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp())));
  static final ProviderDescriptor VISITS = ProviderDescriptor.of("visits", "Web visits", List.of(
      FieldDescriptor.of("page", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord())));
  static final ProviderDescriptor INVOICES = ProviderDescriptor.of("invoices", "Invoices", List.of(
      FieldDescriptor.of("amount", FINANCIAL, ErasureStrategy.retain("tax law (AO §147)", Period.ofYears(10))),
      FieldDescriptor.of("billing-email", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord())));

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final KeyRing keys = KeyRing.of("k1", secret(1));
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);
  private final InMemoryPersonalDataProvider visits = new InMemoryPersonalDataProvider(VISITS);
  private final InMemoryPersonalDataProvider invoices = new InMemoryPersonalDataProvider(INVOICES);
  private final SubjectId alice = SubjectId.of("contact-42");
  private final Instant lastYear = Instant.parse("2025-11-23T10:00:00Z");

  private final ConsentStore ledger = ConsentStore.inMemory();

  private GdprKit kit(CascadePolicy cascade, PersonalDataProvider... providers) {
    GdprKit.Builder builder = GdprKit.builder().clock(clock).keyRing(keys).cascade(cascade).consentStore(ledger)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.CONTACT_DETAILS,
            DataCategory.BEHAVIOURAL))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(FINANCIAL,
            DataCategory.CONTACT_DETAILS));
    Arrays.stream(providers).forEach(builder::personalData);
    return builder.build();
  }

  private GdprKit kit() {
    return kit(CascadePolicy.defaults(), contacts, visits, invoices);
  }

  /** Returns a kit over the same consent ledger whose erasure store knows no tombstone: a restored backup's writer. */
  private GdprKit restoredLedger() {
    return GdprKit.builder().clock(clock).keyRing(keys).consentStore(ledger)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
  }

  private static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) seed);
    return secret;
  }

  private void aliceData() {
    contacts.put(alice, "c-42", Map.of("name", "Alice Example", "email", "alice@example.com", "phone", "+49 30 1234",
        "last-ip", "203.0.113.7"), lastYear);
    contacts.contactPoint(alice, ContactPoint.email("Alice@Example.com "));
    contacts.contactPoint(alice, ContactPoint.phone("+49 (30) 1234"));
    visits.put(alice, "v-1", Map.of("page", "/pricing"), lastYear);
    visits.put(alice, "v-2", Map.of("page", "/contact"), lastYear);
    invoices.put(alice, "inv-7", Map.of("amount", 119.0, "billing-email", "alice@example.com"), lastYear);
  }

  @Nested
  class Strategies {

    @Test
    void appliesEachFieldStrategyAndReportsWhatWasRetainedAndWhy() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(alice);

      Map<String, Object> contact = contacts.records(alice).get("c-42");
      assertThat(contact.get("name")).isEqualTo("erased");
      assertThat((String) contact.get("email")).startsWith("pseud:p1:").doesNotContain("alice");
      assertThat(contact.get("phone")).isNull();
      assertThat(contact.get("last-ip")).isEqualTo("203.0.113.0");
      assertThat(visits.records(alice)).isEmpty();
      assertThat(invoices.records(alice).get("inv-7")).containsEntry("amount", 119.0).containsEntry("billing-email", null);
      assertThat(report.providers()).extracting(ProviderReport::provider, ProviderReport::recordsDeleted,
          ProviderReport::fieldsAnonymised).containsExactly(
              org.assertj.core.groups.Tuple.tuple("contacts", 0L, 4L),
              org.assertj.core.groups.Tuple.tuple("visits", 2L, 0L),
              org.assertj.core.groups.Tuple.tuple("invoices", 0L, 1L));
      assertThat(report.providers().get(2).retained()).singleElement().satisfies(kept -> {
        assertThat(kept.field()).isEqualTo("amount");
        assertThat(kept.reason()).isEqualTo("tax law (AO §147)");
        assertThat(kept.until()).isEqualTo(Instant.parse("2035-11-23T10:00:00Z"));
        assertThat(kept.records()).isEqualTo(1);
      });
      assertThat(report.toString()).doesNotContain("alice").doesNotContain("contact-42").doesNotContain("203.0.113.7");
    }

    @Test
    void erasesRetainedDataOnceTheObligationHasRunOut() {
      GdprKit gdpr = kit();
      invoices.put(alice, "inv-1", Map.of("amount", 50.0), Instant.parse("2014-01-01T00:00:00Z"));

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(invoices.records(alice).get("inv-1")).containsEntry("amount", null);
      assertThat(report.providers().get(2).retained()).isEmpty();
    }

    @Test
    void pseudonymisesEqualValuesToEqualHashes() {
      GdprKit gdpr = kit();
      SubjectId bob = SubjectId.of("contact-43");
      contacts.put(alice, "c-42", Map.of("email", "same@example.com"), lastYear);
      contacts.put(bob, "c-43", Map.of("email", "same@example.com"), lastYear);

      gdpr.erasure().erase(alice);
      gdpr.erasure().erase(bob);

      assertThat(contacts.records(alice).get("c-42").get("email")).isEqualTo(contacts.records(bob).get("c-43").get("email"));
    }

    @Test
    @DisplayName("Art. 17, 5(1)(c): keep-part strategies leave the year of a date and the last four digits, once")
    void keepsOnlyTheYearOfADateAndTheLastFourDigitsIdempotently() {
      InMemoryPersonalDataProvider members = new InMemoryPersonalDataProvider(ProviderDescriptor.of("members",
          "Club members", List.of(
              FieldDescriptor.of("born", DataCategory.CONTACT_DETAILS, ErasureStrategy.keepYear()),
              FieldDescriptor.of("joined", DataCategory.CONTACT_DETAILS, ErasureStrategy.keepYear()),
              FieldDescriptor.of("card", FINANCIAL, ErasureStrategy.keepLastFour()),
              FieldDescriptor.of("member-no", FINANCIAL, ErasureStrategy.keepLastFour()),
              FieldDescriptor.of("phone", DataCategory.CONTACT_DETAILS, ErasureStrategy.keepLastFour()))));
      GdprKit gdpr = kit(CascadePolicy.defaults(), members);
      members.put(alice, "m-1", Map.of("born", java.time.LocalDate.parse("1985-06-14"),
          "joined", Instant.parse("2019-08-01T12:30:00Z"), "card", "4111 1111 1111 1234", "member-no", 98_765_432L,
          "phone", "+49 30 12"), lastYear);

      ErasureReport first = gdpr.erasure().erase(alice);
      ErasureReport again = gdpr.erasure().erase(alice);

      assertThat(members.records(alice).get("m-1"))
          .containsEntry("born", java.time.LocalDate.parse("1985-01-01"))
          .containsEntry("joined", Instant.parse("2019-01-01T00:00:00Z"))
          .containsEntry("card", "1234")
          .containsEntry("member-no", 5_432L)
          .containsEntry("phone", "3012");
      assertThat(first.fieldsAnonymised()).isEqualTo(5);
      assertThat(again.fieldsAnonymised()).isZero();
    }
  }

  @Nested
  class WithdrawnConsent {

    @Test
    void keepsWhatAContractPurposeNeedsAndSaysWhichBasisKeptIt() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
      gdpr.consents().withdraw(alice, "newsletter");

      ErasureReport report = gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"));

      assertThat(visits.records(alice)).isEmpty();
      assertThat(contacts.records(alice).get("c-42")).containsEntry("email", "alice@example.com");
      assertThat(report.providers().get(0).retained()).extracting(RetainedField::field, RetainedField::reason)
          .contains(org.assertj.core.groups.Tuple.tuple("email", "legal basis CONTRACT of purpose 'billing'"));
      assertThat(contacts.records(alice).get("c-42")).containsEntry("last-ip", "203.0.113.7");
      assertThat(gdpr.consents().history(alice)).hasSize(2);
      assertThat(gdpr.erasure().wasErased(alice)).isFalse();
      assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("alice@example.com"))).isFalse();
    }

    @Test
    void refusesAScopeOfAnUnknownOrNonConsentPurpose() {
      GdprKit gdpr = kit();

      assertThatThrownBy(() -> gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("nope")))
          .isInstanceOf(UnknownPurposeException.class);
      assertThatThrownBy(() -> gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("billing")))
          .isInstanceOf(LegalBasisMismatchException.class);
      assertThat(gdpr.erasure().records()).isEmpty();
    }
  }

  @Nested
  class LedgerAndSuppression {

    @Test
    void erasesTheConsentLedgerAndSourcesButKeepsAPseudonymousRecord() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").ip("203.0.113.7").build());
      gdpr.sources().tag(alice, Origin.thirdParty("Acme Leads"));

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(gdpr.consents().history(alice)).isEmpty();
      assertThat(gdpr.sources().tags(alice)).isEmpty();
      assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
      assertThat(report.consentEventsErased()).isEqualTo(1);
      assertThat(report.sourceTagsErased()).isEqualTo(2);
      assertThat(gdpr.erasure().records()).singleElement().satisfies(kept -> {
        assertThat(kept.subjectPseudonym()).startsWith("p1:").doesNotContain("contact-42");
        assertThat(kept.recordsDeleted()).isEqualTo(2);
      });
    }

    @Test
    void refusesTheSamePersonAtTheNextImportUntilTheyConsentThroughAForm() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(report.suppressed()).isEqualTo(2);
      assertThatThrownBy(() -> gdpr.suppression().check(TenantId.DEFAULT, ContactPoint.email("  ALICE@example.COM")))
          .isInstanceOfSatisfying(SuppressedContactException.class,
              e -> assertThat(e.kind()).isEqualTo(ContactPoint.Kind.EMAIL))
          .hasMessageNotContaining("alice");
      assertThatThrownBy(() -> gdpr.suppression().check(TenantId.DEFAULT, ContactPoint.phone("0049 30 12-34")))
          .isInstanceOf(SuppressedContactException.class);
      gdpr.suppression().check(TenantId.DEFAULT, ContactPoint.email("bob@example.com"));

      assertThatThrownBy(() -> gdpr.suppression().release(TenantId.DEFAULT, ContactPoint.email("alice@example.com"),
          ConsentProof.imported("list.csv", Actor.staff("user-17")).build()))
          .isInstanceOf(InvalidInputException.class);
      assertThat(gdpr.suppression().release(TenantId.DEFAULT, ContactPoint.email("alice@example.com"),
          ConsentProof.webForm("signup", "v3").build())).isTrue();
      assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("alice@example.com"))).isFalse();
      assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.phone("+493012 34"))).isTrue();
    }

    @Test
    void exportsTheSuppressionListWithoutPersonalData() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);

      List<SuppressionEntry> entries = gdpr.suppression().entries(TenantId.DEFAULT, null, 10);

      assertThat(entries).hasSize(2).allSatisfy(entry -> {
        assertThat(entry.hash()).startsWith("p1:");
        assertThat(entry.toString()).doesNotContain("alice").doesNotContain("1234");
      });
      assertThat(gdpr.suppression().entries(TenantId.DEFAULT, entries.get(0).hash(), 10)).containsExactly(entries.get(1));
    }

    @Test
    void stillRecognisesSuppressedPeopleAfterAKeyRotation() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);

      keys.rotate("k2", secret(2));

      assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("alice@example.com"))).isTrue();
      assertThat(gdpr.erasure().wasErased(alice)).isTrue();
    }
  }

  @Nested
  class Cascade {

    private final SubjectId acme = SubjectId.of("company-1");
    private final SubjectId bob = SubjectId.of("contact-43");
    private final SubjectId phone = SubjectId.of("device-9");

    private void company() {
      contacts.put(acme, "c-1", Map.of("name", "Acme"), lastYear);
      contacts.put(alice, "c-42", Map.of("name", "Alice"), lastYear);
      contacts.put(bob, "c-43", Map.of("name", "Bob"), lastYear);
      contacts.put(phone, "d-9", Map.of("last-ip", "198.51.100.1"), lastYear);
      contacts.relate(new Relation(acme, alice, RelationType.COMPANY_EMPLOYEE));
      contacts.relate(new Relation(acme, bob, RelationType.COMPANY_EMPLOYEE));
      contacts.relate(new Relation(alice, phone, RelationType.USER_DEVICE));
    }

    @Test
    void goesOneLevelDownByDefault() {
      GdprKit gdpr = kit();
      company();

      ErasureReport report = gdpr.erasure().erase(acme);

      assertThat(report.cascaded()).hasSize(2);
      assertThat(contacts.records(alice).get("c-42")).containsEntry("name", "erased");
      assertThat(contacts.records(bob).get("c-43")).containsEntry("name", "erased");
      assertThat(contacts.records(phone).get("d-9")).containsEntry("last-ip", "198.51.100.1");
      assertThat(gdpr.erasure().wasErased(phone)).isFalse();
    }

    @Test
    void goesAsFarAsConfiguredAndNotAlongTypesSetToZero() {
      GdprKit deep = kit(CascadePolicy.defaults().withDepth(RelationType.USER_DEVICE, 2), contacts);
      company();

      ErasureReport report = deep.erasure().erase(acme);

      assertThat(report.all()).hasSize(4);
      assertThat(contacts.records(phone).get("d-9")).containsEntry("last-ip", "198.51.100.0");

      GdprKit none = kit(CascadePolicy.defaults().withDepth(RelationType.COMPANY_EMPLOYEE, 0), contacts);
      SubjectId other = SubjectId.of("company-2");
      contacts.put(other, "c-2", Map.of("name", "Other"), lastYear);
      contacts.put(SubjectId.of("contact-99"), "c-99", Map.of("name", "Zoe"), lastYear);
      contacts.relate(new Relation(other, SubjectId.of("contact-99"), RelationType.COMPANY_EMPLOYEE));

      assertThat(none.erasure().erase(other).cascaded()).isEmpty();
      assertThat(contacts.records(SubjectId.of("contact-99")).get("c-99")).containsEntry("name", "Zoe");
    }

    @Test
    void neverGoesRoundALoop() {
      GdprKit deep = kit(CascadePolicy.defaults().withDefaultDepth(5), contacts);
      contacts.put(alice, "c-42", Map.of("name", "Alice"), lastYear);
      contacts.put(bob, "c-43", Map.of("name", "Bob"), lastYear);
      contacts.relate(new Relation(alice, bob, RelationType.PARENT_CHILD));
      contacts.relate(new Relation(bob, alice, RelationType.PARENT_CHILD));

      ErasureReport report = deep.erasure().erase(alice);

      assertThat(report.all()).hasSize(2);
      assertThat(deep.erasure().records()).hasSize(2);
    }

    @Test
    void refusesADepthBeyondTheMaximum() {
      assertThatThrownBy(() -> CascadePolicy.defaults().withDepth(RelationType.USER_DEVICE, 6))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  class Durability {

    /** Erases records one by one and dies once, after the first record, like a JVM killed mid-erasure. */
    private final class DyingProvider implements PersonalDataProvider {
      private final InMemoryPersonalDataProvider delegate = new InMemoryPersonalDataProvider(VISITS);
      private final AtomicInteger deaths = new AtomicInteger(1);
      private final AtomicInteger deletions = new AtomicInteger();

      @Override
      public ProviderDescriptor describe() {
        return VISITS;
      }

      @Override
      public void export(SubjectId subject, DataSink sink) {
        delegate.export(subject, sink);
      }

      @Override
      public void erase(SubjectId subject, ErasureContext context) {
        delegate.erase(subject, new ErasureContext() {
          @Override
          public SubjectId subject() {
            return context.subject();
          }

          @Override
          public io.gdprkit.data.RecordPlan plan(String record, Map<String, Object> values, Instant date) {
            return context.plan(record, values, date);
          }

          @Override
          public void applied(io.gdprkit.data.RecordPlan plan) {
            deletions.incrementAndGet();
            context.applied(plan);
            if (deaths.getAndDecrement() > 0) {
              throw new IllegalStateException("connection reset while erasing contact-42");
            }
          }
        });
      }
    }

    @Test
    void resumesAJobAfterAProviderFailsMidwayErasingNothingTwiceAndLeavingNothingBehind() {
      DyingProvider dying = new DyingProvider();
      GdprKit gdpr = kit(CascadePolicy.defaults(), contacts, dying, invoices);
      contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), lastYear);
      dying.delegate.put(alice, "v-1", Map.of("page", "/a"), lastYear);
      dying.delegate.put(alice, "v-2", Map.of("page", "/b"), lastYear);
      dying.delegate.put(alice, "v-3", Map.of("page", "/c"), lastYear);
      invoices.put(alice, "inv-1", Map.of("billing-email", "alice@example.com"), lastYear);
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

      assertThatThrownBy(() -> gdpr.erasure().erase(alice))
          .isInstanceOfSatisfying(ErasureIncompleteException.class, e -> assertThat(e.provider()).isEqualTo("visits"))
          .hasMessageNotContaining("contact-42");

      assertThat(contacts.records(alice).get("c-42").get("email")).asString().startsWith("pseud:");
      assertThat(dying.delegate.records(alice)).hasSize(2);
      assertThat(invoices.records(alice)).hasSize(1);
      assertThat(gdpr.consents().history(alice)).hasSize(1);
      Object hashedOnce = contacts.records(alice).get("c-42").get("email");

      List<ErasureReport> resumed = gdpr.erasure().resumePending();

      assertThat(resumed).singleElement().satisfies(report -> {
        assertThat(report.providers()).extracting(ProviderReport::provider, ProviderReport::resumed)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("contacts", false),
                org.assertj.core.groups.Tuple.tuple("visits", true),
                org.assertj.core.groups.Tuple.tuple("invoices", false));
        assertThat(report.providers().get(1).recordsDeleted()).isEqualTo(2);
      });
      assertThat(contacts.records(alice).get("c-42").get("email")).isEqualTo(hashedOnce);
      assertThat(dying.delegate.records(alice)).isEmpty();
      assertThat(invoices.records(alice)).isEmpty();
      assertThat(dying.deletions.get()).isEqualTo(3);
      assertThat(gdpr.consents().history(alice)).isEmpty();
      assertThat(gdpr.erasure().resumePending()).isEmpty();
    }

    @Test
    void runsHarmlesslyTwice() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);
      Map<String, Object> afterFirst = contacts.records(alice).get("c-42");

      ErasureReport second = gdpr.erasure().erase(alice);

      assertThat(contacts.records(alice).get("c-42")).isEqualTo(afterFirst);
      assertThat(second.recordsDeleted()).isZero();
      assertThat(second.fieldsAnonymised()).isZero();
      assertThat(gdpr.erasure().records()).hasSize(2);
    }

    @Test
    void erasesAnUnknownSubjectWithoutErrorAndWithoutRevealingAnything() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(SubjectId.of("never-seen"));

      assertThat(report.recordsDeleted()).isZero();
      assertThat(report.fieldsAnonymised()).isZero();
      assertThat(report.suppressed()).isZero();
      assertThat(report.providers()).hasSize(3);
      assertThat(contacts.records(alice)).isNotEmpty();
    }

    @Test
    void refusesANullSubject() {
      assertThatThrownBy(() -> kit().erasure().erase(null)).isInstanceOf(NullPointerException.class)
          .hasMessage("subject must not be null");
    }
  }

  @Nested
  class Tombstones {

    @Test
    void replayAfterARestoreErasesWhoeverCameBack() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);
      SubjectId bob = SubjectId.of("contact-43");

      // the database is restored from last week's backup: Alice is back, with her consent
      aliceData();
      contacts.put(bob, "c-43", Map.of("name", "Bob"), lastYear);
      restoredLedger().consents().grant(alice, "newsletter", ConsentProof.builder(ConsentChannel.IMPORT).build());
      ReplayReport replay = gdpr.erasure().replayTombstones(Stream.of(alice, bob));

      assertThat(replay.examined()).isEqualTo(2);
      assertThat(replay.erasedAgain()).hasSize(1);
      assertThat(visits.records(alice)).isEmpty();
      assertThat(gdpr.consents().history(alice)).isEmpty();
      assertThat(contacts.records(bob).get("c-43")).containsEntry("name", "Bob");
      assertThat(gdpr.erasure().wasErased(bob)).isFalse();
    }

    @Test
    void replaysOverTheSubjectsTheKitKnowsWithNoArguments() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);
      aliceData();
      restoredLedger().consents().grant(alice, "newsletter", ConsentProof.builder(ConsentChannel.IMPORT).build());

      ReplayReport replay = gdpr.erasure().replayTombstones();

      assertThat(replay.erasedAgain()).hasSize(1);
      assertThat(visits.records(alice)).isEmpty();
    }
  }
}
