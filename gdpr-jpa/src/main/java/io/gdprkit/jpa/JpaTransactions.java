package io.gdprkit.jpa;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.internal.Deadlocks;
import io.gdprkit.jpa.internal.ResourceLocalTransactions;
import io.gdprkit.transaction.TransactionRunner;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The kit's unit of work on a JPA {@link EntityManager}: what every JPA store writes through.
 *
 * <p>A store calls {@link #inTransaction} around each of its operations and reads {@link #entityManager()} inside it;
 * when the kit (or the host) already runs a unit on the thread, the operation joins it, so a grant's ledger row, its
 * audit outbox row and the host's own writes commit or roll back together (Art. 5(2), Art. 7(1): what the kit says
 * was recorded must be what the database holds).
 *
 * <p>Usage example: <pre>{@code JpaTransactions tx = JpaTransactions.resourceLocal(entityManagerFactory);}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface JpaTransactions extends TransactionRunner {

  /**
   * Returns transactions the kit opens itself on entity managers of {@code factory}, one per outermost unit, for a
   * persistence unit whose transaction type is {@code RESOURCE_LOCAL}.
   */
  static JpaTransactions resourceLocal(EntityManagerFactory factory) {
    return new ResourceLocalTransactions(factory);
  }

  /**
   * Returns transactions on the host's own entity manager: a unit joins the transaction the host has open on it and
   * never commits or rolls it back (a failure marks it rollback-only); only when none is open does the unit begin and
   * end one itself.
   */
  static HostTransactions joining(EntityManager hostEntityManager) {
    return new HostTransactions(hostEntityManager);
  }

  /** Returns whether a unit of work runs on this thread, which a store's call then joins. */
  boolean inUnit();

  /**
   * Runs a store's own statements: as part of the unit running on this thread, or, when none runs, in a transaction
   * of their own that is run again, up to {@value Deadlocks#ATTEMPTS} times in all, when the database broke a
   * deadlock or a serialization conflict by rolling it back. MariaDB's repeatable read makes racing inserts of one key
   * such victims even when every lock is taken in order. Only a store's own database work is retried this way: it holds
   * no host code and no effect outside the transaction. Inside a running unit nothing is retried here; the unit's
   * owner sees the failure and decides.
   */
  default <T> T inStoreTransaction(Supplier<T> work) {
    if (inUnit()) {
      return inTransaction(work); // joins it
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(work);
      } catch (RuntimeException e) {
        if (attempt >= Deadlocks.ATTEMPTS || !Deadlocks.isVictim(e)) {
          throw e;
        }
      }
    }
  }

  /** Runs a store's own statements as {@link #inStoreTransaction} does. */
  default void useStoreTransaction(Runnable work) {
    inStoreTransaction(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Runs a store's read made of one statement: as part of the unit running on this thread, or, when none runs, in
   * whatever mode costs the database least for one statement. A single statement sees one consistent state of the
   * database in every mode (PostgreSQL, MariaDB and H2 give each statement its own snapshot), so a transaction around
   * it adds only its commit, a round trip of its own: on the decision path ({@code JpaConsentStore.current}) that
   * doubled the time of a lookup. {@code work} must only read, with one statement.
   *
   * <p>The default runs it as {@link #inStoreTransaction} does; the kit's own resource-local transactions run it
   * on an entity manager of its own without beginning a transaction, so the statement runs in the connection's
   * auto-commit mode.
   *
   * @since 0.2
   */
  default <T> T inStoreRead(Supplier<T> work) {
    return inStoreTransaction(work);
  }

  /**
   * Runs a store's write made of one statement on the JDBC connection: as part of the unit running on this thread, or,
   * when none runs, as a transaction of that one statement. A single statement is atomic in every mode, so outside a
   * unit a transaction around it adds only a commit, a round trip of its own: on the audit path
   * ({@code JpaAuditOutbox.add}) one of a record's two round trips. When {@code statement} returns, its write is
   * committed (with the durability the database gives a commit) or, inside a unit, part of that unit; when it throws,
   * nothing of it is. {@code statement} must write with one statement, and must not commit, roll back or change the
   * connection's auto-commit mode.
   *
   * <p>The default runs it as {@link #inStoreTransaction} does; the kit's own resource-local transactions run it,
   * outside a unit, on an entity manager of its own without beginning a transaction: in the connection's auto-commit
   * mode, or, on a pool that hands out connections with auto-commit off, followed by a commit on the connection.
   *
   * <p>Usage example: <pre>{@code long id = transactions.inStoreWrite(connection -> insert(connection, row));}</pre>
   *
   * @since 0.2
   */
  default <T> T inStoreWrite(ConnectionFunction<Connection, T> statement) {
    return inStoreTransaction(() -> entityManager().callWithConnection(statement));
  }

  /**
   * Returns the entity manager of the unit running on this thread.
   *
   * @throws IllegalStateException outside {@link #inTransaction}: a store that reads it there has a bug
   */
  EntityManager entityManager();

  /**
   * Returns the action registered under {@code key} in the unit running on this thread, registering the one
   * {@code action} makes if there is none: it runs once, in that unit, after the work returned and the entity manager
   * was flushed, just before the outermost unit commits; never if the unit rolls back.
   *
   * <p>Why: what must commit with the work but can only be written once the work is done, such as the audit entries
   * the persistence interceptor collects for a transaction (Art. 5(2), Art. 30), is written here, in the same
   * transaction. An action may change entities and register actions; the unit flushes and runs them until none is
   * left. Registered under a key, an action is made once per unit however often it is asked for.
   *
   * <p>Usage example: <pre>{@code transactions.beforeCommit(this, () -> new Batch()).add(read);}</pre>
   *
   * @throws IllegalStateException if no unit of these transactions runs on this thread, or the unit cannot see its
   *     transaction's commit (a host transaction not begun through {@link HostTransactions#begin()})
   * @throws UnsupportedOperationException if these transactions cannot run actions before commit
   * @since 0.2
   */
  default <A extends Runnable> A beforeCommit(Object key, Supplier<A> action) {
    throw new UnsupportedOperationException(
        "These transactions cannot run actions before commit; use JpaTransactions.resourceLocal or joining.");
  }

  /**
   * Returns whether a unit of these transactions runs on this thread, so that its entity manager is the one this
   * thread uses: what the persistence interceptor asks to find the transaction an entity callback belongs to. Unlike
   * {@link #inUnit()}, which asks whether there is a transaction to join, it answers for this thread only; by default
   * the same.
   *
   * @since 0.2
   */
  default boolean boundToThisThread() {
    return inUnit();
  }
}
