package io.gdprkit.transaction;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.Preconditions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread-confined unit of work of the in-memory stores: an undo log and a list of after-commit actions.
 *
 * <p>An in-memory store calls {@link #onRollback} with the step that takes back each write it makes; when the
 * work of {@link TransactionRunner#inMemory()} throws, the steps run newest first, so the stores hold what they held
 * before. This gives atomicity, not isolation: another thread may see a write before it is taken back, as it would
 * under read-uncommitted. A database runner gets both from the database.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class LocalTransactions {

  private static final Logger LOG = LoggerFactory.getLogger(LocalTransactions.class);
  private static final ThreadLocal<@Nullable Frame> CURRENT = new ThreadLocal<>();

  static final TransactionRunner RUNNER = new TransactionRunner() {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      return run(work);
    }

    @Override
    public String toString() {
      return "TransactionRunner.inMemory()";
    }
  };

  private LocalTransactions() {
  }

  /** The undo log and after-commit actions of the unit running on one thread. */
  private static final class Frame {
    final Deque<Runnable> undo = new ArrayDeque<>();
    final List<Runnable> afterCommit = new ArrayList<>();
  }

  /** Runs {@code work} as a unit, or as part of the one running on this thread. */
  static <T> T run(Supplier<T> work) {
    Preconditions.notNull(work, "work");
    if (CURRENT.get() != null) {
      return work.get();
    }
    Frame frame = new Frame();
    CURRENT.set(frame);
    T result;
    try {
      result = work.get();
    } catch (Throwable e) {
      // Throwable, not RuntimeException | Error: a checked exception thrown by stealth (Lombok's @SneakyThrows,
      // Kotlin) must roll back too, and must not leave the frame on the thread for every later unit to join.
      CURRENT.remove();
      rollBack(frame, e);
      throw e;
    }
    CURRENT.remove();
    for (Runnable action : frame.afterCommit) {
      runQuietly(action);
    }
    return result;
  }

  private static void rollBack(Frame frame, Throwable cause) {
    for (Runnable step; (step = frame.undo.pollFirst()) != null; ) {
      try {
        step.run();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** Returns whether a unit of the in-memory runner is running on this thread. */
  public static boolean active() {
    return CURRENT.get() != null;
  }

  /**
   * Logs the step that takes back a write just made, if a unit runs on this thread; does nothing otherwise, since a
   * write outside a unit is its own unit and has nothing to roll back with.
   */
  public static void onRollback(Runnable undo) {
    Frame frame = CURRENT.get();
    if (frame != null) {
      frame.undo.addFirst(Preconditions.notNull(undo, "undo"));
    }
  }

  /** Runs {@code action} after the unit running on this thread commits, or at once when none runs. */
  public static void afterCommit(Runnable action) {
    Preconditions.notNull(action, "action");
    Frame frame = CURRENT.get();
    if (frame != null) {
      frame.afterCommit.add(action);
    } else {
      runQuietly(action);
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // The work is committed: an after-commit action cannot take it back, and must not make the caller think so.
      LOG.warn("an after-commit action failed: {}", e.getClass().getName());
    }
  }
}
