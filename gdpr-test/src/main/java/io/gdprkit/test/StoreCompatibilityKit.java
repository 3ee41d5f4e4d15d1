package io.gdprkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apiguardian.api.API;
import io.gdprkit.transaction.TransactionRunner;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;
import java.util.function.Function;

/**
 * The base of every store conformance kit: it holds the store under test and offers helpers for races and
 * expected failures.
 *
 * <p>A kit for one SPI extends it with its tests, and an adapter's test class extends that kit with a
 * {@link #createStore()} that returns an empty store. JUnit makes a new instance for every test, so every test
 * gets its own store.
 *
 * <p>Usage example: <pre>{@code public abstract class AuditStoreCompatibilityKit extends StoreCompatibilityKit<AuditStore> { ... }}</pre>
 *
 * @param <S> the store SPI under test
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class StoreCompatibilityKit<S> {

  private volatile @Nullable S store;

  /** For subclasses. */
  protected StoreCompatibilityKit() {}

  /**
   * Returns the unit of work the store joins: {@link TransactionRunner#inMemory()} for the in-memory stores; an
   * adapter on a database returns a runner over that database's transactions.
   *
   * @return the runner the kit's rollback tests run their writes in
   */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  /**
   * Runs {@code writes} in one unit of work of {@link #transactions()} that then fails, so that everything written
   * must be rolled back; the failure does not reach the test.
   *
   * @param writes the store calls to take back
   */
  protected final void inRolledBackUnit(Runnable writes) {
    store();
    RuntimeException rollback = new RuntimeException("the kit rolls this unit back");
    try {
      transactions().useTransaction(() -> {
        writes.run();
        throw rollback;
      });
    } catch (RuntimeException e) {
      if (e != rollback) {
        throw e;
      }
      return;
    }
    throw new AssertionError("the runner swallowed the failure that should roll the unit back");
  }

  /**
   * Returns how many rounds a race that repeats one step many times runs, given the rounds it runs on an in-memory
   * store; a store on a database, where each round is a transaction or two, may return fewer, at least a hundredth,
   * since its slower steps overlap for longer and hit the race window as often.
   *
   * @param inMemory the rounds an in-memory store runs
   * @return the rounds to run; the kit never runs fewer than a hundredth of {@code inMemory}
   */
  protected int rounds(int inMemory) {
    return inMemory;
  }

  /**
   * Returns the factor by which races may take longer than on an in-memory store: a database adapter returns more
   * than 1 so that a loaded machine does not fail a race that only ran slowly.
   *
   * @return the factor, at least 1
   */
  protected int timeoutFactor() {
    return 1;
  }

  /** Returns {@link #rounds}, bounded below by a hundredth of {@code inMemory}. */
  protected final int scaledRounds(int inMemory) {
    return Math.max(Math.max(1, inMemory / 100), rounds(inMemory));
  }

  /**
   * Returns a new, empty store to test.
   *
   * <p>Called once per test, when the test first uses the store: after the subclass's {@code @BeforeEach} methods.
   *
   * @return the store; never shared with another test
   */
  protected abstract S createStore();

  /**
   * Returns this test's store, creating it on first use.
   *
   * <p>Thread-safe: when racing threads are the first to ask, exactly one of them creates it. {@link #race} creates
   * it on the test's own thread before it starts, so that {@link #createStore()} never runs on a worker thread.
   *
   * @return the store of this test
   */
  protected final S store() {
    S created = store;
    if (created == null) {
      synchronized (this) {
        created = store;
        if (created == null) {
          created = createStore();
          store = created;
        }
      }
    }
    return created;
  }

  /**
   * Runs {@code task} on {@code threads} threads that start together, and returns each thread's result in thread
   * order; the test's store is created first, on the calling thread.
   *
   * @param threads how many threads race, at least 1
   * @param timeout how long all threads together may take; a thread still running then fails the race
   * @param task called once on each thread with the thread's index, 0 to {@code threads - 1}
   * @param <T> what each thread returns
   * @return the results, index {@code i} from thread {@code i}
   * @throws Exception what a thread threw (wrapped in an {@link java.util.concurrent.ExecutionException}), or a
   *     {@link java.util.concurrent.TimeoutException} when the race outlasts {@code timeout}
   */
  protected final <T> List<T> race(int threads, Duration timeout, IntFunction<T> task) throws Exception {
    store(); // created on the test's own thread, never on a worker
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>(threads);
      for (int thread = 0; thread < threads; thread++) {
        int index = thread;
        futures.add(executor.submit(() -> {
          start.await();
          return task.apply(index);
        }));
      }
      start.countDown();
      long deadline = System.nanoTime() + timeout.toNanos() * timeoutFactor();
      List<T> results = new ArrayList<>(threads);
      for (Future<T> future : futures) {
        results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return results;
    } finally {
      executor.shutdownNow();
      executor.awaitTermination(timeout.toSeconds() * timeoutFactor(), TimeUnit.SECONDS);
    }
  }

  /**
   * Returns what {@code call} throws; fails the test when it throws nothing.
   *
   * <p>An aborted assumption is passed on, not returned: a store that skips its test when the call first creates it
   * (a database that is not reachable) must skip it, not pass it as the expected failure.
   *
   * @param call the call expected to fail with an unchecked exception
   * @return the exception it threw
   * @throws AssertionError if the call returned normally
   */
  protected static Throwable thrownBy(Runnable call) {
    try {
      call.run();
    } catch (TestAbortedException skipped) {
      throw skipped; // a store that cannot run here (its database is not selected) skips the test, failing nothing
    } catch (RuntimeException expected) {
      return expected;
    }
    throw new AssertionError("expected an exception, but the call returned normally");
  }

  /**
   * Reads a keyset-paged query to its end and returns every item in order.
   *
   * <p>Each page must hold at most {@code limit} items; the next page continues after the key of the last item.
   * A store that repeats its {@code after} item never ends, which this reports as a failure.
   *
   * @param page reads the page after a key, {@code null} for the first page
   * @param key the key of an item, to continue after it
   */
  protected static <T, K> List<T> pageThrough(int limit, Function<@Nullable K, List<T>> page, Function<T, K> key) {
    List<T> all = new ArrayList<>();
    K after = null;
    for (int pages = 0; pages < 1_000; pages++) {
      List<T> next = page.apply(after);
      assertThat(next).as("page %d", pages).hasSizeLessThanOrEqualTo(limit);
      if (next.isEmpty()) {
        return all;
      }
      all.addAll(next);
      after = key.apply(next.get(next.size() - 1));
    }
    throw new AssertionError("paging did not end after 1000 pages; does the store return the 'after' item again?");
  }
}
