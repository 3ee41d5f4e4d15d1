package io.gdprkit.test.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.SubjectNoticeExemption;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.purpose.DataCategory;
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
 * Checks that a {@link BreachStore} keeps its contract: breaches stored unchanged, versioned updates of which one
 * wins a race, keyset paging by id, and the pending-by-deadline query that drops a breach once it is notified or
 * judged not to need it.
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
      Breach notified = amended.authorityNotified(START.plus(Duration.ofHours(80)), "Found in an audit");
      Breach full = notified.subjectsNotTold(SubjectNoticeExemption.RISK_NO_LONGER_LIKELY, "Recipient deleted it");
      store().insert(first);
      store().update(amended);
      store().update(notified);
      store().update(full);

      Breach found = store().find(BreachId.of("INC-1")).orElseThrow();

      assertThat(found).isEqualTo(full);
      assertThat(store().find(BreachId.of("INC-2"))).isEmpty();
    }

    @Test
    @DisplayName("inserting an id that is stored fails with a conflict and keeps the stored breach")
    void refusesADuplicateId() {
      Breach first = recorded("INC-1", 0);
      store().insert(first);

      Throwable thrown = thrownBy(() -> store().insert(recorded("INC-1", 5)));

      assertThat(thrown).isInstanceOf(BreachConflictException.class);
      assertThat(store().find(BreachId.of("INC-1"))).contains(first);
    }

    @Test
    @DisplayName("inserting a breach past version 1 is invalid input")
    void refusesALaterVersion() {
      Breach amended = recorded("INC-1", 0).amended(BreachDetails.of("Other"));

      Throwable thrown = thrownBy(() -> store().insert(amended));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().find(BreachId.of("INC-1"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("updating")
  class Updating {

    @Test
    @DisplayName("an update based on the stored version replaces it")
    void replacesTheNextVersion() {
      Breach first = recorded("INC-1", 0);
      store().insert(first);
      Breach second = first.amended(BreachDetails.of("Second description"));

      store().update(second);

      assertThat(store().find(first.id())).contains(second);
    }

    @Test
    @DisplayName("an update based on an older version fails with a conflict and writes nothing")
    void refusesAStaleUpdate() {
      Breach first = recorded("INC-1", 0);
      store().insert(first);
      Breach second = first.amended(BreachDetails.of("Second"));
      store().update(second);

      Throwable stale = thrownBy(() -> store().update(first.amended(BreachDetails.of("Lost update"))));
      Throwable skipping = thrownBy(() -> store().update(second.amended(BreachDetails.of("3")).amended(
          BreachDetails.of("4"))));

      assertThat(stale).isInstanceOf(BreachConflictException.class);
      assertThat(skipping).isInstanceOf(BreachConflictException.class);
      assertThat(store().find(first.id())).contains(second);
    }

    @Test
    @DisplayName("updating a breach that was never inserted fails with an unknown-breach error")
    void refusesAnUnknownBreach() {
      Breach never = recorded("INC-9", 0).amended(BreachDetails.of("Never stored"));

      Throwable thrown = thrownBy(() -> store().update(never));

      assertThat(thrown).isInstanceOf(UnknownBreachException.class);
      assertThat(store().find(never.id())).isEmpty();
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
      insertOrder.forEach(id -> store().insert(recorded(id, 0)));

      List<Breach> visited = pageThrough(5, (BreachId after) -> store().page(after, 5), Breach::id);

      assertThat(visited).extracting(breach -> breach.id().value()).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("pending breaches due by the cutoff are listed by deadline, then id, the cutoff included")
    void listsPendingByDeadline() {
      store().insert(recorded("c", 2));
      store().insert(recorded("b", 1));
      store().insert(recorded("a", 2));
      store().insert(recorded("late", 10));

      List<Breach> due = store().pendingDueBy(deadline(2), null, 10);

      assertThat(due).extracting(breach -> breach.id().value()).containsExactly("b", "a", "c");
    }

    @Test
    @DisplayName("a breach leaves the pending list once notified or judged not to need notification")
    void dropsNotifiedAndExemptBreaches() {
      Breach notified = recorded("notified", 1);
      Breach exempt = recorded("exempt", 2);
      Breach pending = recorded("pending", 3);
      List.of(notified, exempt, pending).forEach(store()::insert);

      store().update(notified.authorityNotified(START.plus(Duration.ofHours(2)), null));
      store().update(exempt.notificationNotRequired("Encrypted, key safe"));

      assertThat(store().pendingDueBy(deadline(10), null, 10)).extracting(breach -> breach.id().value())
          .containsExactly("pending");
    }

    @Test
    @DisplayName("paging the pending list by its last breach visits each once")
    void pagesThePendingList() {
      List<Breach> expected = new ArrayList<>();
      for (int i = 0; i < 17; i++) {
        Breach breach = recorded("INC-%02d".formatted(i), i % 4);
        store().insert(breach);
        expected.add(breach);
      }
      expected.sort(java.util.Comparator.comparing(Breach::deadline).thenComparing(Breach::id));

      List<Breach> visited = pageThrough(3, (Breach after) -> store().pendingDueBy(deadline(5), after, 3),
          breach -> breach);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      Throwable page = thrownBy(() -> store().page(null, 0));
      Throwable due = thrownBy(() -> store().pendingDueBy(START, null, 0));

      assertThat(page).isInstanceOf(InvalidInputException.class);
      assertThat(due).isInstanceOf(InvalidInputException.class);
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
      firsts.forEach(store()::insert);

      List<List<Breach>> won = race(2, RACE_TIMEOUT, thread -> {
        List<Breach> wins = new ArrayList<>();
        for (Breach first : firsts) {
          Breach next = thread == 0
              ? first.authorityNotified(START.plus(Duration.ofHours(1)), null)
              : first.amended(BreachDetails.of("Amended by thread 1"));
          try {
            store().update(next);
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
      assertThat(winners).allSatisfy(winner -> assertThat(store().find(winner.id())).contains(winner));
      List<BreachId> stillPending = store().pendingDueBy(deadline(100), null, 1000).stream().map(Breach::id).toList();
      assertThat(stillPending).containsExactlyInAnyOrderElementsOf(won.get(1).stream().map(Breach::id).toList());
    }

    @Test
    @DisplayName("of racing inserts of one id, exactly one succeeds")
    void oneOfRacingInsertsWins() throws Exception {
      List<Boolean> inserted = race(8, RACE_TIMEOUT, thread -> {
        try {
          store().insert(recorded("shared", thread));
          return true;
        } catch (BreachConflictException lost) {
          return false;
        }
      });

      assertThat(inserted).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().pendingDueBy(deadline(100), null, 10)).hasSize(1);
    }
  }

  /** Returns a breach the controller became aware of {@code hours} hours after a fixed start. */
  private static Breach recorded(String id, int hours) {
    Instant awareAt = START.plus(Duration.ofHours(hours));
    return Breach.recorded(BreachId.of(id), BreachDetails.of("Breach " + id), awareAt, awareAt);
  }

  /** Returns the deadline of a breach made by {@link #recorded} with these hours. */
  private static Instant deadline(int hours) {
    return START.plus(Duration.ofHours(hours)).plus(Breach.NOTIFICATION_PERIOD);
  }
}
