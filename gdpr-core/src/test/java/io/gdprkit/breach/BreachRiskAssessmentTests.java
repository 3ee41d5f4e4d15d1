package io.gdprkit.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A breach's risk assessment decides what Art. 33 and 34 make due, and every assessment is kept. */
class BreachRiskAssessmentTests {

  private static final Actor DPO = Actor.staff("dpo");
  private static final Actor CISO = Actor.staff("ciso");
  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

  private final TestClock clock = new TestClock(NOW);
  private final GdprKit gdpr = GdprKit.builder().clock(clock).build();
  private final BreachService breaches = gdpr.breaches();

  private Breach recordedHoursAgo(String id, int hours) {
    return breaches.record(BreachId.of(id), BreachDetails.of("Misdirected export " + id),
        NOW.minus(Duration.ofHours(hours)), DPO);
  }

  @Nested
  @DisplayName("obligations by risk level")
  class Obligations {

    @Test
    @DisplayName("Art. 33(1): a breach not yet assessed awaits the authority's notification and is listed as unassessed")
    void anUnassessedBreachAwaitsNotification() {
      Breach breach = recordedHoursAgo("INC-1", 1);

      assertThat(breach.assessment()).isEmpty();
      assertThat(breach.authorityStatus()).isEqualTo(Breach.AuthorityStatus.PENDING);
      assertThat(breach.subjectStatus()).isEqualTo(Breach.SubjectStatus.UNDECIDED);
      assertThat(breaches.unassessed()).containsExactly(breach);
      assertThat(breaches.awaitingAuthorityNotification()).extracting(AuthorityNotificationDue::breach)
          .containsExactly(breach);
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
    }

    @Test
    @DisplayName("Art. 33(1): at NO_RISK, unlikely to result in a risk, nothing is due and the rationale is kept")
    void noRiskMakesNothingDue() {
      Breach breach = recordedHoursAgo("INC-1", 1);

      Breach assessed = breaches.assess(breach.id(), RiskLevel.NO_RISK, "Encrypted backup tape, key never exposed",
          DPO);

      assertThat(assessed.authorityStatus()).isEqualTo(Breach.AuthorityStatus.NOT_REQUIRED);
      assertThat(assessed.notificationNotRequiredReason()).isEqualTo("Encrypted backup tape, key never exposed");
      assertThat(assessed.subjectStatus()).isEqualTo(Breach.SubjectStatus.UNDECIDED);
      assertThat(breaches.awaitingAuthorityNotification()).isEmpty();
      assertThat(breaches.awaitingNotification(Duration.ofDays(30))).isEmpty();
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
      assertThat(breaches.unassessed()).isEmpty();
      assertThat(breaches.breaches()).containsExactly(assessed);
    }

    @Test
    @DisplayName("Art. 33(1): at RISK the authority is due within 72 hours, the subjects are not (Art. 34(1))")
    void riskMakesTheAuthorityDue() {
      Breach breach = recordedHoursAgo("INC-1", 1);

      Breach assessed = breaches.assess(breach.id(), RiskLevel.RISK, "Names and e-mail addresses", DPO);

      assertThat(assessed.authorityStatus()).isEqualTo(Breach.AuthorityStatus.PENDING);
      assertThat(assessed.subjectStatus()).isEqualTo(Breach.SubjectStatus.UNDECIDED);
      assertThat(breaches.awaitingAuthorityNotification()).extracting(AuthorityNotificationDue::breach)
          .containsExactly(assessed);
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
    }

