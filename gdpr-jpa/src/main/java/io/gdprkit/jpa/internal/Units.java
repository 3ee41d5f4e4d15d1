package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.RollbackException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both kinds of JPA transactions do alike when a unit ends. */
@API(status = INTERNAL, since = "0.2")
public final class Units {

  private static final Logger LOG = LoggerFactory.getLogger(Units.class);

  /** The most rounds of flushing and running before-commit actions: more means actions keep registering actions. */
  private static final int MAX_ROUNDS = 100;

  private Units() {}

  /**
   * Runs {@code work} with the entity manager's automatic flush off, then puts the flush mode back: for a store's
   * statements that may run while the host's entity manager is in the middle of a flush or an insert (an attribute
   * converter or entity callback calling the kit), where a query's automatic flush would meet a half-written entity or
   * call the callback again, without end. The store's statements never need the host's pending changes.
   */
  public static <T> T withoutAutoFlush(EntityManager entityManager, Supplier<T> work) {
    FlushModeType mode = entityManager.getFlushMode();
    if (mode == FlushModeType.COMMIT) {
      return work.get();
    }
    entityManager.setFlushMode(FlushModeType.COMMIT);
    try {
      return work.get();
    } finally {
      entityManager.setFlushMode(mode);
    }
  }

  /** Rolls the transaction back if it is still open, adding a failure to roll back to {@code cause}. */
  public static void rollBackQuietly(EntityTransaction transaction, Throwable cause) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Commits the transaction, or rolls it back and throws if it was marked rollback-only: JPA's contract, which a
   * provider may otherwise meet by rolling back without a word, leaving the caller to think its work was committed.
   *
   * @throws RollbackException if the transaction was marked rollback-only
   */
  public static void commit(EntityTransaction transaction) {
    if (transaction.getRollbackOnly()) {
      transaction.rollback();
      throw new RollbackException("the transaction was marked rollback-only, so it was rolled back");
    }
    transaction.commit();
  }

  /** Runs each action once, in order; a failing one is logged by type and does not stop the others. */
  public static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      runQuietly(action);
    }
  }

  /**
   * Runs the before-commit actions of a unit, in the order they were registered, each removed before it runs: flushes
   * first, so that entity callbacks of changes not yet flushed register theirs, then runs every action, and again
   * until a flush leaves none (an action may change entities). A failing action fails the unit, which rolls back.
   *
   * @param flushAlways whether to flush even when no action waits, for a persistence context that outlives its
   *     transactions and may hold changes to entities loaded before it began
   */
  public static void runBeforeCommit(EntityManager entityManager, Map<Object, Runnable> actions, boolean flushAlways) {
    if (actions.isEmpty() && !flushAlways) {
      return;
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      entityManager.flush();
      if (actions.isEmpty()) {
        return;
      }
      while (!actions.isEmpty()) {
        Iterator<Runnable> first = actions.values().iterator();
        Runnable action = first.next();
        first.remove();
        action.run();
      }
    }
    throw new IllegalStateException("before-commit actions kept registering actions for " + MAX_ROUNDS + " rounds");
  }

  /** Runs the action; a failure is logged by type, since the work it follows is committed. */
  public static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // The work is committed: an after-commit action cannot take it back, and must not make the caller think so.
      LOG.warn("an after-commit action failed: {}", e.getClass().getName());
    }
  }
}
