package io.gdprkit.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Runs a unit of work in one transaction of the stores' backing database: everything the work writes is committed
 * together when it returns, or rolled back when it throws.
 *
 * <p>Every service of the kit runs each public operation that writes more than one store (a consent event and its
 * audit record, an erasure step and its tombstone) through the runner, so that a failure in any store leaves all
 * of them as they were (Art. 5(1)(f) integrity; Art. 5(2) accountability needs the audit record to exist exactly
 * when the change does).
 *
 * <p><b>Contract</b>, checked by {@code TransactionRunnerCompatibilityKit} in {@code gdpr-test}:
 * <ul>
 *   <li>a call inside a running unit on the same thread joins it: no second, independent transaction;</li>
 *   <li>if the work throws, nothing it wrote through the stores remains, and the exception reaches the caller;</li>
 *   <li>{@link #afterCommit} actions run once, after the outermost unit committed, and never after a rollback;
 *       with no unit running they run at once.</li>
 * </ul>
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().transactions(new TransactionRunner() {
 *   public <T> T inTransaction(Supplier<T> work) { return jdbi.inTransaction(handle -> work.get()); }
 *   public void afterCommit(Runnable action) { afterCommitHooks.register(action); }
 * });
 * }</pre>
 * (the method is generic, so a runner is a class, not a lambda; the Spring Boot starter supplies one over
 * {@code TransactionTemplate} and {@code TransactionSynchronizationManager}.)
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TransactionRunner {

  /**
   * Returns the runner for in-memory stores: a thread-confined unit whose stores log undo steps through
   * {@link LocalTransactions#onRollback}, run in reverse if the work throws.
   */
  static TransactionRunner inMemory() {
    return LocalTransactions.RUNNER;
  }

  /**
   * Runs {@code work} in a transaction, or in the one already running on this thread, and returns its result.
   *
   * @throws RuntimeException whatever {@code work} threw, after everything it wrote was rolled back
   */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} in a transaction, as {@link #inTransaction}, for work that returns nothing. */
  default void useTransaction(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Runs {@code action} after the transaction running on this thread commits, or at once when none runs. An action
   * that throws is logged and does not affect the others or the committed work.
   *
   * <p>The default runs it at once: a runner whose transactions commit after {@link #inTransaction} returns (one
   * that joins a host's transaction) must override it.
   */
  default void afterCommit(Runnable action) {
    LocalTransactions.afterCommit(action);
  }
}