    @Test
    @DisplayName("Art. 34(1): at HIGH_RISK the authority and the subjects are due, until each is notified")
    void highRiskMakesBothDue() {
      Breach breach = recordedHoursAgo("INC-1", 1);
      Breach assessed = breaches.assess(breach.id(), RiskLevel.HIGH_RISK, "Bank details in clear", DPO);
      List<Breach> subjectsDueBefore = breaches.awaitingSubjectCommunication();

      breaches.notifyAuthority(breach.id(), NOW, null, DPO);
      Breach told = breaches.subjectsTold(breach.id(), NOW, DPO);

      assertThat(assessed.authorityStatus()).isEqualTo(Breach.AuthorityStatus.PENDING);
      assertThat(assessed.subjectStatus()).isEqualTo(Breach.SubjectStatus.DUE);
      assertThat(subjectsDueBefore).containsExactly(assessed);
      assertThat(told.subjectStatus()).isEqualTo(Breach.SubjectStatus.TOLD);
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
      assertThat(breaches.awaitingAuthorityNotification()).isEmpty();
    }

    @Test
    @DisplayName("each level states the obligations the articles attach to it")
    void levelsStateTheirObligations() {
      assertThat(RiskLevel.NO_RISK.requiresAuthorityNotification()).isFalse();
      assertThat(RiskLevel.RISK.requiresAuthorityNotification()).isTrue();
      assertThat(RiskLevel.HIGH_RISK.requiresAuthorityNotification()).isTrue();
      assertThat(RiskLevel.RISK.requiresSubjectCommunication()).isFalse();
      assertThat(RiskLevel.HIGH_RISK.requiresSubjectCommunication()).isTrue();
      assertThat(RiskLevel.HIGH_RISK.article()).isEqualTo("34(1)");
    }
  }

  @Nested
  @DisplayName("the 72-hour deadline (Art. 33(1))")
  class Deadline {

    @Test
    @DisplayName("Art. 33(1): the queue gives each deadline, 72 hours after awareness, and flags it once passed")
    void flagsOverdueNotifications() {
      Breach overdue = recordedHoursAgo("INC-OLD", 73);
      Breach onTheDot = recordedHoursAgo("INC-DOT", 72);
      Breach fresh = recordedHoursAgo("INC-NEW", 1);
      breaches.assess(fresh.id(), RiskLevel.RISK, "Contact data", DPO);

      List<AuthorityNotificationDue> due = breaches.awaitingAuthorityNotification();

      assertThat(due).extracting(entry -> entry.breach().id().value())
          .containsExactly("INC-OLD", "INC-DOT", "INC-NEW");
      assertThat(due).extracting(AuthorityNotificationDue::deadline).containsExactly(
          NOW.minus(Duration.ofHours(1)), NOW, NOW.plus(Duration.ofHours(71)));
      assertThat(due).extracting(AuthorityNotificationDue::overdue).containsExactly(true, false, false);
      clock.advance(Duration.ofSeconds(1));
      assertThat(breaches.awaitingAuthorityNotification()).extracting(AuthorityNotificationDue::overdue)
          .containsExactly(true, true, false);
      assertThat(overdue.isOverdueAt(NOW)).isTrue();
      assertThat(onTheDot.isOverdueAt(NOW)).isFalse();
    }

    @Test
    @DisplayName("Art. 33(1): a notification after 72 hours needs the reasons for the delay, and is then accepted")
    void lateNotificationNeedsReasons() {
      Breach breach = recordedHoursAgo("INC-1", 80);
      breaches.assess(breach.id(), RiskLevel.RISK, "Contact data", DPO);

      assertThatThrownBy(() -> breaches.notifyAuthority(breach.id(), NOW, null, DPO))
          .isInstanceOf(LateNotificationException.class).hasMessageContaining("Art. 33(1)");
      Breach notified = breaches.notifyAuthority(breach.id(), NOW, "Scope unknown until the forensic report", DPO);

      assertThat(notified.notifiedLate()).isTrue();
      assertThat(notified.delayReasons()).isEqualTo("Scope unknown until the forensic report");
      assertThat(breaches.awaitingAuthorityNotification()).isEmpty();
    }

