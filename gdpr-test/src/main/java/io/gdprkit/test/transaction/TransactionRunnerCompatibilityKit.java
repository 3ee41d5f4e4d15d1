package io.gdprkit.test.transaction;

import static io.gdprkit.consent.ConsentEventType.GRANTED;
import static io.gdprkit.consent.ConsentEventType.WITHDRAWN;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.test.StoreCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link TransactionRunner} keeps its contract: a call inside a running unit on the same thread joins
 * it; a unit whose work throws leaves nothing it wrote and rethrows the same exception; after-commit actions run once,
 * in order, after the outermost unit commits, never after a rollback, and at once when no unit runs; an action that
 * throws harms neither the committed work nor the other actions; units on different threads are independent; a unit
 * returns its work's result.
 *
 * <p>The kit writes through a {@link ConsentStore} whose writes the runner's transactions cover (an adapter passes
 * its database store over the same connection or {@code EntityManager}), and reads it back to see what a unit left.
 * Both are created once per test, on the test's thread, after the subclass's {@code @BeforeEach} methods; the store
 * must be empty. The thread tests hold two units open at once, writing rows of different subjects, so a database
 * store must not lock more than the rows it writes.
 *
 * <p>Usage example: <pre>{@code class JpaTransactionRunnerTests extends TransactionRunnerCompatibilityKit { protected TransactionRunner createRunner() { return new JpaTransactionRunner(emf); } protected ConsentStore createStore() { return new JpaConsentStore(emf); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class TransactionRunnerCompatibilityKit extends StoreCompatibilityKit<ConsentStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final ConsentProof PROOF = ConsentProof.of(ConsentChannel.API, Actor.subject());
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId CAROL = SubjectId.of("carol");
  private static final String NEWSLETTER = "newsletter";
  private static final String CALLS = "sales-calls";

  private volatile @Nullable TransactionRunner runner;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  /** For subclasses. */
  protected TransactionRunnerCompatibilityKit() {}

  /**
   * Returns the runner to test, over the transactions that cover the writes of {@link #createStore()}.
   *
   * <p>Called once per test, when the test first uses the runner, on the test's thread.
   *
   * @return the runner; may be shared between tests if it holds no state of its own
   */
  protected abstract TransactionRunner createRunner();

  /**
   * Returns a new, empty consent store whose writes the runner's transactions cover: the kit writes consent events
   * through it and reads them back to see what a unit left.
   *
   * @return the store; never shared with another test
   */
  @Override
  protected abstract ConsentStore createStore();

  /** Returns this test's runner, creating it on first use. */
  @Override
  protected final TransactionRunner transactions() {
    TransactionRunner created = runner;
    if (created == null) {
      synchronized (this) {
        created = runner;
        if (created == null) {
          created = createRunner();
          runner = created;
        }
      }
    }
    return created;
  }

  @Nested
  @DisplayName("joining")
  class Joining {

    @Test
    @DisplayName("a unit started inside a running unit on the same thread joins it: the outer failure rolls back the inner work")
    void rollsBackTheWorkOfAJoinedUnit() {
      store().append(event(CAROL, NEWSLETTER, GRANTED, 1));

      inRolledBackUnit(() -> {
        transactions().useTransaction(() -> store().append(event(ALICE, NEWSLETTER, GRANTED, 1)));
        String inner = transactions().inTransaction(() -> {
          store().append(event(BOB, NEWSLETTER, GRANTED, 1));
          return "inner";
        });
        assertThat(inner).isEqualTo("inner");
        store().append(event(CAROL, NEWSLETTER, WITHDRAWN, 2));
      });

      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().history(BOB)).isEmpty();
      assertThat(store().history(CAROL)).extracting(ConsentEvent::type).containsExactly(GRANTED);
    }

    @Test
    @DisplayName("a joined unit's writes are visible to the rest of the unit and committed with it")
    void commitsTheWorkOfAJoinedUnitWithTheOuter() {
      transactions().useTransaction(() -> {
        transactions().useTransaction(() -> store().append(event(ALICE, NEWSLETTER, GRANTED, 1)));

        assertThat(store().history(ALICE)).hasSize(1);
        store().append(event(ALICE, NEWSLETTER, WITHDRAWN, 2));
      });

      assertThat(store().history(ALICE)).extracting(ConsentEvent::type).containsExactly(GRANTED, WITHDRAWN);
    }
  }

  @Nested
  @DisplayName("rolling back")
  class RollingBack {

    @Test
    @DisplayName("a unit whose work throws leaves nothing it wrote and rethrows the same exception")
    void rollsBackEverythingAndRethrowsTheSameException() {
      store().append(event(CAROL, NEWSLETTER, GRANTED, 1));
      IllegalStateException failure = new IllegalStateException("the kit fails this unit");

      Throwable thrown = thrownBy(() -> transactions().useTransaction(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        store().appendAll(List.of(event(ALICE, CALLS, GRANTED, 1), event(BOB, NEWSLETTER, GRANTED, 1)));
        store().append(event(CAROL, NEWSLETTER, WITHDRAWN, 2));
        throw failure;
      }));

      assertThat(thrown).isSameAs(failure);
      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().history(BOB)).isEmpty();
      assertThat(store().history(CAROL)).extracting(ConsentEvent::type).containsExactly(GRANTED);
      assertThat(store().subjects(null, 10)).containsExactly(CAROL);
    }

    @Test
    @DisplayName("a unit whose work throws an error rolls back too and rethrows the same error")
    void rollsBackOnAnError() {
      KitError failure = new KitError();

      Throwable thrown = null;
      try {
        transactions().useTransaction(() -> {
          store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
          throw failure;
        });
      } catch (KitError e) {
        thrown = e;
      }

      assertThat(thrown).isSameAs(failure);
      assertThat(store().history(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a unit whose work throws a checked exception by stealth rolls back, and the thread's next unit starts afresh")
    void rollsBackOnAStealthCheckedException() {
      // Issue 9: the in-memory runner caught only unchecked throwables, so this left its unit open on the thread
      Exception failure = new java.io.IOException("the kit fails this unit");

      Throwable thrown = null;
      try {
        transactions().useTransaction(() -> {
          store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
          transactions().afterCommit(() -> log.add("after the unit that failed"));
          TransactionRunnerCompatibilityKit.<RuntimeException>sneakyThrow(failure);
        });
      } catch (Throwable e) {
        thrown = e;
      }
      inRolledBackUnit(() -> store().append(event(BOB, NEWSLETTER, GRANTED, 1)));
      transactions().useTransaction(() -> transactions().afterCommit(() -> log.add("after the next unit")));

      assertThat(thrown).as("what the runner threw").isNotNull();
      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().history(BOB)).isEmpty();
      assertThat(log).containsExactly("after the next unit");
    }

    @Test
    @DisplayName("after a rollback the thread's next unit starts afresh and commits")
    void startsAFreshUnitAfterARollback() {
      inRolledBackUnit(() -> store().append(event(ALICE, NEWSLETTER, GRANTED, 1)));

      Throwable inner = thrownBy(() -> transactions().useTransaction(() -> {
        store().append(event(BOB, NEWSLETTER, GRANTED, 1));
        transactions().afterCommit(() -> log.add("after the unit that failed"));
        throw new IllegalStateException("the kit fails this unit");
      }));
      transactions().useTransaction(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        transactions().afterCommit(() -> log.add("after the unit that committed"));
      });

      assertThat(inner).isInstanceOf(IllegalStateException.class);
      assertThat(store().history(ALICE)).hasSize(1);
      assertThat(store().history(BOB)).isEmpty();
      assertThat(log).containsExactly("after the unit that committed");
    }
  }

  @Nested
  @DisplayName("after-commit actions")
  class AfterCommit {

    @Test
    @DisplayName("an action registered in a joined unit runs once, after the outermost unit commits")
    void runsAnActionAfterTheOutermostCommit() {
      transactions().useTransaction(() -> {
        transactions().useTransaction(() -> {
          store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
          transactions().afterCommit(() -> log.add("action"));
        });
        log.add("inner unit returned");
        store().append(event(BOB, NEWSLETTER, GRANTED, 1));
        log.add("outer unit ends");
      });

      assertThat(log).containsExactly("inner unit returned", "outer unit ends", "action");
      assertThat(store().history(ALICE)).hasSize(1);
      assertThat(store().history(BOB)).hasSize(1);
    }

    @Test
    @DisplayName("an action may run a unit of its own, which commits apart from the finished unit")
    void letsAnActionRunAUnitOfItsOwn() {
      // Issue 12: the audit drain runs after commit in a unit of its own; joining the finished one lost its writes
      transactions().useTransaction(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        transactions().afterCommit(() -> {
          transactions().useTransaction(() -> {
            store().append(event(BOB, NEWSLETTER, GRANTED, 1));
            transactions().afterCommit(() -> log.add("after the action's own unit"));
          });
          log.add("the action's unit returned");
        });
      });

      assertThat(log).containsExactly("after the action's own unit", "the action's unit returned");
      assertThat(store().history(ALICE)).hasSize(1);
      assertThat(store().history(BOB)).hasSize(1);
    }

    @Test
    @DisplayName("an action's unit that fails rolls back its own work only")
    void rollsBackOnlyTheActionsOwnUnit() {
      transactions().useTransaction(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        transactions().afterCommit(() -> inRolledBackUnit(() -> store().append(event(BOB, NEWSLETTER, GRANTED, 1))));
      });
      transactions().useTransaction(() -> store().append(event(CAROL, NEWSLETTER, GRANTED, 1)));

      assertThat(store().history(ALICE)).hasSize(1);
      assertThat(store().history(BOB)).isEmpty();
      assertThat(store().history(CAROL)).hasSize(1);
    }

    @Test
    @DisplayName("actions run in the order they were registered")
    void runsActionsInOrder() {
      transactions().useTransaction(() -> {
        transactions().afterCommit(() -> log.add("first"));
        transactions().useTransaction(() -> transactions().afterCommit(() -> log.add("second")));
        transactions().afterCommit(() -> log.add("third"));
      });

      assertThat(log).containsExactly("first", "second", "third");
    }

    @Test
    @DisplayName("an action registered in a unit that rolls back never runs")
    void neverRunsAnActionAfterARollback() {
      inRolledBackUnit(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        transactions().afterCommit(() -> log.add("rolled back"));
        transactions().useTransaction(() -> transactions().afterCommit(() -> log.add("joined, rolled back")));
      });
      transactions().useTransaction(() -> store().append(event(BOB, NEWSLETTER, GRANTED, 1)));

      assertThat(log).isEmpty();
      assertThat(store().history(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("with no unit running an action runs at once")
    void runsAnActionAtOnceWithNoUnit() {
      transactions().afterCommit(() -> log.add("at once"));

      assertThat(log).containsExactly("at once");
    }

    @Test
    @DisplayName("an action that throws leaves the committed work, the unit's result and the other actions alone")
    void isolatesAFailingAction() {
      String result = transactions().inTransaction(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        transactions().afterCommit(() -> log.add("first"));
        transactions().afterCommit(() -> {
          throw new IllegalStateException("the kit fails this action");
        });
        transactions().afterCommit(() -> log.add("third"));
        return "committed";
      });

      assertThat(result).isEqualTo("committed");
      assertThat(log).containsExactly("first", "third");
      assertThat(store().history(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("an action that throws with no unit running does not reach the caller")
    void isolatesAFailingActionWithNoUnit() {
      transactions().afterCommit(() -> {
        throw new IllegalStateException("the kit fails this action");
      });
      transactions().afterCommit(() -> log.add("next"));

      assertThat(log).containsExactly("next");
    }
  }

  @Nested
  @DisplayName("results")
  class Results {

    @Test
    @DisplayName("a unit returns its work's result")
    void returnsTheResult() {
      Integer result = transactions().inTransaction(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        return 42;
      });

      assertThat(result).isEqualTo(42);
      assertThat(store().history(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a joined unit returns its result to the outer unit, which returns its own")
    void returnsTheResultOfAJoinedUnit() {
      String result = transactions().inTransaction(() -> transactions().inTransaction(() -> "inner") + " and outer");

      assertThat(result).isEqualTo("inner and outer");
    }

    @Test
    @DisplayName("a unit may return null")
    void returnsNull() {
      Object result = transactions().inTransaction(() -> null);

      assertThat(result).isNull();
    }
  }

  @Nested
  @DisplayName("threads")
  @Timeout(30)
  class Threads {

    @Test
    @DisplayName("units on two threads are independent: one rolling back does not take back the other's writes")
    void keepsUnitsOnTwoThreadsApart() throws Exception {
      CyclicBarrier bothWrote = new CyclicBarrier(2);
      RuntimeException failure = new IllegalStateException("the kit fails this unit");

      List<String> outcomes = race(2, RACE_TIMEOUT, thread -> {
        try {
          transactions().useTransaction(() -> {
            store().append(event(thread == 0 ? ALICE : BOB, NEWSLETTER, GRANTED, 1));
            transactions().afterCommit(() -> log.add("after commit on thread " + thread));
            await(bothWrote);
            if (thread == 1) {
              throw failure;
            }
          });
          return "committed";
        } catch (RuntimeException e) {
          if (e != failure) {
            throw e;
          }
          return "rolled back";
        }
      });

      assertThat(outcomes).containsExactly("committed", "rolled back");
      assertThat(store().history(ALICE)).hasSize(1);
      assertThat(store().history(BOB)).isEmpty();
      assertThat(log).containsExactly("after commit on thread 0");
    }

    @Test
    @DisplayName("a unit on another thread does not join the unit running on this one")
    void doesNotJoinAUnitOfAnotherThread() {
      inRolledBackUnit(() -> {
        store().append(event(ALICE, NEWSLETTER, GRANTED, 1));
        try {
          race(1, RACE_TIMEOUT, thread -> {
            transactions().useTransaction(() -> {
              store().append(event(BOB, NEWSLETTER, GRANTED, 1));
              transactions().afterCommit(() -> log.add("other thread committed"));
            });
            return thread;
          });
        } catch (Exception e) {
          throw new AssertionError("the unit on the other thread failed", e);
        }
        assertThat(log).containsExactly("other thread committed");
      });

      assertThat(store().history(ALICE)).isEmpty();
      assertThat(store().history(BOB)).hasSize(1);
      assertThat(log).containsExactly("other thread committed");
    }
  }

  /** An error, not an exception: a runner must roll back on both. */
  private static final class KitError extends Error {
    private static final long serialVersionUID = 1L;

    KitError() {
      super("the kit fails this unit with an error");
    }
  }

  /** Throws a checked exception where the compiler sees none, as Lombok's {@code @SneakyThrows} or Kotlin code do. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(RACE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the other thread's unit did not get as far as its write", e);
    }
  }

  private static ConsentEvent event(SubjectId subject, String purpose, ConsentEventType type, long sequence) {
    Instant occurredAt = START.plus(Duration.ofMinutes(sequence));
    return new ConsentEvent(UUID.randomUUID(), subject, purpose, type, sequence, occurredAt, occurredAt, PROOF, null,
        "v1");
  }
}
