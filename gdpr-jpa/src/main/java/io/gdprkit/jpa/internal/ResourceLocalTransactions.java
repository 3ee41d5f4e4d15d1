package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Units of work the kit opens itself: the outermost unit on a thread creates an entity manager, begins its
 * transaction, and commits it (or rolls it back) when the work returns (or throws); inner units join it.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ResourceLocalTransactions implements JpaTransactions {

  private final EntityManagerFactory factory;
  private final ThreadLocal<@Nullable Unit> current = new ThreadLocal<>();

  /** Creates transactions over {@code factory}. */
  public ResourceLocalTransactions(EntityManagerFactory factory) {
    this.factory = Preconditions.notNull(factory, "entity manager factory");
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Preconditions.notNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    EntityManager entityManager = factory.createEntityManager();
    Unit unit = new Unit(entityManager);
    EntityTransaction transaction = entityManager.getTransaction();
    T result;
    try {
      transaction.begin();
      current.set(unit);
      try {
        result = work.get();
        // Still the current unit: the actions write through it, in its transaction.
        if (!transaction.getRollbackOnly()) {
          Units.runBeforeCommit(entityManager, unit.beforeCommit, false);
        }
      } finally {
        current.remove();
      }
      Units.commit(transaction);
    } catch (Throwable e) {
      // Throwable: a checked exception thrown by stealth must roll back too.
      Units.rollBackQuietly(transaction, e);
      throw e;
    } finally {
      entityManager.close();
    }
    Units.runAfterCommit(unit.afterCommit);
    return result;
  }

  /**
   * Runs a one-statement read on an entity manager of its own, without beginning a transaction: the pool's
   * connection runs it in auto-commit mode, in one round trip and with no commit after it. A unit running on the
   * thread is joined instead.
   */
  @Override
  public <T> T inStoreRead(Supplier<T> work) {
    Preconditions.notNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    EntityManager entityManager = factory.createEntityManager();
    try {
      current.set(new Unit(entityManager));
      return work.get();
    } finally {
      current.remove();
      entityManager.close();
    }
  }

  /**
   * Runs a one-statement write on an entity manager of its own, without beginning a transaction: in the connection's
   * auto-commit mode the statement is its own transaction, one round trip; a connection with auto-commit off is
   * committed after it (rolled back if it fails). Run again, as {@link #inStoreTransaction} is, when the database made
   * it a deadlock victim. A unit running on the thread is joined instead.
   */
  @Override
  public <T> T inStoreWrite(ConnectionFunction<Connection, T> statement) {
    Preconditions.notNull(statement, "statement");
    if (current.get() != null) {
      return entityManager().callWithConnection(statement);
    }
    return AutoCommitWrites.run(factory, statement);
  }

  @Override
  public void afterCommit(Runnable action) {
    Preconditions.notNull(action, "action");
    Unit unit = current.get();
    if (unit == null) {
      Units.runQuietly(action);
    } else {
      unit.afterCommit.add(action);
    }
  }

  @Override
  public <A extends Runnable> A beforeCommit(Object key, Supplier<A> action) {
    Preconditions.notNull(key, "key");
    Preconditions.notNull(action, "action");
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException("no unit of work runs on this thread; run the work inside inTransaction");
    }
    @SuppressWarnings("unchecked")
    A registered = (A) unit.beforeCommit.computeIfAbsent(key, k -> Preconditions.notNull(action.get(), "action"));
    return registered;
  }

  @Override
  public boolean inUnit() {
    return current.get() != null;
  }

  @Override
  public EntityManager entityManager() {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException("no unit of work runs on this thread; call the store inside inTransaction");
    }
    return unit.entityManager;
  }

  private static final class Unit {
    final EntityManager entityManager;
    final List<Runnable> afterCommit = new ArrayList<>();
    final Map<Object, Runnable> beforeCommit = new LinkedHashMap<>();

    Unit(EntityManager entityManager) {
      this.entityManager = entityManager;
    }
  }
}
