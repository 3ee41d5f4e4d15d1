package io.gdprkit.jpa;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.internal.Units;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Units of work on the host's own entity manager, which is used by one thread at a time as JPA requires.
 *
 * <p>When the host has a transaction open, a unit joins it: it neither commits nor rolls it back, and a failure marks
 * it rollback-only so the host cannot commit half of a kit operation. JPA has no portable commit callback, so
 * after-commit actions wait until the host ends its transaction through {@link #commit()}; a host that commits on the
 * entity manager directly leaves them waiting, which costs only latency: what they do (draining the audit outbox,
 * telling after-commit listeners) the kit's periodic drain does too. When no transaction is open, a unit begins and
 * ends one itself.
 *
 * <p>Before-commit actions, such as the audit entries of the persistence interceptor, must commit with the host's
 * work, so they need the host to begin its transaction through {@link #begin()} and end it through {@link #commit()}
 * or {@link #rollback()}: {@link #beforeCommit} refuses a transaction the host began on the entity manager directly,
 * rather than let what it registers be lost at a commit it cannot see.
 *
 * <p>Usage example: <pre>{@code
 * HostTransactions tx = JpaTransactions.joining(entityManager);
 * tx.begin();
 * contacts.rename(id, name); // the host's own repository, on entityManager
 * tx.commit();
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HostTransactions implements JpaTransactions {

  private final EntityManager entityManager;
  private final List<Runnable> waiting = new ArrayList<>();
  private final Map<Object, Runnable> beforeCommit = new LinkedHashMap<>();
  private int depth;
  /** The thread that began the transaction open now through this object, by {@link #begin} or a unit's own. */
  private volatile @Nullable Thread owner;
  /** The thread running the outermost unit, which may have joined a transaction the host began directly. */
  private volatile @Nullable Thread unitThread;

  /** Creates transactions on the host's entity manager. */
  public HostTransactions(EntityManager entityManager) {
    this.entityManager = Preconditions.notNull(entityManager, "entity manager");
  }

  /**
   * Begins the host's transaction on its entity manager, for this thread, so that the kit sees its commit: end it
   * with {@link #commit()} or {@link #rollback()}.
   *
   * @throws IllegalStateException if a transaction is open on the entity manager, or the previous one ended on the
   *     entity manager directly while before-commit actions waited (they were not run and are dropped now)
   * @since 0.2
   */
  public void begin() {
    EntityTransaction transaction = entityManager.getTransaction();
    if (transaction.isActive()) {
      throw new IllegalStateException("a transaction is already open on the host's entity manager");
    }
    dropStaleActions();
    transaction.begin();
    owner = Thread.currentThread();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Preconditions.notNull(work, "work");
    EntityTransaction transaction = entityManager.getTransaction();
    if (depth > 0 || transaction.isActive()) {
      boolean outermost = depth == 0;
      if (outermost) {
        unitThread = Thread.currentThread();
      }
      depth++;
      try {
        return work.get();
      } catch (Throwable e) {
        if (transaction.isActive()) {
          transaction.setRollbackOnly();
        }
        throw e;
      } finally {
        depth--;
        if (outermost) {
          unitThread = null;
        }
      }
    }
    dropStaleActions();
    transaction.begin();
    owner = Thread.currentThread();
    unitThread = owner;
    depth++;
    T result;
    try {
      result = work.get();
    } catch (Throwable e) {
      // Throwable: a checked exception thrown by stealth must roll back too.
      abandon(transaction, e);
      throw e;
    } finally {
      depth--;
    }
    commit();
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    Preconditions.notNull(action, "action");
    if (depth == 0 && !entityManager.getTransaction().isActive()) {
      Units.runQuietly(action);
      return;
    }
    synchronized (waiting) {
      waiting.add(action);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here the actions run in {@link #commit()}, or when a unit that began its own transaction returns.
   */
  @Override
  public <A extends Runnable> A beforeCommit(Object key, Supplier<A> action) {
    Preconditions.notNull(key, "key");
    Preconditions.notNull(action, "action");
    if (owner != Thread.currentThread() || !entityManager.getTransaction().isActive()) {
      throw new IllegalStateException("the kit cannot see the commit of this transaction: begin it with"
          + " HostTransactions.begin() and end it with commit() or rollback(), or run the work in inTransaction");
    }
    @SuppressWarnings("unchecked")
    A registered = (A) beforeCommit.computeIfAbsent(key, k -> Preconditions.notNull(action.get(), "action"));
    return registered;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: the thread running the outermost unit, or the one that began the host's transaction through
   * {@link #begin()}, until it ends.
   */
  @Override
  public boolean boundToThisThread() {
    Thread current = Thread.currentThread();
    return owner == current || unitThread == current;
  }

  /** Returns true while a unit runs or the host has its transaction open: a store's call then joins it. */
  @Override
  public boolean inUnit() {
    return depth > 0 || entityManager.getTransaction().isActive();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here also whenever the host has its transaction open, which a store's call then joins ({@link #inUnit()}).
   */
  @Override
  public EntityManager entityManager() {
    if (!inUnit()) {
      throw new IllegalStateException("no unit of work runs on this thread; call the store inside inTransaction");
    }
    return entityManager;
  }

  /**
   * Flushes and runs the before-commit actions, commits the host's transaction, then runs the after-commit actions
   * of the kit's units that joined it; if the actions or the commit fail, the transaction is rolled back.
   *
   * @throws RollbackException if the transaction was marked rollback-only (a unit of the kit failed in it, or the
   *     host caught a refusal of the persistence interceptor): it is rolled back and the actions are dropped, whether
   *     or not the provider would have rolled back silently
   */
  public void commit() {
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      if (transaction.isActive() && !transaction.getRollbackOnly()) {
        Units.runBeforeCommit(entityManager, beforeCommit, true);
      }
      Units.commit(transaction);
    } catch (RuntimeException e) {
      abandon(transaction, e);
      throw e;
    }
    end();
    runWaiting();
  }

  /** Rolls the host's transaction back and drops the before- and after-commit actions of the kit's units. */
  public void rollback() {
    end();
    synchronized (waiting) {
      waiting.clear();
    }
    entityManager.getTransaction().rollback();
  }

  /** Drops what waits for the commit and rolls back, adding a failure to roll back to {@code cause}. */
  private void abandon(EntityTransaction transaction, Throwable cause) {
    end();
    synchronized (waiting) {
      waiting.clear();
    }
    Units.rollBackQuietly(transaction, cause);
  }

  private void end() {
    beforeCommit.clear();
    owner = null;
    unitThread = null;
  }

  /** Fails once, and forgets them, for actions left by a transaction that ended without {@link #commit()}. */
  private void dropStaleActions() {
    if (!beforeCommit.isEmpty()) {
      int dropped = beforeCommit.size();
      end();
      throw new IllegalStateException("the previous transaction ended on the entity manager directly, so its "
          + dropped + " before-commit action(s) did not run; end transactions with HostTransactions.commit()");
    }
  }

  private void runWaiting() {
    List<Runnable> actions;
    synchronized (waiting) {
      actions = List.copyOf(waiting);
      waiting.clear();
    }
    Units.runAfterCommit(actions);
  }
}
