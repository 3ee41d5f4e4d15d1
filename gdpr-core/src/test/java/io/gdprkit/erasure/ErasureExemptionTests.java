package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Art. 17(3)(b) and (e): an erasure keeps what a purpose on a legal obligation, a public task or for legal claims
 * needs, for that purpose's retention and no longer, and says which basis kept it. Issue 10.
 */
class ErasureExemptionTests {

  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final DataCategory REGISTRY = DataCategory.of("registry-entry", "Entry in a public register",
      Sensitivity.NORMAL);
  private static final ProviderDescriptor CRM = ProviderDescriptor.of("crm", "CRM contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.keyedHash()),
      FieldDescriptor.of("last-ip", DataCategory.ONLINE_IDENTIFIERS, ErasureStrategy.maskIp()),
      FieldDescriptor.of("page", DataCategory.BEHAVIOURAL, ErasureStrategy.setNull())));
  private static final ProviderDescriptor LEDGER = ProviderDescriptor.of("ledger", "Invoices and register entries",
      List.of(FieldDescriptor.of("amount", DataCategory.FINANCIAL, ErasureStrategy.setNull()),
          FieldDescriptor.of("register-no", REGISTRY, ErasureStrategy.setNull()),
          FieldDescriptor.of("note", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord())));
  private static final PseudonymKey PSEUDONYM_KEY = PseudonymKey.generate();

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final KeyRing keys = KeyRing.of("k1", secret());
  private final ConsentStore consents = ConsentStore.inMemory();
  private final ErasureStore erasures = ErasureStore.inMemory(clock);
  private final CountingProvider crm = new CountingProvider(CRM);
  private final CountingProvider ledger = new CountingProvider(LEDGER);
  private final SubjectId alice = SubjectId.of("contact-42");
  private final Instant lastYear = Instant.parse("2025-11-23T10:00:00Z");

  private static byte[] secret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 3);
    return secret;
  }

  private static Purpose taxRecords() {
    return Purpose.of("tax-records", LegalBasis.LEGAL_OBLIGATION, "Invoices kept for tax law")
        .withDataCategories(DataCategory.FINANCIAL).withRetention(Period.ofYears(10));
  }

  private static Purpose publicRegister() {
    return Purpose.of("public-register", LegalBasis.PUBLIC_TASK, "Register of licensed traders")
        .withDataCategories(REGISTRY).withRetention(Period.ofYears(5));
  }

  private static Purpose claims() {
    return Purpose.of("claims", LegalBasis.LEGITIMATE_INTERESTS, "Defence of legal claims")
        .withDataCategories(DataCategory.CONTACT_DETAILS).withRetention(Period.ofYears(3)).forLegalClaims();
  }

  private GdprKit.Builder builder(String instance) {
    return GdprKit.builder().clock(clock).keyRing(keys).pseudonymKey(PSEUDONYM_KEY).instanceId(instance)
        .workLease(LEASE).consentStore(consents).erasureStore(erasures)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Newsletter")
            .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.BEHAVIOURAL))
        .purpose(taxRecords()).purpose(publicRegister()).purpose(claims())
        .personalData(crm).personalData(ledger);
  }

  private GdprKit kit() {
    return builder("a").build();
  }

  private void aliceData() {
    crm.delegate.put(alice, "c-1", Map.of("email", "alice@example.com", "last-ip", "203.0.113.7", "page", "/pricing"),
        lastYear);
    ledger.delegate.put(alice, "inv-1", Map.of("amount", 119.0, "register-no", "TR-0042", "note", "paid late"),
        lastYear);
  }

  /** Moves the clock to a time after now. */
  private void moveTo(String instant) {
    clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
  }

  private static RetainedField kept(ErasureReport report, String field) {
    return report.providers().stream().flatMap(p -> p.retained().stream()).filter(r -> r.field().equals(field))
        .findFirst().orElseThrow(() -> new AssertionError(field + " not retained"));
  }

  private static long entries(GdprKit gdpr, AuditKind kind) {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 10_000).stream().filter(e -> e.record().kind() == kind).count();
  }

  @Nested
  class Kept {

    @Test
    @DisplayName("Art. 17(3)(b): a full erasure keeps what a purpose on Art. 6(1)(c) needs, naming purpose, basis and date")
    void keepsWhatALegalObligationPurposeNeedsAndReportsTheBasis() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(ledger.delegate.records(alice).get("inv-1")).containsEntry("amount", 119.0);
      RetainedField amount = kept(report, "amount");
      assertThat(amount.exemption()).isEqualTo(new ErasureExemption("tax-records", LegalBasis.LEGAL_OBLIGATION,
          ErasureExemption.Ground.LEGAL_OBLIGATION_OR_PUBLIC_TASK));
      assertThat(amount.exemption().article()).isEqualTo("17(3)(b)");
      assertThat(amount.exemption().legalBasisArticle()).isEqualTo("6(1)(c)");
      assertThat(amount.until()).isEqualTo(Instant.parse("2035-11-23T10:00:00Z"));
      assertThat(amount.reason()).isEqualTo("Art. 17(3)(b): purpose 'tax-records' on Art. 6(1)(c)");
      assertThat(gdpr.erasure().wasErased(alice)).isTrue();
    }

    @Test
    @DisplayName("Art. 17(3)(b): a full erasure keeps what a purpose on Art. 6(1)(e), a public task, needs")
    void keepsWhatAPublicTaskPurposeNeeds() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(ledger.delegate.records(alice).get("inv-1")).containsEntry("register-no", "TR-0042");
      RetainedField entry = kept(report, "register-no");
      assertThat(entry.exemption().purpose()).isEqualTo("public-register");
      assertThat(entry.exemption().legalBasisArticle()).isEqualTo("6(1)(e)");
      assertThat(entry.exemption().article()).isEqualTo("17(3)(b)");
      assertThat(entry.until()).isEqualTo(Instant.parse("2030-11-23T10:00:00Z"));
    }

    @Test
    @DisplayName("Art. 17(3)(e): a full erasure keeps what a purpose for legal claims needs, whatever its basis")
    void keepsWhatALegalClaimsPurposeNeeds() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(crm.delegate.records(alice).get("c-1")).containsEntry("email", "alice@example.com");
      RetainedField email = kept(report, "email");
      assertThat(email.exemption().ground()).isEqualTo(ErasureExemption.Ground.LEGAL_CLAIMS);
      assertThat(email.exemption().article()).isEqualTo("17(3)(e)");
      assertThat(email.exemption().legalBasisArticle()).isEqualTo("6(1)(f)");
      assertThat(email.until()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
      assertThat(report.exempted()).extracting(RetainedField::field)
          .containsExactlyInAnyOrder("email", "amount", "register-no");
      assertThat(report.nextRelease()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
    }

    @Test
    @DisplayName("Art. 17(1): data no exempt purpose needs is erased, consent-based purposes' data included")
    void erasesWhatNoExemptPurposeNeedsIncludingConsentPurposeData() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v1").build());

      ErasureReport report = gdpr.erasure().erase(alice);

      Map<String, Object> contact = crm.delegate.records(alice).get("c-1");
      assertThat(contact.get("last-ip")).isEqualTo("203.0.113.0");
      assertThat(contact.get("page")).as("behavioural data only the consent purpose needs").isNull();
      assertThat(ledger.delegate.records(alice).get("inv-1")).as("record kept for its held fields, note cleared")
          .containsEntry("note", null);
      assertThat(report.providers()).flatExtracting(ProviderReport::retained).extracting(RetainedField::field)
          .doesNotContain("last-ip", "page", "note");
      assertThat(report.consentEventsErased()).isEqualTo(1);
    }

    @Test
    @DisplayName("Art. 17(3)(b): data whose retention already ran out at the erasure is erased at once")
    void erasesHeldCategoriesOfRecordsOlderThanTheRetention() {
      GdprKit gdpr = kit();
      ledger.delegate.put(alice, "inv-old", Map.of("amount", 50.0, "register-no", "TR-0001"),
          Instant.parse("2014-01-01T00:00:00Z"));

      ErasureReport report = gdpr.erasure().erase(alice);

      assertThat(ledger.delegate.records(alice).get("inv-old")).containsEntry("amount", null)
          .containsEntry("register-no", null);
      assertThat(report.exempted()).isEmpty();
      assertThat(report.nextRelease()).isNull();
      assertThat(erasures.holds(alice)).isEmpty();
    }

    @Test
    @DisplayName("Art. 17(3)(e): withdrawing a consent keeps what a legal-claims purpose needs until its retention, not for ever")
    void keepsForAWithdrawnConsentOnlyAsLongAsTheExemptPurposeNeeds() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v1").build());
      gdpr.consents().withdraw(alice, "newsletter");

      ErasureReport report = gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"));

      assertThat(kept(report, "email").exemption().purpose()).isEqualTo("claims");
      assertThat(kept(report, "email").until()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
      assertThat(crm.delegate.records(alice).get("c-1")).containsEntry("page", null);

      moveTo("2028-11-24T00:00:00Z");
      List<ErasureReport> released = gdpr.erasure().releaseHeld(10);

      assertThat(released).singleElement().satisfies(r -> {
        assertThat(r.releaseOf()).isEqualTo(report.job());
        assertThat(r.scope()).isEqualTo(ErasureScope.consentWithdrawn("newsletter"));
      });
      assertThat((String) crm.delegate.records(alice).get("c-1").get("email")).startsWith("pseud:");
      assertThat(crm.delegate.records(alice).get("c-1")).containsEntry("last-ip", "203.0.113.7");
    }

    @Test
    @DisplayName("Art. 17(3): a purpose-ended erasure of the exempt purpose itself ends what it kept")
    void endsTheHoldOfAnExemptPurposeWhoseOwnPurposeEnded() {
      GdprKit gdpr = kit();
      aliceData();

      ErasureReport report = gdpr.erasure().erase(alice, ErasureScope.purposeEnded("tax-records"));

      assertThat(ledger.delegate.records(alice).get("inv-1")).containsEntry("amount", null);
      assertThat(report.exempted()).isEmpty();
    }
  }

  @Nested
  class Released {

    @Test
    @DisplayName("Art. 17(3), 5(1)(e): held data is kept only until each purpose's retention ends, then erased")
    void releasesHeldDataAsEachRetentionEnds() {
      GdprKit gdpr = kit();
      aliceData();
      ErasureReport erased = gdpr.erasure().erase(alice);

      moveTo("2028-11-23T09:59:59Z");
      List<ErasureReport> early = gdpr.erasure().releaseHeld(10);
      moveTo("2028-11-23T10:00:00Z"); // the legal-claims retention ends
      List<ErasureReport> claimsEnded = gdpr.erasure().releaseHeld(10);

      assertThat(early).isEmpty();
      assertThat(claimsEnded).singleElement().satisfies(r -> {
        assertThat(r.releaseOf()).isEqualTo(erased.job());
        assertThat(r.exempted()).extracting(RetainedField::field).containsExactlyInAnyOrder("amount", "register-no");
        assertThat(r.nextRelease()).isEqualTo(Instant.parse("2030-11-23T10:00:00Z"));
        assertThat(r.consentEventsErased()).isZero();
      });
      assertThat((String) crm.delegate.records(alice).get("c-1").get("email")).startsWith("pseud:");
      assertThat(ledger.delegate.records(alice).get("inv-1")).containsEntry("amount", 119.0)
          .containsEntry("register-no", "TR-0042");
      assertThat(erasures.holds(alice)).singleElement().satisfies(h -> {
        assertThat(h.id()).isEqualTo(erased.job());
        assertThat(h.until()).isEqualTo(Instant.parse("2030-11-23T10:00:00Z"));
      });

      moveTo("2030-11-24T00:00:00Z"); // the public task's retention ended
      assertThat(gdpr.erasure().releaseHeld(10)).hasSize(1);
      assertThat(ledger.delegate.records(alice).get("inv-1")).containsEntry("register-no", null)
          .containsEntry("amount", 119.0);

      moveTo("2035-11-24T00:00:00Z"); // the tax law's ended
      assertThat(gdpr.erasure().releaseHeld(10)).singleElement()
          .satisfies(r -> assertThat(r.nextRelease()).isNull());
      assertThat(ledger.delegate.records(alice)).as("nothing kept: the note's strategy deletes the record")
          .doesNotContainKey("inv-1");
      assertThat(erasures.holds(alice)).isEmpty();
      clock.advance(Duration.ofDays(3650));
      assertThat(gdpr.erasure().releaseHeld(10)).isEmpty();
      assertThat(gdpr.erasure().records()).hasSize(4);
    }

    @Test
    @DisplayName("Art. 17(3): the subject's data key outlives the erasure while data is held, and is destroyed with the last of it")
    void destroysTheDataKeyOnlyOnceNothingIsHeld() {
      GdprKit gdpr = kit();
      ledger.delegate.put(alice, "inv-1", Map.of("amount", 119.0), lastYear);
      String sealed = gdpr.encryption().encryptText(alice, "amount", "119.00 EUR");

      gdpr.erasure().erase(alice);

      assertThat(gdpr.encryption().isShredded(alice)).isFalse();
      assertThat(gdpr.encryption().decryptText(alice, "amount", sealed)).isEqualTo("119.00 EUR");

      moveTo("2035-11-24T00:00:00Z");
      gdpr.erasure().releaseHeld(10);

      assertThat(gdpr.encryption().isShredded(alice)).isTrue();
      assertThat(entries(gdpr, AuditKind.KEY_DESTROYED)).isEqualTo(1);
      assertThat(entries(gdpr, AuditKind.ERASED)).isEqualTo(2);
    }

    @Test
    @DisplayName("Art. 17(3), 5(1)(e): the retention sweep erases held data once due")
    void theRetentionSweepReleasesDueHeldData() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);

      SweepReport before = gdpr.retention().sweep(100);
      moveTo("2036-01-01T00:00:00Z");
      SweepReport after = gdpr.retention().sweep(100);

      assertThat(before.released()).isZero();
      assertThat(after.released()).isEqualTo(1);
      assertThat(ledger.delegate.records(alice)).doesNotContainKey("inv-1");
      assertThat(erasures.holds(alice)).isEmpty();
    }

    @Test
    @DisplayName("Art. 17(3): a release leaves alone what was collected after the erasure, once recollection was allowed")
    void aReleaseLeavesDataCollectedAfterTheErasureAlone() {
      GdprKit gdpr = kit();
      aliceData();
      gdpr.erasure().erase(alice);
      clock.advance(Duration.ofDays(30));
      gdpr.erasure().allowRecollection(alice, Actor.staff("dpo"));
      crm.delegate.put(alice, "c-2", Map.of("email", "alice@new.example", "page", "/signup"), clock.instant());

      moveTo("2028-11-24T00:00:00Z");
      gdpr.erasure().releaseHeld(10);

      assertThat(crm.delegate.records(alice).get("c-2")).containsEntry("email", "alice@new.example")
          .containsEntry("page", "/signup");
      assertThat((String) crm.delegate.records(alice).get("c-1").get("email")).startsWith("pseud:");
    }

    @Test
    @DisplayName("Art. 17(3): a release that died halfway is finished once by another instance and not run again")
    void aReleaseThatDiedIsFinishedOnceByAnotherInstance() {
      GdprKit a = builder("a").build();
      GdprKit b = builder("b").build();
      aliceData();
      a.erasure().erase(alice);
      moveTo("2036-01-01T00:00:00Z");
      AtomicBoolean dies = new AtomicBoolean(true);
      ledger.inside(subject -> {
        if (dies.getAndSet(false)) {
          throw new InstanceDied();
        }
      });
      assertThatThrownBy(() -> a.erasure().releaseHeld(10)).isInstanceOf(InstanceDied.class);
      int crmCalls = crm.calls(alice);

      List<ErasureReport> whileLeased = b.erasure().releaseHeld(10);
      List<ErasureReport> resumedWhileLeased = b.erasure().resumePending();
      clock.advance(LEASE.plusSeconds(1));
      List<ErasureReport> resumed = b.erasure().resumePending();
      List<ErasureReport> again = b.erasure().releaseHeld(10);

      assertThat(whileLeased).isEmpty();
      assertThat(resumedWhileLeased).isEmpty();
      assertThat(resumed).singleElement().satisfies(r -> assertThat(r.releaseOf()).isNotNull());
      assertThat(again).isEmpty();
      assertThat(crm.calls(alice)).as("the provider done before the crash is not run again").isEqualTo(crmCalls);
      assertThat(ledger.delegate.records(alice)).doesNotContainKey("inv-1");
      assertThat(erasures.holds(alice)).isEmpty();
      assertThat(erasures.pending(null, 10)).isEmpty();
    }

    @Test
    @DisplayName("Art. 17(3): erasing a subject again while data is held keeps one hold, not two")
    void erasingAgainKeepsOneHold() {
      GdprKit gdpr = kit();
      aliceData();
      ErasureReport first = gdpr.erasure().erase(alice);
      clock.advance(Duration.ofDays(10));

      gdpr.erasure().erase(alice);

      assertThat(erasures.holds(alice)).singleElement().satisfies(h -> {
        assertThat(h.id()).isEqualTo(first.job());
        assertThat(h.erasedAt()).isEqualTo(clock.instant());
      });
    }
  }

  @Nested
  class Configuration {

    @Test
    @DisplayName("Art. 17(3)(b): build() refuses a legal-obligation purpose that declares data categories but no retention")
    void refusesALegalObligationPurposeWithoutRetention() {
      GdprKit.Builder builder = GdprKit.builder().purpose(Purpose.of("tax-records", LegalBasis.LEGAL_OBLIGATION,
          "Invoices kept for tax law").withDataCategories(DataCategory.FINANCIAL));

      assertThatThrownBy(builder::build).isInstanceOfSatisfying(MissingRetentionException.class, e -> {
        assertThat(e.purpose()).isEqualTo("tax-records");
        assertThat(e.legalBasis()).isEqualTo(LegalBasis.LEGAL_OBLIGATION);
        assertThat(e.article()).isEqualTo("17(3)(b)");
        assertThat(e).hasMessageContaining("withRetention");
      });
    }

    @Test
    @DisplayName("Art. 17(3)(b), (e): build() refuses public-task and legal-claims purposes without retention too")
    void refusesPublicTaskAndLegalClaimsPurposesWithoutRetention() {
      assertThatThrownBy(() -> GdprKit.builder().purpose(Purpose.of("public-register", LegalBasis.PUBLIC_TASK,
          "Register").withDataCategories(REGISTRY)).build())
          .isInstanceOfSatisfying(MissingRetentionException.class, e -> assertThat(e.article()).isEqualTo("17(3)(b)"));
      assertThatThrownBy(() -> GdprKit.builder().purpose(Purpose.of("claims", LegalBasis.CONTRACT, "Claims")
          .withDataCategories(DataCategory.CONTACT_DETAILS).forLegalClaims()).build())
          .isInstanceOfSatisfying(MissingRetentionException.class, e -> assertThat(e.article()).isEqualTo("17(3)(e)"));
    }

    @Test
    @DisplayName("Art. 17(3): purposes that keep nothing from erasure need no retention")
    void acceptsPurposesThatKeepNothingWithoutRetention() {
      GdprKit gdpr = GdprKit.builder()
          .purpose(Purpose.of("filing", LegalBasis.LEGAL_OBLIGATION, "Declares no categories"))
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
          .build();

      assertThat(gdpr.purposes().all()).hasSize(2);
    }
  }

  /** Stands for a JVM that stops in the middle of a provider: nothing after it runs, no claim is released. */
  private static final class InstanceDied extends Error {
    private static final long serialVersionUID = 1L;
  }
}
