package io.gdprkit.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.purpose.DataCategory;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BreachRegisterTests {

  private static final Actor DPO = Actor.staff("dpo");
  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

  private final TestClock clock = new TestClock(NOW);
  private final GdprKit gdpr = GdprKit.builder().clock(clock).build();

  private static BreachDetails laptop() {
    return BreachDetails.of("Lost laptop with an unencrypted CRM export of alice@example.com and others")
        .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL)
        .withSubjectCategories("Customers")
        .withApproximateSubjects(1200)
        .withApproximateRecords(1500)
        .withLikelyConsequences("Phishing")
        .withMeasures("Passwords reset, customers warned")
        .withContactPoint("DPO, dpo@acme.example");
  }

  @Nested
  class Recording {

    @Test
    void recordsABreachWithItsSeventyTwoHourDeadline() {
      Instant awareAt = NOW.minus(Duration.ofHours(5));

      Breach breach = gdpr.breaches().record(BreachId.of("INC-1"), laptop(), awareAt, DPO);

      assertThat(breach.version()).isEqualTo(1);
      assertThat(breach.deadline()).isEqualTo(Instant.parse("2026-06-13T07:00:00Z"));
      assertThat(breach.recordedAt()).isEqualTo(NOW);
      assertThat(breach.authorityStatus()).isEqualTo(Breach.AuthorityStatus.PENDING);
      assertThat(breach.subjectStatus()).isEqualTo(Breach.SubjectStatus.UNDECIDED);
      assertThat(gdpr.breaches().find(BreachId.of("INC-1"))).contains(breach);
      assertThat(gdpr.breaches().breaches()).containsExactly(breach);
    }

    @Test
    void refusesAwarenessInTheFutureAndADuplicateId() {
      gdpr.breaches().record(BreachId.of("INC-1"), laptop(), NOW, DPO);

      assertThatThrownBy(() -> gdpr.breaches().record(laptop(), NOW.plusSeconds(1), DPO))
          .isInstanceOf(InvalidInputException.class).hasMessage("awareAt must not be in the future");
      assertThatThrownBy(() -> gdpr.breaches().record(BreachId.of("INC-1"), laptop(), NOW, DPO))
          .isInstanceOf(BreachConflictException.class).hasMessageContaining("already recorded");
      assertThat(gdpr.breaches().breaches()).hasSize(1);
    }

    @Test
    void refusesSettingTheStoreTwiceOnTheBuilder() {
      GdprKit.Builder builder = GdprKit.builder().breachStore(io.gdprkit.breach.spi.BreachStore.inMemory());

      assertThatThrownBy(() -> builder.breachStore(io.gdprkit.breach.spi.BreachStore.inMemory()))
          .isInstanceOf(IllegalStateException.class).hasMessage("breachStore was already set");
    }

    @Test
    void refusesBlankTextNegativeCountsAndEmptyWindows() {
      assertThatThrownBy(() -> BreachDetails.of("  "))
          .isInstanceOf(InvalidInputException.class).hasMessage("breach description must not be blank");
      assertThatThrownBy(() -> laptop().withApproximateSubjects(-1))
          .isInstanceOf(InvalidInputException.class).hasMessage("approximate subjects must not be negative");
      assertThatThrownBy(() -> laptop().withApproximateRecords(-5))
          .isInstanceOf(InvalidInputException.class).hasMessage("approximate records must not be negative");
      assertThatThrownBy(() -> ExposureWindow.of(NOW, NOW))
          .isInstanceOf(InvalidInputException.class).hasMessage("exposure until must be after exposure from");
      assertThatThrownBy(() -> laptop().withSubjectCategories("Customers", "Customers"))
          .isInstanceOf(InvalidInputException.class).hasMessage("subject categories must not repeat an entry");
    }

    @Test
    void amendsWhatIsKnownAndRefusesUnknownIds() {
      Breach breach = gdpr.breaches().record(laptop(), NOW, DPO);

      Breach amended = gdpr.breaches().amend(breach.id(), d -> d.withApproximateSubjects(1800), DPO);

      assertThat(amended.version()).isEqualTo(2);
      assertThat(amended.details().approximateSubjects()).isEqualTo(1800L);
      assertThat(amended.details().approximateRecords()).isEqualTo(1500L);
      assertThatThrownBy(() -> gdpr.breaches().amend(BreachId.of("nope"), d -> d, DPO))
          .isInstanceOfSatisfying(UnknownBreachException.class, e -> assertThat(e.breach()).isEqualTo(BreachId.of("nope")));
      assertThatThrownBy(() -> gdpr.breaches().subjectsTold(BreachId.of("nope"), NOW, DPO))
          .isInstanceOf(UnknownBreachException.class);
    }
  }

  @Nested
  class AuthorityNotification {

    @Test
    void recordsATimelyNotificationWithoutReasons() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(71)), DPO);

      Breach notified = gdpr.breaches().notifyAuthority(breach.id(), NOW, null, DPO);

      assertThat(notified.authorityStatus()).isEqualTo(Breach.AuthorityStatus.NOTIFIED);
      assertThat(notified.notifiedLate()).isFalse();
      assertThat(notified.delayReasons()).isNull();
    }

    @Test
    void refusesALateNotificationWithoutReasonsAndWritesNothing() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(73)), DPO);

      assertThatThrownBy(() -> gdpr.breaches().notifyAuthority(breach.id(), NOW, null, DPO))
          .isInstanceOfSatisfying(LateNotificationException.class, e -> {
            assertThat(e.deadline()).isEqualTo(NOW.minus(Duration.ofHours(1)));
            assertThat(e.notifiedAt()).isEqualTo(NOW);
            assertThat(e.getMessage()).contains("Art. 33(1)").doesNotContain("alice");
          });

      assertThat(gdpr.breaches().find(breach.id())).contains(breach);
    }

    @Test
    void acceptsALateNotificationWithReasons() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(80)), DPO);

      Breach notified = gdpr.breaches().notifyAuthority(breach.id(), NOW, "Forensics needed to scope it", DPO);

      assertThat(notified.notifiedLate()).isTrue();
      assertThat(notified.delayReasons()).isEqualTo("Forensics needed to scope it");
    }

    @Test
    void refusesANotificationBeforeAwarenessInTheFutureOrTwice() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(2)), DPO);

      assertThatThrownBy(() -> gdpr.breaches().notifyAuthority(breach.id(), NOW.minus(Duration.ofHours(3)), null, DPO))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("authority notification must not be before the controller became aware of the breach");
      assertThatThrownBy(() -> gdpr.breaches().notifyAuthority(breach.id(), NOW.plusSeconds(1), null, DPO))
          .isInstanceOf(InvalidInputException.class).hasMessage("notifiedAt must not be in the future");
      gdpr.breaches().notifyAuthority(breach.id(), NOW, null, DPO);
      assertThatThrownBy(() -> gdpr.breaches().notifyAuthority(breach.id(), NOW, null, DPO))
          .isInstanceOf(BreachStateException.class).hasMessageContaining("notified already");
      assertThatThrownBy(() -> gdpr.breaches().notificationNotRequired(breach.id(), "low risk", DPO))
          .isInstanceOf(BreachStateException.class);
    }

    @Test
    void listsUnnotifiedBreachesWhoseDeadlineIsPastOrNearEarliestFirst() {
      Breach overdue = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(80)), DPO);
      Breach near = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(66)), DPO);
      Breach far = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(1)), DPO);
      Breach notified = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(70)), DPO);
      gdpr.breaches().notifyAuthority(notified.id(), NOW, null, DPO);
      Breach exempt = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(75)), DPO);
      gdpr.breaches().notificationNotRequired(exempt.id(), "Encrypted backup tape, key safe", DPO);

      List<Breach> within12h = gdpr.breaches().awaitingNotification(Duration.ofHours(12));
      List<Breach> pastOnly = gdpr.breaches().awaitingNotification(Duration.ZERO);
      clock.advance(Duration.ofHours(72));
      List<Breach> later = gdpr.breaches().awaitingNotification(Duration.ZERO);

      assertThat(within12h).extracting(Breach::id).containsExactly(overdue.id(), near.id());
      assertThat(pastOnly).extracting(Breach::id).containsExactly(overdue.id());
      assertThat(later).extracting(Breach::id).containsExactly(overdue.id(), near.id(), far.id());
      assertThatThrownBy(() -> gdpr.breaches().awaitingNotification(Duration.ofHours(-1)))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  class SubjectCommunication {

    @Test
    void recordsThatSubjectsWereTold() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(2)), DPO);

      Breach told = gdpr.breaches().subjectsTold(breach.id(), NOW, DPO);

      assertThat(told.subjectStatus()).isEqualTo(Breach.SubjectStatus.TOLD);
      assertThat(told.subjectsToldAt()).isEqualTo(NOW);
      assertThatThrownBy(() -> gdpr.breaches().subjectsNotTold(breach.id(), SubjectNoticeExemption.NO_HIGH_RISK,
          "low risk", DPO)).isInstanceOf(BreachStateException.class).hasMessageContaining("told already");
    }

    @Test
    void recordsWhySubjectsWereNotToldAndStillAllowsTellingThemLater() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(2)), DPO);

      Breach exempt = gdpr.breaches().subjectsNotTold(breach.id(), SubjectNoticeExemption.UNINTELLIGIBLE_DATA,
          "AES-256 encrypted, key not exposed", DPO);
      Breach told = gdpr.breaches().subjectsTold(breach.id(), NOW, DPO);

      assertThat(exempt.subjectStatus()).isEqualTo(Breach.SubjectStatus.NOT_TOLD);
      assertThat(exempt.subjectExemption().article()).isEqualTo("34(3)(a)");
      assertThat(told.subjectStatus()).isEqualTo(Breach.SubjectStatus.TOLD);
      assertThat(told.subjectExemption()).isNull();
      assertThat(told.exemptionDetails()).isNull();
    }

    @Test
    void refusesTellingSubjectsBeforeAwarenessOrWithoutExemptionDetails() {
      Breach breach = gdpr.breaches().record(laptop(), NOW.minus(Duration.ofHours(2)), DPO);

      assertThatThrownBy(() -> gdpr.breaches().subjectsTold(breach.id(), NOW.minus(Duration.ofHours(3)), DPO))
          .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("subject notice must not be before");
      assertThatThrownBy(() -> gdpr.breaches().subjectsNotTold(breach.id(), SubjectNoticeExemption.NO_HIGH_RISK,
          " ", DPO)).isInstanceOf(InvalidInputException.class).hasMessage("exemption details must not be blank");
      assertThat(gdpr.breaches().find(breach.id()).orElseThrow().version()).isEqualTo(1);
    }
  }

  @Nested
  class Audit {

    @Test
    void auditsEveryStepByIdAndStateWithoutTheBreachText() {
      Breach breach = gdpr.breaches().record(BreachId.of("INC-7"), laptop(), NOW.minus(Duration.ofHours(90)), DPO);
      gdpr.breaches().amend(breach.id(), d -> d.withMeasures("Laptop wiped remotely"), DPO);
      gdpr.breaches().notifyAuthority(breach.id(), NOW, "Found late by audit", DPO);

      gdpr.breaches().subjectsNotTold(breach.id(), SubjectNoticeExemption.PUBLIC_COMMUNICATION, "Press release", DPO);

      List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 10);
      assertThat(trail).extracting(e -> e.record().kind()).containsOnly(AuditKind.REGISTER_CHANGED);
      assertThat(trail).extracting(e -> e.record().details().get("change"))
          .containsExactly("RECORDED", "AMENDED", "AUTHORITY_NOTIFIED", "SUBJECTS_NOT_TOLD");
      assertThat(trail).extracting(e -> e.record().details().get("breach")).containsOnly("INC-7");
      assertThat(trail.get(2).record().details()).containsEntry("late", "true").containsEntry("authority", "NOTIFIED");
      assertThat(trail.get(3).record().details()).containsEntry("exemption", "PUBLIC_COMMUNICATION");
      assertThat(trail.toString()).doesNotContain("alice", "laptop", "Laptop", "Press release", "Found late");
    }
  }

  @Nested
  class Concurrency {

    @Test
    @Timeout(30)
    void racingAmendmentsOfOneBreachAreAllApplied() throws Exception {
      Breach breach = gdpr.breaches().record(laptop().withApproximateSubjects(0), NOW, DPO);
      int threads = 2;
      int perThread = 100;

      List<Integer> done = race(threads, () -> {
        for (int i = 0; i < perThread; i++) {
          gdpr.breaches().amend(breach.id(), d -> d.withApproximateSubjects(d.approximateSubjects() + 1), DPO);
        }
        return perThread;
      });

      Breach after = gdpr.breaches().find(breach.id()).orElseThrow();
      assertThat(done).containsOnly(perThread);
      assertThat(after.details().approximateSubjects()).isEqualTo((long) threads * perThread);
      assertThat(after.version()).isEqualTo(1 + threads * perThread);
    }

    @Test
    @Timeout(30)
    void ofTwoRacingNotificationsOneWinsAndTheOtherFailsWithTheBreachState() throws Exception {
      Breach breach = gdpr.breaches().record(laptop(), NOW, DPO);

      List<Integer> outcomes = race(2, () -> {
        try {
          gdpr.breaches().notifyAuthority(breach.id(), NOW, null, DPO);
          return 1;
        } catch (BreachStateException lost) {
          return 0;
        }
      });

      assertThat(outcomes).containsExactlyInAnyOrder(0, 1);
      assertThat(gdpr.breaches().find(breach.id()).orElseThrow().version()).isEqualTo(2);
    }

    private List<Integer> race(int threads, java.util.concurrent.Callable<Integer> task) throws Exception {
      ExecutorService executor = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          futures.add(executor.submit(() -> {
            start.await();
            return task.call();
          }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> future : futures) {
          results.add(future.get(20, TimeUnit.SECONDS));
        }
        return results;
      } finally {
        executor.shutdownNow();
      }
    }
  }
}
