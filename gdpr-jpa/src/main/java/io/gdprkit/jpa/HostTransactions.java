package io.gdprkit.jpa;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.internal.Units;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;

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
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HostTransactions implements JpaTransactions {

  private final EntityManager entityManager;
  private final List<Runnable> waiting = new ArrayList<>();
  private int depth;

  /** Creates transactions on the host's entity manager. */
  public HostTransactions(EntityManager entityManager) {
    this.entityManager = Preconditions.notNull(entityManager, "entity manager");
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Preconditions.notNull(work, "work");
    EntityTransaction transaction = entityManager.getTransaction();
    if (depth > 0 || transaction.isActive()) {
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
      }
    }
    transaction.begin();
    depth++;
    T result;
    try {
      result = work.get();
      depth--;
      commit(transaction);
    } catch (Throwable e) {
      depth = 0;
      synchronized (waiting) {
        waiting.clear();
      }
      Units.rollBackQuietly(transaction, e);
      throw e;
    }
    runWaiting();
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

  /** Returns true while a unit runs or the host has its transaction open: a store's call then joins it. */
  @Override
  public boolean inUnit() {
    return depth > 0 || entityManager.getTransaction().isActive();
  }

  @Override
  public EntityManager entityManager() {
    if (depth == 0) {
      throw new IllegalStateException("no unit of work runs on this thread; call the store inside inTransaction");
    }
    return entityManager;
  }

  /**
   * Commits the host's transaction, then runs the after-commit actions of the kit's units that joined it.
   *
   * @throws RollbackException if the transaction was marked rollback-only (a unit of the kit failed in it): it is
   *     rolled back and the actions are dropped, whether or not the provider would have rolled back silently
   */
  public void commit() {
    commit(entityManager.getTransaction());
    runWaiting();
  }

  /**
   * Commits, unless the transaction is marked rollback-only: Hibernate then rolls back without a word unless its JPA
   * transaction compliance is on, and the after-commit actions of the work it dropped would run.
   */
  private void commit(EntityTransaction transaction) {
    if (transaction.getRollbackOnly()) {
      rollback();
      throw new RollbackException("the transaction was marked rollback-only, so it was rolled back");
    }
    transaction.commit();
  }

  /** Rolls the host's transaction back and drops the after-commit actions of the kit's units that joined it. */
  public void rollback() {
    synchronized (waiting) {
      waiting.clear();
    }
    entityManager.getTransaction().rollback();
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
