package io.gdprkit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetentionTests {

  static final ProviderDescriptor CONTACTS = ProviderDescriptor.of("contacts", "Contacts", List.of(
      FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.deleteRecord()),
      FieldDescriptor.of("score", DataCategory.BEHAVIOURAL, ErasureStrategy.setNull())));

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(CONTACTS);

  private GdprKit kit(RetentionRule... rules) {
    GdprKit.Builder builder = GdprKit.builder().clock(clock).personalData(contacts)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.CONTACT_DETAILS))
        .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Scoring")
            .withDataCategories(DataCategory.BEHAVIOURAL))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Billing").withDataCategories(DataCategory.CONTACT_DETAILS));
    for (RetentionRule rule : rules) {
      builder.retention(rule);
    }
    return builder.build();
  }

  private SubjectId lead(GdprKit gdpr, int i, Duration inactiveFor) {
    SubjectId subject = SubjectId.of(String.format("lead-%03d", i));
    contacts.put(subject, "c-" + i, Map.of("email", "lead" + i + "@example.com", "score", 42), clock.instant());
    gdpr.retention().recordActivity(subject, clock.instant().minus(inactiveFor));
    return subject;
  }

  @Test
  void erasesSubjectsInactiveLongerThanTheRuleAllowsAndNobodyElse() {
    GdprKit gdpr = kit(RetentionRule.forSubjects("inactive-leads", Duration.ofDays(730), RetentionRule.Action.ERASE));
    SubjectId stale = lead(gdpr, 1, Duration.ofDays(731));
    SubjectId recent = lead(gdpr, 2, Duration.ofDays(10));
    SubjectId untracked = SubjectId.of("lead-999");
    contacts.put(untracked, "c-999", Map.of("email", "x@example.com"), clock.instant());

    SweepReport report = gdpr.retention().sweep(100);

    assertThat(report.rules()).containsEntry("inactive-leads", 1L);
    assertThat(report.more()).isFalse();
    assertThat(contacts.records(stale)).isEmpty();
    assertThat(contacts.records(recent)).isNotEmpty();
    assertThat(contacts.records(untracked)).isNotEmpty();
    assertThat(gdpr.erasure().wasErased(stale)).isTrue();
    assertThat(gdpr.retention().lastActivity(stale)).isEmpty();
    assertThat(gdpr.retention().sweep(100).processed()).isZero();
  }

  @Test
  void erasesOnlyWhatAPurposeNeedsAndKeepsWhatAContractNeeds() {
    GdprKit gdpr = kit(RetentionRule.forPurpose("scores", "lead-scoring", Duration.ofDays(180), RetentionRule.Action.ERASE),
        RetentionRule.forPurpose("news", "newsletter", Duration.ofDays(180), RetentionRule.Action.ERASE));
    SubjectId subject = lead(gdpr, 1, Duration.ofDays(200));

    SweepReport report = gdpr.retention().sweep(10);

    assertThat(report.rules()).containsEntry("scores", 1L).containsEntry("news", 1L);
    assertThat(contacts.records(subject).get("c-1")).containsEntry("score", null)
        .containsEntry("email", "lead1@example.com");
    assertThat(gdpr.erasure().wasErased(subject)).isFalse();
    assertThat(gdpr.retention().sweep(10).processed()).isZero();
  }

  @Test
  void anonymisesACategoryKeepingTheRecordAndComesBackAfterNewActivity() {
    GdprKit gdpr = kit(RetentionRule.forCategory("contact-data", DataCategory.CONTACT_DETAILS, Duration.ofDays(365),
        RetentionRule.Action.ANONYMISE));
    SubjectId subject = lead(gdpr, 1, Duration.ofDays(400));

    gdpr.retention().sweep(10);

    assertThat(contacts.records(subject).get("c-1")).containsEntry("email", null).containsEntry("score", 42);

    contacts.put(subject, "c-1", Map.of("email", "new@example.com", "score", 42), clock.instant());
    gdpr.retention().recordActivity(subject, clock.instant());
    clock.advance(Duration.ofDays(366));

    assertThat(gdpr.retention().sweep(10).rules()).containsEntry("contact-data", 1L);
    assertThat(contacts.records(subject).get("c-1")).containsEntry("email", null);
  }

  @Test
  void sweepsInBoundedBatchesAndSaysWhenMoreAreDue() {
    GdprKit gdpr = kit(RetentionRule.forSubjects("inactive", Duration.ofDays(30), RetentionRule.Action.ERASE));
    IntStream.range(0, 25).forEach(i -> lead(gdpr, i, Duration.ofDays(31)));

    SweepReport first = gdpr.retention().sweep(10);
    SweepReport second = gdpr.retention().sweep(10);
    SweepReport third = gdpr.retention().sweep(10);

    assertThat(List.of(first.processed(), second.processed(), third.processed())).containsExactly(10L, 10L, 5L);
    assertThat(List.of(first.more(), second.more(), third.more())).containsExactly(true, true, false);
  }

  // A sweep that claimed a subject erases it, and the erasure purges the retention store; a second sweep that
  // read the subject's activity before the purge must not claim it again (it once did: 201 of 200).
  @RepeatedTest(5)
  void neverProcessesASubjectTwiceWhenSweepsRunInParallel() throws Exception {
    GdprKit gdpr = kit(RetentionRule.forSubjects("inactive", Duration.ofDays(30), RetentionRule.Action.ERASE));
    IntStream.range(0, 200).forEach(i -> lead(gdpr, i, Duration.ofDays(31)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> futures = new ArrayList<>();

    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit((Callable<Long>) () -> {
        long processed = 0;
        SweepReport report;
        do {
          report = gdpr.retention().sweep(20);
          processed += report.processed();
        } while (report.more());
        return processed;
      }));
    }
    long total = 0;
    for (Future<Long> future : futures) {
      total += future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).isEqualTo(200);
    assertThat(gdpr.erasure().records()).hasSize(200);
  }

  @Test
  void erasesWhoeverDidNotRenewConsentByTheCampaignDeadline() {
    GdprKit gdpr = kit();
    SubjectId answers = lead(gdpr, 1, Duration.ZERO);
    SubjectId silent = lead(gdpr, 2, Duration.ZERO);
    SubjectId subscribed = lead(gdpr, 3, Duration.ZERO);
    gdpr.consents().grant(subscribed, "newsletter", ConsentProof.webForm("f", "1").build());
    List<PendingConsent> invitations = new ArrayList<>();

    CampaignReport started = gdpr.retention().startCampaign("relaunch-2026", "newsletter",
        Stream.of(answers, silent, subscribed), Duration.ofDays(30), invitations::add);

    assertThat(started.invited()).isEqualTo(2);
    assertThat(started.alreadyGranted()).isEqualTo(1);
    assertThat(invitations).extracting(p -> p.event().subject()).containsExactly(answers, silent);
    clock.advance(Duration.ofDays(3));
    gdpr.consents().confirm(invitations.get(0).token());
    assertThat(gdpr.retention().sweep(10).processed()).isZero();

    clock.advance(Duration.ofDays(28));
    SweepReport report = gdpr.retention().sweep(10);

    assertThat(report.campaignsErased()).containsEntry("relaunch-2026", 1L);
    assertThat(report.campaignsKept()).containsEntry("relaunch-2026", 1L);
    assertThat(contacts.records(silent)).isEmpty();
    assertThat(contacts.records(answers)).isNotEmpty();
    assertThat(contacts.records(subscribed)).isNotEmpty();
    assertThat(gdpr.retention().sweep(10).processed()).isZero();
  }

  @Test
  void refusesBadRulesAndCampaigns() {
    assertThatThrownBy(() -> kit(RetentionRule.forSubjects("a", Duration.ofDays(1), RetentionRule.Action.ERASE),
        RetentionRule.forSubjects("a", Duration.ofDays(2), RetentionRule.Action.ERASE)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("declared twice");
    assertThatThrownBy(() -> kit(RetentionRule.forPurpose("b", "nope", Duration.ofDays(1), RetentionRule.Action.ERASE)))
        .isInstanceOf(UnknownPurposeException.class);
    assertThatThrownBy(() -> RetentionRule.forSubjects("c", Duration.ZERO, RetentionRule.Action.ERASE))
        .isInstanceOf(InvalidInputException.class);
    GdprKit gdpr = kit();
    assertThatThrownBy(() -> gdpr.retention().startCampaign("x", "billing", Stream.empty(), Duration.ofDays(1), p -> { }))
        .isInstanceOf(LegalBasisMismatchException.class);
    gdpr.retention().startCampaign("x", "newsletter", Stream.empty(), Duration.ofDays(1), p -> { });
    assertThatThrownBy(() -> gdpr.retention().startCampaign("x", "newsletter", Stream.empty(), Duration.ofDays(1), p -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> gdpr.retention().sweep(0)).isInstanceOf(InvalidInputException.class);
    assertThat(gdpr.retention().campaigns()).hasSize(1);
  }
}
