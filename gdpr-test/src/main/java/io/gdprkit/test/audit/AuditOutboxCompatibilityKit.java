package io.gdprkit.test.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that an {@link AuditOutbox} keeps its contract: {@link AuditOutbox#take} returns one tenant's oldest
 * records in the order they were added and removes them; sequences increase; tenants are independent and
 * {@link AuditOutbox#tenantsWaiting} agrees with {@link AuditOutbox#waiting}; a record added in a unit of work that
 * rolls back is never taken, not even by another thread while the unit still runs; a take in a unit that rolls back
 * is undone; racing takers never get the same record; limits below one are refused.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty outbox; an adapter on a database also overrides {@link #transactions()}.
 *
 * <p>Usage example: <pre>{@code class JpaAuditOutboxTests extends AuditOutboxCompatibilityKit { protected AuditOutbox createStore() { return new JpaAuditOutbox(emf); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AuditOutboxCompatibilityKit extends StoreCompatibilityKit<AuditOutbox> {

  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final TenantId INITECH = TenantId.of("initech");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);

  /** For subclasses. */
  protected AuditOutboxCompatibilityKit() {}

  /** A record of a tenant, told apart from the others by {@code n}; pseudonymous, as every audit record is. */
  private static AuditRecord record(TenantId tenant, int n) {
    return new AuditRecord(AuditKind.CONSENT_CHANGED, tenant, "k1:p" + n, Actor.system("kit"), "newsletter",
        Map.of("n", Integer.toString(n), "status", "GRANTED"));
  }

  private List<Long> add(AuditRecord... records) {
    List<Long> sequences = new ArrayList<>();
    for (AuditRecord record : records) {
      sequences.add(store().add(record));
    }
    return sequences;
  }

  private static List<AuditRecord> records(List<PendingAuditRecord> pending) {
    return pending.stream().map(PendingAuditRecord::record).toList();
  }

  @Nested
  @DisplayName("taking")
  class Taking {

    @Test
    @DisplayName("take returns one tenant's records in the order they were added, unchanged, and removes them")
    void takesInAddingOrderAndRemoves() {
      List<Long> sequences = add(record(ACME, 1), record(GLOBEX, 1), record(ACME, 2), record(ACME, 3));

      List<PendingAuditRecord> taken = store().take(ACME, 10);

      assertThat(taken).containsExactly(new PendingAuditRecord(sequences.get(0), record(ACME, 1)),
          new PendingAuditRecord(sequences.get(2), record(ACME, 2)),
          new PendingAuditRecord(sequences.get(3), record(ACME, 3)));
      assertThat(store().take(ACME, 10)).isEmpty();
      assertThat(store().waiting(ACME)).isZero();
    }

    @Test
    @DisplayName("take returns at most limit records and leaves the rest, in order, for the next take")
    void respectsTheLimit() {
      add(record(ACME, 1), record(ACME, 2), record(ACME, 3), record(ACME, 4), record(ACME, 5));

      List<PendingAuditRecord> first = store().take(ACME, 2);

      assertThat(records(first)).containsExactly(record(ACME, 1), record(ACME, 2));
      assertThat(store().waiting(ACME)).isEqualTo(3);
      assertThat(records(store().take(ACME, 10))).containsExactly(record(ACME, 3), record(ACME, 4), record(ACME, 5));
    }

    @Test
    @DisplayName("addAll adds records in the order given, after those added before, as add would one by one")
    void addsBatchesInOrder() {
      long first = store().add(record(ACME, 1));

      store().addAll(List.of(record(ACME, 2), record(GLOBEX, 1), record(ACME, 3)));

      List<PendingAuditRecord> taken = store().take(ACME, 10);
      assertThat(records(taken)).containsExactly(record(ACME, 1), record(ACME, 2), record(ACME, 3));
      assertThat(taken.get(1).sequence()).isGreaterThan(first);
      assertThat(taken.get(2).sequence()).isGreaterThan(taken.get(1).sequence());
      assertThat(records(store().take(GLOBEX, 10))).containsExactly(record(GLOBEX, 1));
    }

    @Test
    @DisplayName("a batch taken with a small limit comes out in order, nothing lost or repeated, whole or in parts")
    void takesBatchesWholeOrInOrder() {
      List<AuditRecord> batch = new ArrayList<>();
      for (int n = 1; n <= 5; n++) {
        batch.add(record(ACME, n));
      }
      store().addAll(batch);
      store().add(record(ACME, 6));

      List<PendingAuditRecord> first = store().take(ACME, 2);

      // an outbox that stores a batch as one row hands it out whole, alone; one that stores records keeps the limit
      assertThat(records(first)).isIn(batch.subList(0, 2), batch);
      assertThat(store().waiting(ACME)).isEqualTo(6 - first.size());
      List<PendingAuditRecord> all = new ArrayList<>(first);
      for (List<PendingAuditRecord> next; !(next = store().take(ACME, 2)).isEmpty(); ) {
        all.addAll(next);
      }
      assertThat(records(all)).containsExactly(record(ACME, 1), record(ACME, 2), record(ACME, 3), record(ACME, 4),
          record(ACME, 5), record(ACME, 6));
      assertThat(all).extracting(PendingAuditRecord::sequence).isSorted().doesNotHaveDuplicates();
      assertThat(store().waiting(ACME)).isZero();
    }

    @Test
    @DisplayName("a batch of ten thousand records, as one transaction of a host may write, is counted and taken whole")
    void takesALargeBatch() {
      List<AuditRecord> batch = new ArrayList<>();
      for (int n = 0; n < 10_000; n++) {
        batch.add(record(n % 3 == 0 ? GLOBEX : ACME, n));
      }

      store().addAll(batch);

      assertThat(store().waiting(ACME)).isEqualTo(batch.stream().filter(r -> r.tenant().equals(ACME)).count());
      List<AuditRecord> taken = new ArrayList<>();
      for (List<PendingAuditRecord> next; !(next = store().take(ACME, 10_000)).isEmpty(); ) {
        taken.addAll(records(next));
      }
      assertThat(taken).isEqualTo(batch.stream().filter(r -> r.tenant().equals(ACME)).toList());
      assertThat(store().tenantsWaiting(10)).containsExactly(GLOBEX);
    }

    @Test
    @DisplayName("sequences increase in the order of adding, across tenants")
    void increasesSequences() {
      List<Long> sequences = add(record(ACME, 1), record(GLOBEX, 1), record(ACME, 2), record(INITECH, 1),
          record(GLOBEX, 2));

      assertThat(sequences).isSorted().doesNotHaveDuplicates().allMatch(sequence -> sequence >= 0);
      assertThat(store().take(GLOBEX, 10)).extracting(PendingAuditRecord::sequence)
          .containsExactly(sequences.get(1), sequences.get(4));
    }

    @Test
    @DisplayName("an added record that equals one already taken is a new record with a higher sequence")
    void addsEqualRecordsAgain() {
      long first = store().add(record(ACME, 1));
      store().take(ACME, 10);

      long second = store().add(record(ACME, 1));

      assertThat(second).isGreaterThan(first);
      assertThat(store().take(ACME, 10)).containsExactly(new PendingAuditRecord(second, record(ACME, 1)));
    }

    @Test
    @DisplayName("an empty outbox has nothing to take and no tenant waiting")
    void hasNothingWhenEmpty() {
      assertThat(store().take(ACME, 10)).isEmpty();
      assertThat(store().waiting(ACME)).isZero();
      assertThat(store().tenantsWaiting(10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    @Test
    @DisplayName("a take of one tenant leaves the records of the others")
    void keepsTenantsApart() {
      add(record(ACME, 1), record(GLOBEX, 1), record(ACME, 2), record(GLOBEX, 2));

      store().take(ACME, 10);

      assertThat(store().waiting(ACME)).isZero();
      assertThat(store().waiting(GLOBEX)).isEqualTo(2);
      assertThat(records(store().take(GLOBEX, 10))).containsExactly(record(GLOBEX, 1), record(GLOBEX, 2));
    }

    @Test
    @DisplayName("the tenants waiting are exactly those whose waiting count is above zero")
    void agreesWithTheWaitingCounts() {
      add(record(ACME, 1), record(GLOBEX, 1), record(INITECH, 1), record(INITECH, 2));
      store().take(GLOBEX, 10);
      store().take(INITECH, 1);

      List<TenantId> waiting = store().tenantsWaiting(10);

      assertThat(waiting).containsExactlyInAnyOrder(ACME, INITECH);
      assertThat(store().waiting(ACME)).isEqualTo(1);
      assertThat(store().waiting(GLOBEX)).isZero();
      assertThat(store().waiting(INITECH)).isEqualTo(1);
    }

    @Test
    @DisplayName("the tenants waiting are at most limit, each listed once")
    void respectsTheLimitOfTenants() {
      add(record(ACME, 1), record(ACME, 2), record(GLOBEX, 1), record(INITECH, 1));

      List<TenantId> waiting = store().tenantsWaiting(2);

      assertThat(waiting).hasSize(2).doesNotHaveDuplicates().isSubsetOf(ACME, GLOBEX, INITECH);
      assertThat(store().tenantsWaiting(3)).containsExactlyInAnyOrder(ACME, GLOBEX, INITECH);
    }
  }

  @Nested
  @DisplayName("the unit of work")
  class UnitOfWork {

    @Test
    @DisplayName("a record added in a unit that rolls back is never taken")
    void neverTakesARolledBackRecord() {
      store().add(record(ACME, 1));

      inRolledBackUnit(() -> {
        store().add(record(ACME, 2));
        store().add(record(GLOBEX, 1));
      });

      assertThat(store().waiting(ACME)).isEqualTo(1);
      assertThat(store().waiting(GLOBEX)).isZero();
      assertThat(store().tenantsWaiting(10)).containsExactly(ACME);
      assertThat(records(store().take(ACME, 10))).containsExactly(record(ACME, 1));
      assertThat(store().take(GLOBEX, 10)).isEmpty();
    }

    @Test
    @DisplayName("records added together in a unit that rolls back are never taken")
    void neverTakesARolledBackBatch() {
      inRolledBackUnit(() -> store().addAll(List.of(record(ACME, 1), record(GLOBEX, 1))));

      assertThat(store().tenantsWaiting(10)).isEmpty();
      assertThat(store().take(ACME, 10)).isEmpty();
    }

    @Test
    @DisplayName("a take in a unit that rolls back is undone: the records come back, in order, with their sequences")
    void undoesARolledBackTake() {
      add(record(ACME, 1), record(ACME, 2), record(ACME, 3));
      List<PendingAuditRecord> before = new ArrayList<>();

      inRolledBackUnit(() -> before.addAll(store().take(ACME, 2)));

      assertThat(before).hasSize(2);
      assertThat(store().waiting(ACME)).isEqualTo(3);
      List<PendingAuditRecord> after = store().take(ACME, 10);
      assertThat(after.subList(0, 2)).isEqualTo(before);
      assertThat(records(after)).containsExactly(record(ACME, 1), record(ACME, 2), record(ACME, 3));
    }

    @Test
    @DisplayName("a take of a batch in a unit that rolls back is undone: the batch comes back whole, in order")
    void undoesARolledBackTakeOfABatch() {
      store().addAll(List.of(record(ACME, 1), record(ACME, 2), record(ACME, 3)));
      List<PendingAuditRecord> before = new ArrayList<>();

      inRolledBackUnit(() -> before.addAll(store().take(ACME, 10)));

      assertThat(records(before)).containsExactly(record(ACME, 1), record(ACME, 2), record(ACME, 3));
      assertThat(store().waiting(ACME)).isEqualTo(3);
      assertThat(store().take(ACME, 10)).isEqualTo(before);
    }

    @Test
    @DisplayName("a unit that adds, takes and then rolls back leaves the outbox as it was")
    void undoesAddsAndTakesTogether() {
      long kept = store().add(record(ACME, 1));

      inRolledBackUnit(() -> {
        store().add(record(ACME, 2));
        assertThat(records(store().take(ACME, 10))).containsExactly(record(ACME, 1), record(ACME, 2));
        store().add(record(ACME, 3));
      });

      assertThat(store().take(ACME, 10)).containsExactly(new PendingAuditRecord(kept, record(ACME, 1)));
    }

    @Test
    @DisplayName("a unit sees the records it added itself")
    void readsItsOwnAdds() {
      Integer waiting = transactions().inTransaction(() -> {
        store().add(record(ACME, 1));
        return (int) store().waiting(ACME);
      });

      assertThat(waiting).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    @DisplayName("a record added in a unit still running is neither counted nor taken by another thread")
    void hidesTheRecordsOfARunningUnitFromOtherThreads() throws Exception {
      // Issue 9: the drainer of another thread took a record whose unit then rolled back into the audit chain
      CountDownLatch added = new CountDownLatch(1);
      CountDownLatch looked = new CountDownLatch(1);
      RuntimeException failure = new IllegalStateException("the kit rolls this unit back");

      List<List<PendingAuditRecord>> seen = race(2, RACE_TIMEOUT, thread -> {
        if (thread == 0) {
          try {
            transactions().useTransaction(() -> {
              store().add(record(ACME, 1));
              added.countDown();
              await(looked);
              throw failure;
            });
          } catch (RuntimeException e) {
            if (e != failure) {
              throw e;
            }
          }
          return List.of();
        }
        await(added);
        try {
          assertThat(store().waiting(ACME)).as("waiting while another unit still runs").isZero();
          assertThat(store().tenantsWaiting(10)).as("tenants waiting while another unit still runs").isEmpty();
          return store().take(ACME, 10);
        } finally {
          looked.countDown();
        }
      });

      assertThat(seen.get(1)).as("taken while the adding unit still ran").isEmpty();
      assertThat(store().waiting(ACME)).isZero();
      assertThat(store().take(ACME, 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("threads taking at once never get the same record, together get all of them, and each take is in order")
    void splitsRecordsBetweenRacingTakers() throws Exception {
      int records = 300;
      List<Long> sequences = new ArrayList<>();
      for (int n = 0; n < records; n++) {
        sequences.add(store().add(record(ACME, n)));
      }

      List<List<PendingAuditRecord>> taken = race(4, RACE_TIMEOUT, thread -> {
        List<PendingAuditRecord> mine = new ArrayList<>();
        for (List<PendingAuditRecord> batch; !(batch = store().take(ACME, 7)).isEmpty(); ) {
          // in order within a take; across one thread's takes a database's SKIP LOCKED may pass over rows another
          // taker held and hand them on later, which costs nothing: the chain's order is the order of appending
          assertThat(batch).extracting(PendingAuditRecord::sequence).isSorted();
          mine.addAll(batch);
        }
        return mine;
      });

      List<Long> all = new ArrayList<>();
      for (List<PendingAuditRecord> mine : taken) {
        mine.forEach(pending -> all.add(pending.sequence()));
      }
      assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sequences);
      assertThat(store().waiting(ACME)).isZero();
    }

    @Test
    @DisplayName("threads adding at once get distinct sequences and lose no record")
    void keepsEveryRacingAdd() throws Exception {
      int perThread = 50;

      List<List<Long>> added = race(4, RACE_TIMEOUT, thread -> IntStream.range(0, perThread)
          .mapToObj(n -> store().add(record(thread % 2 == 0 ? ACME : GLOBEX, thread * perThread + n))).toList());

      Set<Long> all = new HashSet<>();
      for (List<Long> mine : added) {
        assertThat(mine).isSorted();
        all.addAll(mine);
      }
      assertThat(all).hasSize(4 * perThread);
      assertThat(store().waiting(ACME)).isEqualTo(2L * perThread);
      assertThat(store().waiting(GLOBEX)).isEqualTo(2L * perThread);
      assertThat(store().take(ACME, 1000)).extracting(PendingAuditRecord::sequence).isSorted()
          .hasSize(2 * perThread);
    }
  }

  @Nested
  @DisplayName("bounds")
  class Bounds {

    @Test
    @DisplayName("a take with a limit of zero or less is refused with a typed error and removes nothing")
    void refusesANonPositiveTakeLimit() {
      add(record(ACME, 1));

      assertThat(thrownBy(() -> store().take(ACME, 0))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("limit");
      assertThat(thrownBy(() -> store().take(ACME, -1))).isInstanceOf(InvalidInputException.class);
      assertThat(thrownBy(() -> store().take(ACME, Integer.MIN_VALUE))).isInstanceOf(InvalidInputException.class);

      assertThat(store().waiting(ACME)).isEqualTo(1);
    }

    @Test
    @DisplayName("tenants waiting with a limit of zero or less is refused with a typed error")
    void refusesANonPositiveTenantLimit() {
      add(record(ACME, 1));

      assertThat(thrownBy(() -> store().tenantsWaiting(0))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("limit");
      assertThat(thrownBy(() -> store().tenantsWaiting(-5))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("the largest limit takes every record without reserving room for the limit")
    void servesTheLargestLimit() {
      add(record(ACME, 1), record(ACME, 2));

      assertThat(records(store().take(ACME, Integer.MAX_VALUE))).containsExactly(record(ACME, 1), record(ACME, 2));
      assertThat(store().tenantsWaiting(Integer.MAX_VALUE)).isEmpty();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the other thread did not get as far in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the other thread", e);
    }
  }
}
