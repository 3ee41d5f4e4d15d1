package io.gdprkit.test.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.RiskAssessment;
import io.gdprkit.breach.RiskLevel;
import io.gdprkit.breach.SubjectNoticeExemption;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link BreachStore} keeps its contract: breaches stored unchanged (risk assessments, phased
 * notifications and the authority's requirement included), versioned updates of which one wins a race, keyset paging
 * by id, the pending-by-deadline query that drops a breach once it is notified or assessed as not needing it and takes
 * it back on a re-assessment, the queues of breaches whose subjects are due to be told and of breaches not yet
 * assessed, and tenants kept apart: the same id in two tenants names two breaches, and no read, update
 * or due query crosses them.
 *
 * <p>{@link #createStore()} is called once in every test and must return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaBreachStoreTests extends BreachStoreCompatibilityKit { protected BreachStore createStore() { return new JpaBreachStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class BreachStoreCompatibilityKit extends StoreCompatibilityKit<BreachStore> {

  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  private static final TenantId TENANT = TenantId.of("acme");
  private static final TenantId OTHER = TenantId.of("globex");

  @Nested
  @DisplayName("tenants")
  class Tenants {

    @Test
    @DisplayName("the same breach id in two tenants names two breaches, each found and paged only in its tenant")
    void keepsTheSameIdApartPerTenant() {
      Breach ours = recorded("INC-1", 0);
      Breach theirs = recorded("INC-1", 5);
      store().insert(TENANT, ours);

      store().insert(OTHER, theirs);

      assertThat(store().find(TENANT, BreachId.of("INC-1"))).contains(ours);
      assertThat(store().find(OTHER, BreachId.of("INC-1"))).contains(theirs);
      assertThat(store().page(TENANT, null, 10)).containsExactly(ours);
      assertThat(store().page(OTHER, null, 10)).containsExactly(theirs);
      assertThat(store().find(TenantId.DEFAULT, BreachId.of("INC-1"))).isEmpty();
    }

    @Test
    @DisplayName("the due query lists only the tenant's pending breaches")
    void answersTheDueQueryPerTenant() {
      Breach ours = recorded("INC-1", 0);
      Breach theirs = recorded("INC-2", 1);
      store().insert(TENANT, ours);
      store().insert(OTHER, theirs);

      List<Breach> ourDue = store().pendingDueBy(TENANT, deadline(10), null, 10);
      List<Breach> theirDue = store().pendingDueBy(OTHER, deadline(10), null, 10);

      assertThat(ourDue).containsExactly(ours);
      assertThat(theirDue).containsExactly(theirs);
    }

    @Test
    @DisplayName("an update names the tenant: another tenant's breach is unknown to it and stays as it was")
    void updatesOnlyInItsTenant() {
      Breach ours = recorded("INC-1", 0);
      Breach theirs = recorded("INC-1", 0);
      store().insert(TENANT, ours);
      store().insert(OTHER, theirs);
      Breach notified = ours.authorityNotified(START.plus(Duration.ofHours(1)), null);
      store().update(TENANT, notified);

      Throwable unknown = thrownBy(() -> store().update(TenantId.DEFAULT, notified));

      assertThat(unknown).isInstanceOf(UnknownBreachException.class);
      assertThat(store().find(TENANT, BreachId.of("INC-1"))).contains(notified);
      assertThat(store().find(OTHER, BreachId.of("INC-1"))).contains(theirs);
      assertThat(store().pendingDueBy(TENANT, deadline(10), null, 10)).isEmpty();
      assertThat(store().pendingDueBy(OTHER, deadline(10), null, 10)).containsExactly(theirs);
    }

    @Test
    @DisplayName("racing inserts of one id in two tenants both succeed")
    void racingInsertsInTwoTenantsDoNotCollide() throws Exception {
      List<TenantId> tenants = List.of(TENANT, OTHER);

      race(2, RACE_TIMEOUT, thread -> {
        store().insert(tenants.get(thread), recorded("shared", thread));
        return null;
      });

      assertThat(store().find(TENANT, BreachId.of("shared"))).contains(recorded("shared", 0));
      assertThat(store().find(OTHER, BreachId.of("shared"))).contains(recorded("shared", 1));
    }
  }

  @Nested
  @DisplayName("inserting and finding")
  class Inserting {

    @Test
    @DisplayName("a breach is stored and found with every field unchanged")
    void storesEveryField() {
      Breach first = recorded("INC-1", 0);
      Breach amended = first.amended(BreachDetails.of("Misdirected e-mail with invoices")
          .withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.FINANCIAL)
          .withSubjectCategories("Customers", "Suppliers")
          .withApproximateSubjects(12).withApproximateRecords(0)
          .withLikelyConsequences("Fraud attempts").withMeasures("Recall requested")
          .withContactPoint("dpo@acme.example")
          .withExposure(ExposureWindow.of(START.minus(Duration.ofDays(3)), START)));
      Breach assessed = amended.assessed(assessment(RiskLevel.NO_RISK, 1))
          .assessed(new RiskAssessment(RiskLevel.RISK, "Invoices carry bank details", Actor.staff("dpo-2"),
              START.plus(Duration.ofHours(70)).plusMillis(123)));
      Breach notified = assessed.authorityNotified(START.plus(Duration.ofHours(80)), "Found in an audit");
      Breach phased = notified.authorityInformedFurther(START.plus(Duration.ofHours(90)))
          .authorityInformedFurther(START.plus(Duration.ofHours(95)));
      Breach full = phased.subjectsNotTold(SubjectNoticeExemption.RISK_NO_LONGER_LIKELY, "Recipient deleted it");
      store().insert(TENANT, first);
      for (Breach version : versions(first, full)) {
        store().update(TENANT, version);
      }

      Breach found = store().find(TENANT, BreachId.of("INC-1")).orElseThrow();

      assertThat(found).isEqualTo(full);
      assertThat(found.assessments()).extracting(RiskAssessment::level)
          .containsExactly(RiskLevel.NO_RISK, RiskLevel.RISK);
      assertThat(found.assessments().get(1).assessedAt()).isEqualTo(START.plus(Duration.ofHours(70)).plusMillis(123));
      assertThat(found.authorityUpdates()).hasSize(2);
      assertThat(store().find(TENANT, BreachId.of("INC-2"))).isEmpty();
    }

    @Test
    @DisplayName("the authority's requirement to tell the subjects (Art. 34(4)) is stored unchanged")
    void storesTheAuthoritysRequirement() {
      Breach first = recorded("INC-1", 0);
      Breach required = first.assessed(assessment(RiskLevel.RISK, 1))
          .communicationRequired(START.plus(Duration.ofDays(4)).plusNanos(1000));
      store().insert(TENANT, first);
      for (Breach version : versions(first, required)) {
        store().update(TENANT, version);
      }

      Breach found = store().find(TENANT, first.id()).orElseThrow();

      assertThat(found).isEqualTo(required);
      assertThat(found.communicationRequiredAt()).isEqualTo(START.plus(Duration.ofDays(4)).plusNanos(1000));
    }

    @Test
    @DisplayName("inserting an id that is stored fails with a conflict and keeps the stored breach")
    void refusesADuplicateId() {
      Breach first = recorded("INC-1", 0);
      store().insert(TENANT, first);

      Throwable thrown = thrownBy(() -> store().insert(TENANT, recorded("INC-1", 5)));

      assertThat(thrown).isInstanceOf(BreachConflictException.class);
      assertThat(store().find(TENANT, BreachId.of("INC-1"))).contains(first);
    }

    @Test
    @DisplayName("inserting a breach past version 1 is invalid input")
    void refusesALaterVersion() {
      Breach amended = recorded("INC-1", 0).amended(BreachDetails.of("Other"));

      Throwable thrown = thrownBy(() -> store().insert(TENANT, amended));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().find(TENANT, BreachId.of("INC-1"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("updating")
  class Updating {

    @Test
    @DisplayName("an update based on the stored version replaces it")
    void replacesTheNextVersion() {
      Breach first = recorded("INC-1", 0);
      store().insert(TENANT, first);
      Breach second = first.amended(BreachDetails.of("Second description"));

      store().update(TENANT, second);

      assertThat(store().find(TENANT, first.id())).contains(second);
    }

    @Test
    @DisplayName("an update based on an older version fails with a conflict and writes nothing")
    void refusesAStaleUpdate() {
      Breach first = recorded("INC-1", 0);
      store().insert(TENANT, first);
      Breach second = first.amended(BreachDetails.of("Second"));
      store().update(TENANT, second);

      Throwable stale = thrownBy(() -> store().update(TENANT, first.amended(BreachDetails.of("Lost update"))));
      Throwable skipping = thrownBy(() -> store().update(TENANT, second.amended(BreachDetails.of("3")).amended(
          BreachDetails.of("4"))));

      assertThat(stale).isInstanceOf(BreachConflictException.class);
      assertThat(skipping).isInstanceOf(BreachConflictException.class);
      assertThat(store().find(TENANT, first.id())).contains(second);
    }

    @Test
    @DisplayName("updating a breach that was never inserted fails with an unknown-breach error")
    void refusesAnUnknownBreach() {
      Breach never = recorded("INC-9", 0).amended(BreachDetails.of("Never stored"));

      Throwable thrown = thrownBy(() -> store().update(TENANT, never));

      assertThat(thrown).isInstanceOf(UnknownBreachException.class);
      assertThat(store().find(TENANT, never.id())).isEmpty();
    }
  }

  @Nested
  @DisplayName("listing")
  class Listing {

    @Test
    @DisplayName("paging by the last id of each page visits every breach exactly once, in id order")
    void pagesById() {
      List<String> ids = IntStream.range(0, 23).mapToObj(i -> "INC-%02d".formatted(i)).toList();
      List<String> insertOrder = new ArrayList<>(ids);
      Collections.reverse(insertOrder);
      insertOrder.forEach(id -> store().insert(TENANT, recorded(id, 0)));

      List<Breach> visited = pageThrough(5, (BreachId after) -> store().page(TENANT, after, 5), Breach::id);

      assertThat(visited).extracting(breach -> breach.id().value()).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("pending breaches due by the cutoff are listed by deadline, then id, the cutoff included")
    void listsPendingByDeadline() {
      store().insert(TENANT, recorded("c", 2));
      store().insert(TENANT, recorded("b", 1));
      store().insert(TENANT, recorded("a", 2));
      store().insert(TENANT, recorded("late", 10));

      List<Breach> due = store().pendingDueBy(TENANT, deadline(2), null, 10);

      assertThat(due).extracting(breach -> breach.id().value()).containsExactly("b", "a", "c");
    }

    @Test
    @DisplayName("a breach leaves the pending list once notified or judged not to need notification")
    void dropsNotifiedAndExemptBreaches() {
      Breach notified = recorded("notified", 1);
      Breach exempt = recorded("exempt", 2);
      Breach pending = recorded("pending", 3);
      List.of(notified, exempt, pending).forEach(breach -> store().insert(TENANT, breach));

      store().update(TENANT, notified.authorityNotified(START.plus(Duration.ofHours(2)), null));
      store().update(TENANT, exempt.assessed(assessment(RiskLevel.NO_RISK, 3)));

      assertThat(store().pendingDueBy(TENANT, deadline(10), null, 10)).extracting(breach -> breach.id().value())
          .containsExactly("pending");
    }

    @Test
    @DisplayName("paging the pending list by its last breach visits each once")
    void pagesThePendingList() {
      List<Breach> expected = new ArrayList<>();
      for (int i = 0; i < 17; i++) {
        Breach breach = recorded("INC-%02d".formatted(i), i % 4);
        store().insert(TENANT, breach);
        expected.add(breach);
      }
      expected.sort(java.util.Comparator.comparing(Breach::deadline).thenComparing(Breach::id));

      List<Breach> visited = pageThrough(3, (Breach after) -> store().pendingDueBy(TENANT, deadline(5), after, 3),
          breach -> breach);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      Throwable page = thrownBy(() -> store().page(TENANT, null, 0));
      Throwable due = thrownBy(() -> store().pendingDueBy(TENANT, START, null, 0));

      assertThat(page).isInstanceOf(InvalidInputException.class);
      assertThat(due).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("obligation queues")
  class Queues {

    @Test
    @DisplayName("a breach assessed at NO_RISK leaves the pending list, and a re-assessment at RISK puts it back")
    void followsTheLatestAssessmentInThePendingList() {
      Breach first = recorded("INC-1", 0);
      store().insert(TENANT, first);
      Breach noRisk = first.assessed(assessment(RiskLevel.NO_RISK, 1));
      store().update(TENANT, noRisk);
      List<Breach> whileNoRisk = store().pendingDueBy(TENANT, deadline(10), null, 10);

      Breach risk = noRisk.assessed(assessment(RiskLevel.RISK, 2));
      store().update(TENANT, risk);

      assertThat(whileNoRisk).isEmpty();
      assertThat(store().pendingDueBy(TENANT, deadline(10), null, 10)).containsExactly(risk);
    }

    @Test
    @DisplayName("subjects are due for a HIGH_RISK breach or on the authority's requirement, by deadline, until told or"
        + " exempted")
    void listsBreachesWhoseSubjectsAreDue() {
      Breach high = recorded("high", 2).assessed(assessment(RiskLevel.HIGH_RISK, 3));
      Breach required = recorded("required", 1).assessed(assessment(RiskLevel.RISK, 2))
          .communicationRequired(START.plus(Duration.ofHours(5)));
      Breach risk = recorded("risk", 0).assessed(assessment(RiskLevel.RISK, 1));
      Breach told = recorded("told", 0).assessed(assessment(RiskLevel.HIGH_RISK, 1));
      Breach exempt = recorded("exempt", 0).assessed(assessment(RiskLevel.HIGH_RISK, 1));
      Breach unassessed = recorded("unassessed", 0);
      for (Breach breach : List.of(high, required, risk, told, exempt, unassessed)) {
        insertAt(breach);
      }
      List<Breach> before = store().subjectCommunicationDue(TENANT, null, 10);

      store().update(TENANT, told.subjectsTold(START.plus(Duration.ofHours(4))));
      store().update(TENANT, exempt.subjectsNotTold(SubjectNoticeExemption.UNINTELLIGIBLE_DATA, "AES-256"));

      assertThat(before).extracting(breach -> breach.id().value())
          .containsExactly("exempt", "told", "required", "high");
      assertThat(store().subjectCommunicationDue(TENANT, null, 10)).containsExactly(required, high);
      assertThat(store().subjectCommunicationDue(OTHER, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("breaches with no assessment are listed by deadline until their first assessment")
    void listsUnassessedBreaches() {
      Breach later = recorded("later", 5);
      Breach earlier = recorded("earlier", 1);
      Breach assessedOne = recorded("assessed", 0);
      List.of(later, earlier, assessedOne).forEach(breach -> store().insert(TENANT, breach));

      store().update(TENANT, assessedOne.assessed(assessment(RiskLevel.NO_RISK, 1)));

      assertThat(store().unassessed(TENANT, null, 10)).containsExactly(earlier, later);
      assertThat(store().unassessed(OTHER, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("paging the subject and assessment queues by their last breach visits each once")
    void pagesTheNewQueues() {
      List<Breach> expected = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        Breach breach = recorded("INC-%02d".formatted(i), i % 3);
        store().insert(TENANT, breach);
        expected.add(breach);
      }
      expected.sort(java.util.Comparator.comparing(Breach::deadline).thenComparing(Breach::id));
      List<Breach> unassessed = pageThrough(4, (Breach after) -> store().unassessed(TENANT, after, 4), b -> b);
      List<Breach> high = new ArrayList<>();
      for (Breach breach : expected) {
        Breach next = breach.assessed(assessment(RiskLevel.HIGH_RISK, 3));
        store().update(TENANT, next);
        high.add(next);
      }

      List<Breach> due = pageThrough(4, (Breach after) -> store().subjectCommunicationDue(TENANT, after, 4), b -> b);

      assertThat(unassessed).containsExactlyElementsOf(expected);
      assertThat(due).containsExactlyElementsOf(high);
      assertThat(store().unassessed(TENANT, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("a limit below 1 is invalid input for the new queues")
    void rejectsALimitBelowOneInTheNewQueues() {
      Throwable subjects = thrownBy(() -> store().subjectCommunicationDue(TENANT, null, 0));
      Throwable unassessed = thrownBy(() -> store().unassessed(TENANT, null, 0));

      assertThat(subjects).isInstanceOf(InvalidInputException.class);
      assertThat(unassessed).isInstanceOf(InvalidInputException.class);
    }

    /** Inserts the first version of {@code breach}, then each version up to it. */
    private void insertAt(Breach breach) {
      Breach first = recorded(breach.id().value(), hoursOf(breach));
      store().insert(TENANT, first);
      for (Breach version : versions(first, breach)) {
        store().update(TENANT, version);
      }
    }

    private int hoursOf(Breach breach) {
      return (int) Duration.between(START, breach.awareAt()).toHours();
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("of two updates based on the same version, exactly one wins and the other changes nothing")
    void oneOfTwoRacingUpdatesWins() throws Exception {
      int breaches = 200;
      List<Breach> firsts = IntStream.range(0, breaches).mapToObj(i -> recorded("race-%03d".formatted(i), 0)).toList();
      firsts.forEach(breach -> store().insert(TENANT, breach));

      List<List<Breach>> won = race(2, RACE_TIMEOUT, thread -> {
        List<Breach> wins = new ArrayList<>();
        for (Breach first : firsts) {
          Breach next = thread == 0
              ? first.authorityNotified(START.plus(Duration.ofHours(1)), null)
              : first.amended(BreachDetails.of("Amended by thread 1"));
          try {
            store().update(TENANT, next);
            wins.add(next);
          } catch (BreachConflictException lost) {
            // the other thread won this one
          }
        }
        return wins;
      });

      List<Breach> winners = new ArrayList<>(won.get(0));
      winners.addAll(won.get(1));
      assertThat(winners).hasSize(breaches);
      assertThat(winners).allSatisfy(winner -> assertThat(store().find(TENANT, winner.id())).contains(winner));
      List<BreachId> stillPending = store().pendingDueBy(TENANT, deadline(100), null, 1000).stream()
          .map(Breach::id).toList();
      assertThat(stillPending).containsExactlyInAnyOrderElementsOf(won.get(1).stream().map(Breach::id).toList());
    }

    @Test
    @DisplayName("of racing inserts of one id, exactly one succeeds")
    void oneOfRacingInsertsWins() throws Exception {
      List<Boolean> inserted = race(8, RACE_TIMEOUT, thread -> {
        try {
          store().insert(TENANT, recorded("shared", thread));
          return true;
        } catch (BreachConflictException lost) {
          return false;
        }
      });

      assertThat(inserted).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().pendingDueBy(TENANT, deadline(100), null, 10)).hasSize(1);
    }
  }

  /** Returns a breach the controller became aware of {@code hours} hours after a fixed start. */
  private static Breach recorded(String id, int hours) {
    Instant awareAt = START.plus(Duration.ofHours(hours));
    return Breach.recorded(BreachId.of(id), BreachDetails.of("Breach " + id), awareAt, awareAt);
  }

  /** Returns an assessment at {@code level} made {@code hours} hours after the fixed start. */
  private static RiskAssessment assessment(RiskLevel level, int hours) {
    return new RiskAssessment(level, "Assessed " + level, Actor.staff("dpo"), START.plus(Duration.ofHours(hours)));
  }

  /**
   * Returns the versions after {@code first} that lead to {@code last}, oldest first, rebuilt from {@code last}'s
   * fields so that a store sees every version in turn: the breach's steps are replayed in the order they are held.
   */
  private static List<Breach> versions(Breach first, Breach last) {
    List<Breach> steps = new ArrayList<>();
    Breach current = first;
    if (!last.details().equals(current.details())) {
      current = current.amended(last.details());
      steps.add(current);
    }
    for (RiskAssessment assessment : last.assessments()) {
      current = current.assessed(assessment);
      steps.add(current);
    }
    if (last.authorityNotifiedAt() != null) {
      current = current.authorityNotified(last.authorityNotifiedAt(), last.delayReasons());
      steps.add(current);
    }
    for (Instant update : last.authorityUpdates()) {
      current = current.authorityInformedFurther(update);
      steps.add(current);
    }
    if (last.communicationRequiredAt() != null) {
      current = current.communicationRequired(last.communicationRequiredAt());
      steps.add(current);
    }
    if (last.subjectsToldAt() != null) {
      current = current.subjectsTold(last.subjectsToldAt());
      steps.add(current);
    }
    if (last.subjectExemption() != null) {
      current = current.subjectsNotTold(last.subjectExemption(), last.exemptionDetails());
      steps.add(current);
    }
    assertThat(current).as("the replayed breach").isEqualTo(last);
    return steps;
  }

  /** Returns the deadline of a breach made by {@link #recorded} with these hours. */
  private static Instant deadline(int hours) {
    return START.plus(Duration.ofHours(hours)).plus(Breach.NOTIFICATION_PERIOD);
  }
}
