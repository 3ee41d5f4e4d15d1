package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rectifications, restrictions, objections, processing switches and suppression entries reach the audit trail
 * through the facade, by pseudonym, with names, ids and states in the details and never the personal data itself.
 */
class AuditCompletenessTests {

  private static final String RAW_ID = "contact-42";
  private static final String EMAIL = "alice@example.com";
  private static final String NEW_EMAIL = "alice.smith@new.example";
  private static final String GROUNDS = "Alice Smith says she moved to Lyon";

  private final SubjectId alice = SubjectId.of(RAW_ID);
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts", List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS,
          ErasureStrategy.deleteRecord()))));
  private final GdprKit gdpr = GdprKit.builder().personalData(contacts)
      .purpose(Purpose.of("analytics", LegalBasis.LEGITIMATE_INTERESTS, "Usage analytics"))
      .build();

  @Test
  void auditsARectificationByProviderRecordAndFieldWithoutTheValue() {
    contacts.put(alice, "c-7", Map.of("email", EMAIL), Instant.EPOCH);

    gdpr.rectification().rectify(alice, "contacts", "c-7", "email", NEW_EMAIL);

    AuditEntry entry = onlyEntry();
    assertThat(entry.record().kind()).isEqualTo(AuditKind.UPDATED);
    assertThat(entry.record().subjectPseudonym()).isEqualTo(pseudonymOf(alice));
    assertThat(entry.record().details()).containsExactlyInAnyOrderEntriesOf(Map.of("provider", "contacts",
        "record", "c-7", "field", "email"));
    assertHoldsNo(entry, RAW_ID, EMAIL, NEW_EMAIL);
  }

  @Test
  void auditsARestrictionPlacedAndLiftedButNotTheReason() {
    gdpr.restrictions().restrict(alice, GROUNDS, Actor.staff("dpo"));
    gdpr.restrictions().restrict(alice, GROUNDS, Actor.staff("dpo"));

    gdpr.restrictions().lift(alice, "accuracy verified", Actor.staff("dpo"));

    List<AuditEntry> trail = trail();
    assertThat(trail).extracting(e -> e.record().kind())
        .containsExactly(AuditKind.RESTRICTION_CHANGED, AuditKind.RESTRICTION_CHANGED);
    assertThat(trail).extracting(e -> e.record().details().get("restricted")).containsExactly("true", "false");
    assertThat(trail).allSatisfy(entry -> {
      assertThat(entry.record().subjectPseudonym()).isEqualTo(pseudonymOf(alice));
      assertThat(entry.record().actor()).isEqualTo(Actor.staff("dpo"));
      assertHoldsNo(entry, RAW_ID, GROUNDS, "accuracy verified");
    });
  }

  @Test
  void auditsAnObjectionRecordedAndWithdrawnButNotTheGrounds() {
    gdpr.restrictions().object(alice, "analytics", GROUNDS, Actor.subject());

    gdpr.restrictions().withdrawObjection(alice, "analytics", Actor.subject());

    List<AuditEntry> trail = trail();
    assertThat(trail).extracting(e -> e.record().kind())
        .containsExactly(AuditKind.OBJECTION_CHANGED, AuditKind.OBJECTION_CHANGED);
    assertThat(trail).extracting(e -> e.record().details().get("status")).containsExactly("OBJECTED", "WITHDRAWN");
    assertThat(trail).allSatisfy(entry -> {
      assertThat(entry.record().subjectPseudonym()).isEqualTo(pseudonymOf(alice));
      assertThat(entry.record().purpose()).isEqualTo("analytics");
      assertHoldsNo(entry, RAW_ID, GROUNDS);
    });
  }

  @Test
  void auditsAProcessingSwitchChange() {
    gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject());

    gdpr.consents().setSwitch(alice, ProcessingSwitch.TRACKING, false, Actor.staff("support"));

    List<AuditEntry> trail = trail();
    assertThat(trail).extracting(e -> e.record().kind())
        .containsExactly(AuditKind.SWITCH_CHANGED, AuditKind.SWITCH_CHANGED);
    assertThat(trail).extracting(e -> e.record().details())
        .containsExactly(Map.of("switch", "PROFILING", "on", "true"), Map.of("switch", "TRACKING", "on", "false"));
    assertThat(trail).extracting(e -> e.record().actor()).containsExactly(Actor.subject(), Actor.staff("support"));
    assertThat(trail).allSatisfy(entry -> {
      assertThat(entry.record().subjectPseudonym()).isEqualTo(pseudonymOf(alice));
      assertHoldsNo(entry, RAW_ID);
    });
  }

  @Test
  void auditsASuppressionEntryOnceByItsHashWithoutTheContactPoint() {
    gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email(EMAIL));

    gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email(" Alice@Example.com "));

    AuditEntry entry = onlyEntry();
    assertThat(entry.record().kind()).isEqualTo(AuditKind.SUPPRESSION_ADDED);
    assertThat(entry.record().subjectPseudonym()).isNull();
    assertThat(entry.record().details()).containsEntry("kind", "EMAIL")
        .containsEntry("entry", gdpr.suppression().entries(TenantId.DEFAULT, null, 10).get(0).hash());
    assertHoldsNo(entry, EMAIL, "alice");
  }

  /** Threads racing to add one contact point at one instant add one entry and audit it once. */
  @Test
  void racingSuppressionsOfOneContactPointAuditItOnce() throws Exception {
    GdprKit kit = GdprKit.builder().clock(io.gdprkit.TestClock.at("2026-12-01T10:00:00Z")).build();
    int threads = 8;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);

    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          return kit.suppression().suppress(TenantId.DEFAULT, ContactPoint.email(EMAIL));
        }));
      }
      for (java.util.concurrent.Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(kit.suppression().entries(TenantId.DEFAULT, null, 10)).hasSize(1);
    assertThat(kit.audit().entries(TenantId.DEFAULT, 0, 10)).extracting(e -> e.record().kind())
        .containsExactly(AuditKind.SUPPRESSION_ADDED);
  }

  @Test
  void anErasureAuditsTheSuppressionOfTheSubjectsContactPoints() {
    contacts.put(alice, "c-7", Map.of("email", EMAIL), Instant.EPOCH);
    contacts.contactPoint(alice, ContactPoint.email(EMAIL));

    gdpr.erasure().erase(alice);

    List<AuditEntry> trail = trail();
    assertThat(trail).extracting(e -> e.record().kind()).contains(AuditKind.SUPPRESSION_ADDED, AuditKind.ERASED);
    assertThat(trail).allSatisfy(entry -> assertHoldsNo(entry, RAW_ID, EMAIL));
  }

  private List<AuditEntry> trail() {
    List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 100);
    assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(trail.size()));
    return trail;
  }

  private AuditEntry onlyEntry() {
    List<AuditEntry> trail = trail();
    assertThat(trail).hasSize(1);
    return trail.get(0);
  }

  private String pseudonymOf(SubjectId subject) {
    return gdpr.pseudonymKey().pseudonym("audit-subject", subject.tenant().value() + '/' + subject.value());
  }

  /** Neither the entry's hashed form nor its text holds any of {@code personalData}, in any case. */
  private static void assertHoldsNo(AuditEntry entry, String... personalData) {
    String canonical = new String(EntryHashing.canonicalBytes(entry), StandardCharsets.ISO_8859_1)
        .toLowerCase(java.util.Locale.ROOT);
    String text = entry.toString().toLowerCase(java.util.Locale.ROOT);
    for (String data : personalData) {
      String lower = data.toLowerCase(java.util.Locale.ROOT);
      assertThat(canonical).doesNotContain(lower);
      assertThat(text).doesNotContain(lower);
    }
  }
}