    @Test
    @DisplayName("Art. 33(4): further information follows the notification in phases, never before it")
    void recordsPhasedInformation() {
      Breach breach = recordedHoursAgo("INC-1", 10);
      breaches.assess(breach.id(), RiskLevel.RISK, "Contact data", DPO);

      assertThatThrownBy(() -> breaches.notifyAuthorityFurther(breach.id(), NOW, DPO))
          .isInstanceOf(BreachStateException.class).hasMessageContaining("Art. 33(4)");
      breaches.notifyAuthority(breach.id(), NOW.minus(Duration.ofHours(2)), null, DPO);
      breaches.amend(breach.id(), details -> details.withApproximateSubjects(340), DPO);
      Breach phased = breaches.notifyAuthorityFurther(breach.id(), NOW, DPO);

      assertThat(phased.authorityUpdates()).containsExactly(NOW);
      assertThat(phased.details().approximateSubjects()).isEqualTo(340L);
      assertThatThrownBy(() -> breaches.notifyAuthorityFurther(breach.id(), NOW.minus(Duration.ofHours(3)), DPO))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be before the authority");
      assertThatThrownBy(() -> breaches.notifyAuthorityFurther(breach.id(), NOW.plusSeconds(1), DPO))
          .isInstanceOf(InvalidInputException.class).hasMessage("informedAt must not be in the future");
    }
  }

  @Nested
  @DisplayName("exemptions and the authority's requirement (Art. 34(3) and (4))")
  class Exemptions {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SubjectNoticeExemption.class, names = {"UNINTELLIGIBLE_DATA", "RISK_NO_LONGER_LIKELY",
        "PUBLIC_COMMUNICATION"})
    @DisplayName("Art. 34(3)(a)-(c): a recorded exemption lifts the communication a HIGH_RISK breach makes due")
    void anArticle34ParagraphThreeExemptionLiftsTheCommunication(SubjectNoticeExemption exemption) {
      Breach breach = recordedHoursAgo("INC-1", 1);
      breaches.assess(breach.id(), RiskLevel.HIGH_RISK, "Health data", DPO);

      Breach exempt = breaches.subjectsNotTold(breach.id(), exemption, "How " + exemption.article() + " applies", DPO);

      assertThat(exemption.article()).startsWith("34(3)(");
      assertThat(exempt.subjectStatus()).isEqualTo(Breach.SubjectStatus.NOT_TOLD);
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
      assertThat(exempt.authorityStatus()).as("the authority is still due").isEqualTo(Breach.AuthorityStatus.PENDING);
    }

    @Test
    @DisplayName("Art. 34(1): 'no high risk' cannot be recorded against a HIGH_RISK assessment")
    void refusesNoHighRiskAgainstAHighRiskAssessment() {
      Breach breach = recordedHoursAgo("INC-1", 1);
      breaches.assess(breach.id(), RiskLevel.HIGH_RISK, "Health data", DPO);

      assertThatThrownBy(() -> breaches.subjectsNotTold(breach.id(), SubjectNoticeExemption.NO_HIGH_RISK,
          "We think it is fine", DPO)).isInstanceOf(BreachStateException.class).hasMessageContaining("HIGH_RISK");

      assertThat(breaches.awaitingSubjectCommunication()).extracting(Breach::id).containsExactly(breach.id());
    }

