package io.gdprkit.transaction;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.GdprStoreException;
import io.gdprkit.internal.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the services run their operations through: the host's {@link TransactionRunner}, with any failure that is
 * not already one of the kit's typed errors reported as a {@link GdprStoreException} naming the operation.
 *
 * <p>After-commit actions registered while an operation runs are held until its outermost unit returned from the
 * runner, then handed to {@link TransactionRunner#afterCommit}: a runner with no transaction left open runs them at
 * once, one that joined a host's transaction defers them to the host's commit.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class UnitOfWork {

  private final TransactionRunner runner;
  private final ThreadLocal<@Nullable List<Runnable>> afterCommit = new ThreadLocal<>();

  /** Creates the unit of work over {@code runner}. */
  public UnitOfWork(TransactionRunner runner) {
    this.runner = Preconditions.notNull(runner, "runner");
  }

  /** Returns a unit of work over the in-memory runner. */
  public static UnitOfWork inMemory() {
    return new UnitOfWork(TransactionRunner.inMemory());
  }

  /** Returns the runner. */
  public TransactionRunner runner() {
    return runner;
  }

  /**
   * Runs {@code work} as one unit and returns its result.
   *
   * @param operation what the work does, as a phrase ("grant consent"), for the error message
   * @throws GdprException what the work threw, if typed; else a {@link GdprStoreException} with the failure as its
   *     cause; in both cases after everything written was rolled back
   */
  public <T> T run(String operation, Supplier<T> work) {
    Preconditions.notNull(work, "work");
    if (afterCommit.get() != null) {
      return work.get(); // joins the operation already running on this thread
    }
    List<Runnable> actions = new ArrayList<>();
    afterCommit.set(actions);
    T result;
    try {
      result = runner.inTransaction(work);
    } catch (GdprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GdprStoreException.of(operation, e);
    } finally {
      afterCommit.remove();
    }
    for (Runnable action : actions) {
      runner.afterCommit(action);
    }
    return result;
  }

  /** Runs {@code work} as one unit, as {@link #run}, for work that returns nothing. */
  public void use(String operation, Runnable work) {
    run(operation, () -> {
      work.run();
      return null;
    });
  }

  /** Runs {@code action} once the unit running on this thread commits, or at once when none runs. */
  public void afterCommit(Runnable action) {
    Preconditions.notNull(action, "action");
    List<Runnable> actions = afterCommit.get();
    if (actions != null) {
      actions.add(action);
    } else {
      runner.afterCommit(action);
    }
  }

  /** Returns whether an operation of this unit of work runs on this thread. */
  public boolean active() {
    return afterCommit.get() != null;
  }
}
