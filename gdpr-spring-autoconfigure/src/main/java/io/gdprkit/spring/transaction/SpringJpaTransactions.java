package io.gdprkit.spring.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.AutoCommitWrites;
import io.gdprkit.jpa.internal.Units;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The kit's unit of work on Spring's transactions: every kit operation joins the transaction the host has open on
 * the thread ({@code PROPAGATION_REQUIRED}) and only opens one of its own when none is open.
 *
 * <p>Why: a consent, its audit record and the host's own write must commit together or not at all (Art. 5(2),
 * Art. 7(1)); a kit that opened a second transaction behind the host's back would keep its records of a change the
 * host rolled back. So a kit failure inside the host's transaction marks it rollback-only (the host cannot commit
 * half an operation: Spring answers such a commit with {@code UnexpectedRollbackException}), before-commit actions
 * run through a {@link TransactionSynchronization} just before the host's commit, and after-commit actions after it.
 * The entity manager is Spring's transactional shared one, the same the host's repositories write through.
 * A store's own transaction, opened only when no transaction runs, is retried when the database chose it as a
 * deadlock victim ({@link JpaTransactions#inStoreTransaction}); a transaction the host owns is never retried here.
 *
 * <p><b>Warning:</b> a kit operation that writes must not run inside a {@code @Transactional(readOnly = true)}
 * method: it joins that transaction as any other, and Spring runs a read-only JPA transaction without flushing, on a
 * connection marked read-only, so the writes fail (PostgreSQL refuses them) or, on a database that ignores the
 * mark, may be lost. Reads ({@code decide}, exports) are fine there.
 *
 * <p>The transaction manager must manage JPA transactions ({@code JpaTransactionManager}, which Spring Boot configures
 * with JPA, or a JTA one); thread-safe.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().transactions(new SpringJpaTransactions(transactionManager, emf))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SpringJpaTransactions implements JpaTransactions {


  private final PlatformTransactionManager transactionManager;
  private final EntityManagerFactory factory;
  private final EntityManager entityManager;
  private final TransactionDefinition required;
  private final TransactionDefinition requiresNew;
  /**
   * Set while an after-commit action runs: Spring still holds the finished transaction's resources on the thread
   * then, and a unit the action opens must not join it (its writes would never commit).
   */
  private final ThreadLocal<@Nullable Boolean> afterCommitting = new ThreadLocal<>();
  /** Set while a one-statement read runs outside any transaction, in the shared entity manager's own mode. */
  private final ThreadLocal<@Nullable Boolean> reading = new ThreadLocal<>();

  /**
   * Creates transactions on {@code transactionManager}, whose entity managers come from {@code factory}.
   *
   * @throws NullPointerException if either is null
   */
  public SpringJpaTransactions(PlatformTransactionManager transactionManager, EntityManagerFactory factory) {
    this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(factory);
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition(
        TransactionDefinition.PROPAGATION_REQUIRED);
    definition.setName("gdpr-kit");
    this.required = definition;
    DefaultTransactionDefinition own = new DefaultTransactionDefinition(
        TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    own.setName("gdpr-kit");
    this.requiresNew = own;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: joins the Spring transaction open on the thread, or begins one and commits it when {@code work} returns.
   * If {@code work} throws, a transaction begun here is rolled back and a joined one is marked rollback-only; the same
   * exception reaches the caller. In an after-commit action, a transaction of its own begins, since the one that
   * committed is finished though Spring still holds it on the thread.
   */
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    boolean afterCommit = afterCommitting.get() != null;
    TransactionStatus status = transactionManager.getTransaction(afterCommit ? requiresNew : required);
    T result;
    try {
      if (afterCommit) {
        afterCommitting.remove(); // units inside the new transaction join it
      }
      try {
        result = work.get();
      } finally {
        if (afterCommit) {
          afterCommitting.set(Boolean.TRUE);
        }
      }
    } catch (Throwable e) {
      // Throwable: an error, or a checked exception thrown by stealth, must roll back too.
      rollBack(status, e);
      throw e;
    }
    transactionManager.commit(status); // for a joined transaction: nothing, the host commits it
    return result;
  }

  private void rollBack(TransactionStatus status, Throwable cause) {
    try {
      transactionManager.rollback(status); // for a joined transaction: marks it rollback-only
    } catch (RuntimeException | Error e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here, with no transaction open: on the shared entity manager outside a transaction, which runs the statement on
   * an entity manager of its own in the connection's auto-commit mode.
   */
  @Override
  public <T> T inStoreRead(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (inUnit() || reading.get() != null) {
      return work.get();
    }
    reading.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      reading.remove();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: inside a unit (the host's transaction or one of the kit's), on the transaction's connection; otherwise on
   * an entity manager of its own in the connection's auto-commit mode, one round trip, as
   * {@link JpaTransactions#resourceLocal} does, rather than in a Spring transaction begun for one statement.
   */
  @Override
  public <T> T inStoreWrite(ConnectionFunction<Connection, T> statement) {
    Objects.requireNonNull(statement, "statement");
    if (inUnit()) {
      return entityManager.callWithConnection(statement);
    }
    return AutoCommitWrites.run(factory, statement);
  }

  /**
   * Returns whether a Spring transaction is open on this thread, which a store's call then joins; never in an
   * after-commit action outside a unit of its own.
   */
  @Override
  public boolean inUnit() {
    return afterCommitting.get() == null && TransactionSynchronizationManager.isActualTransactionActive();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: Spring's shared entity manager, which is the one bound to the thread's transaction.
   */
  @Override
  public EntityManager entityManager() {
    if (!inUnit() && reading.get() == null) {
      throw new IllegalStateException("no unit of work runs on this thread; call the store inside inTransaction");
    }
    return entityManager;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: after the Spring transaction open on the thread commits, through a synchronization; at once when none is
   * open, or when an after-commit action outside a unit of its own registers it. A unit the action opens runs in a
   * transaction of its own ({@code PROPAGATION_REQUIRES_NEW}), as Spring asks of work done in {@code afterCommit}.
   * An action that throws is logged by type only.
   */
  @Override
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    if (afterCommitting.get() != null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      Units.runQuietly(action);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        @Nullable Boolean outer = afterCommitting.get();
        afterCommitting.set(Boolean.TRUE);
        try {
          Units.runQuietly(action);
        } finally {
          if (outer == null) {
            afterCommitting.remove();
          }
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: in the {@code beforeCommit} callback of the Spring transaction open on the thread, after a flush, as
   * often as flushing and the actions register new ones; never if the transaction rolls back.
   */
  @Override
  public <A extends Runnable> A beforeCommit(Object key, Supplier<A> action) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(action, "action");
    if (!inUnit() || !TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("no Spring transaction with synchronization runs on this thread;"
          + " run the work inside inTransaction or a @Transactional method");
    }
    BeforeCommit actions = (BeforeCommit) TransactionSynchronizationManager.getResource(this);
    if (actions == null) {
      actions = new BeforeCommit();
      TransactionSynchronizationManager.bindResource(this, actions);
      TransactionSynchronizationManager.registerSynchronization(actions);
    }
    @SuppressWarnings("unchecked")
    A registered = (A) actions.actions.computeIfAbsent(key,
        k -> Objects.requireNonNull(action.get(), "action returned null"));
    return registered;
  }

  /** The before-commit actions of one Spring transaction, bound to it as a resource while it runs. */
  private final class BeforeCommit implements TransactionSynchronization {

    final Map<Object, Runnable> actions = new LinkedHashMap<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      // The same rounds as the kit's own JPA transactions: flush, run what waits, until a flush leaves nothing.
      Units.runBeforeCommit(entityManager, actions, false);
    }

    // A transaction the host suspends (REQUIRES_NEW) keeps its actions; the inner one starts with none.
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(SpringJpaTransactions.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(SpringJpaTransactions.this, this);
    }

    @Override
    public void afterCompletion(int status) {
      actions.clear();
      TransactionSynchronizationManager.unbindResourceIfPossible(SpringJpaTransactions.this);
    }
  }
}