    @Test
    @DisplayName("Art. 34(4): the authority's requirement makes the subjects due whatever the assessment, ends an"
        + " exemption and refuses a new one")
    void theAuthorityMayRequireTheCommunication() {
      Breach breach = recordedHoursAgo("INC-1", 30);
      breaches.assess(breach.id(), RiskLevel.RISK, "Contact data", DPO);
      breaches.subjectsNotTold(breach.id(), SubjectNoticeExemption.NO_HIGH_RISK, "Risk, not high", DPO);

      Breach required = breaches.communicationRequiredByAuthority(breach.id(), NOW.minus(Duration.ofHours(1)), DPO);

      assertThat(required.subjectStatus()).isEqualTo(Breach.SubjectStatus.DUE);
      assertThat(required.subjectExemption()).isNull();
      assertThat(breaches.awaitingSubjectCommunication()).containsExactly(required);
      assertThatThrownBy(() -> breaches.subjectsNotTold(breach.id(), SubjectNoticeExemption.PUBLIC_COMMUNICATION,
          "Press release", DPO)).isInstanceOf(BreachStateException.class).hasMessageContaining("Art. 34(4)");
      assertThatThrownBy(() -> breaches.communicationRequiredByAuthority(breach.id(), NOW, DPO))
          .isInstanceOf(BreachStateException.class).hasMessageContaining("recorded already");
      breaches.subjectsTold(breach.id(), NOW, DPO);
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
    }
  }

  @Nested
  @DisplayName("re-assessment (Art. 33(5))")
  class Reassessment {

    @Test
    @DisplayName("Art. 33(1) and 34(1): a revision from NO_RISK to HIGH_RISK makes both notifications due again, the"
        + " 72 hours still counted from awareness")
    void aHigherRevisionMakesNewNotificationsDue() {
      Breach breach = recordedHoursAgo("INC-1", 100);
      clock.advance(Duration.ofHours(-99));
      breaches.assess(breach.id(), RiskLevel.NO_RISK, "Encrypted laptop", DPO);
      breaches.subjectsNotTold(breach.id(), SubjectNoticeExemption.NO_HIGH_RISK, "No risk at all", DPO);
      clock.advance(Duration.ofHours(99));
      List<AuthorityNotificationDue> dueBefore = breaches.awaitingAuthorityNotification();

      Breach revised = breaches.assess(breach.id(), RiskLevel.HIGH_RISK, "The disk key was on a sticky note", CISO);

      assertThat(dueBefore).isEmpty();
      assertThat(breaches.awaitingAuthorityNotification()).singleElement().satisfies(due -> {
        assertThat(due.breach()).isEqualTo(revised);
        assertThat(due.overdue()).isTrue();
      });
      assertThat(revised.subjectStatus()).isEqualTo(Breach.SubjectStatus.DUE);
      assertThat(revised.subjectExemption()).as("'no high risk' no longer holds").isNull();
      assertThat(breaches.awaitingSubjectCommunication()).containsExactly(revised);
      assertThatThrownBy(() -> breaches.notifyAuthority(breach.id(), NOW, null, DPO))
          .isInstanceOf(LateNotificationException.class);
    }

    @Test
    @DisplayName("Art. 33(5): every assessment is kept with its level, rationale, assessor and time, the latest"
        + " deciding")
    void keepsEveryAssessment() {
      Breach breach = recordedHoursAgo("INC-1", 5);
      breaches.assess(breach.id(), RiskLevel.HIGH_RISK, "Feared: bank details", DPO);
      clock.advance(Duration.ofHours(2));

      Breach revised = breaches.assess(breach.id(), RiskLevel.RISK, "Bank details were masked", CISO);

      assertThat(revised.assessments()).containsExactly(
          new RiskAssessment(RiskLevel.HIGH_RISK, "Feared: bank details", DPO, NOW),
          new RiskAssessment(RiskLevel.RISK, "Bank details were masked", CISO, NOW.plus(Duration.ofHours(2))));
      assertThat(revised.assessment()).get().extracting(RiskAssessment::level).isEqualTo(RiskLevel.RISK);
      assertThat(revised.subjectStatus()).isEqualTo(Breach.SubjectStatus.UNDECIDED);
      assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
      assertThat(breaches.find(breach.id())).contains(revised);
    }

    @Test
    @DisplayName("Art. 33(1): notificationNotRequired is a NO_RISK assessment and is refused once notified")
    void notificationNotRequiredIsANoRiskAssessment() {
      Breach breach = recordedHoursAgo("INC-1", 5);

      Breach assessed = breaches.notificationNotRequired(breach.id(), "Only public data", DPO);
      breaches.assess(breach.id(), RiskLevel.RISK, "Not only public data", DPO);
      breaches.notifyAuthority(breach.id(), NOW, null, DPO);

      assertThat(assessed.assessments()).containsExactly(
          new RiskAssessment(RiskLevel.NO_RISK, "Only public data", DPO, NOW));
      assertThatThrownBy(() -> breaches.notificationNotRequired(breach.id(), "Changed our mind", DPO))
          .isInstanceOf(BreachStateException.class).hasMessageContaining("notified already");
    }

    @Test
    @DisplayName("an assessment needs a rationale and a known breach, and a refused one writes nothing")
    void refusesABlankRationaleOrAnUnknownBreach() {
      Breach breach = recordedHoursAgo("INC-1", 5);

      assertThatThrownBy(() -> breaches.assess(breach.id(), RiskLevel.RISK, "  ", DPO))
          .isInstanceOf(InvalidInputException.class).hasMessage("risk rationale must not be blank");
      assertThatThrownBy(() -> breaches.assess(BreachId.of("nope"), RiskLevel.RISK, "Contact data", DPO))
          .isInstanceOf(UnknownBreachException.class);

      assertThat(breaches.find(breach.id())).contains(breach);
    }

    @Test
    @DisplayName("Art. 33(5): each assessment is audited with its level and the previous one, never the rationale")
    void auditsAssessmentsWithoutTheirRationale() {
      Breach breach = recordedHoursAgo("INC-7", 5);

      breaches.assess(breach.id(), RiskLevel.RISK, "Secret rationale one", DPO);
      breaches.assess(breach.id(), RiskLevel.HIGH_RISK, "Secret rationale two", CISO);

      List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 10);
      List<AuditEntry> assessed = trail.stream()
          .filter(entry -> "ASSESSED".equals(entry.record().details().get("change"))).toList();
      assertThat(assessed).hasSize(2);
      assertThat(assessed.get(0).record().details()).containsEntry("risk", "RISK").containsEntry("previousRisk", "NONE");
      assertThat(assessed.get(1).record().details()).containsEntry("risk", "HIGH_RISK")
          .containsEntry("previousRisk", "RISK").containsEntry("subjects", "DUE");
      assertThat(assessed.get(1).record().actor()).isEqualTo(CISO);
      assertThat(trail.toString()).doesNotContain("Secret rationale");
    }
  }

  @Test
  @DisplayName("the queues are per tenant: one tenant's due breaches never show in another's")
  void keepsTheQueuesPerTenant() {
    BreachService acme = breaches.forTenant(TenantId.of("acme"));
    Breach ours = acme.record(BreachId.of("INC-1"), BreachDetails.of("Lost phone"), NOW, DPO);
    acme.assess(ours.id(), RiskLevel.HIGH_RISK, "Unlocked phone with customer chats", DPO);

    assertThat(acme.awaitingSubjectCommunication()).extracting(Breach::id).containsExactly(ours.id());
    assertThat(breaches.awaitingSubjectCommunication()).isEmpty();
    assertThat(breaches.awaitingAuthorityNotification()).isEmpty();
    assertThat(breaches.unassessed()).isEmpty();
  }

  @Test
  @Timeout(30)
  @DisplayName("racing assessments of one breach are all kept, none lost to the other writer")
  void keepsRacingAssessments() throws Exception {
    Breach breach = recordedHoursAgo("INC-1", 1);
    int perThread = 40;
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (RiskLevel level : List.of(RiskLevel.RISK, RiskLevel.HIGH_RISK)) {
        futures.add(executor.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            breaches.assess(breach.id(), level, "Round " + i, DPO);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(20, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    Breach after = breaches.find(breach.id()).orElseThrow();
    assertThat(after.assessments()).hasSize(2 * perThread);
    assertThat(after.version()).isEqualTo(1 + 2 * perThread);
  }
}
