package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.Preconditions;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import org.apiguardian.api.API;

/**
 * Runs a one-statement store write outside any unit of work, as every {@code JpaTransactions} does for
 * {@code inStoreWrite} when no unit runs on the thread: on an entity manager of its own, without beginning a
 * transaction, so in the connection's auto-commit mode the statement is its own transaction and one round trip; a
 * connection with auto-commit off is committed after it (rolled back if it fails). Run again when the database made it
 * a deadlock victim.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class AutoCommitWrites {

  private AutoCommitWrites() {}

  /** Runs {@code statement} on a connection of an entity manager of its own from {@code factory}; committed on return. */
  public static <T> T run(EntityManagerFactory factory, ConnectionFunction<Connection, T> statement) {
    Preconditions.notNull(statement, "statement");
    for (int attempt = 1; ; attempt++) {
      EntityManager entityManager = factory.createEntityManager();
      try {
        return entityManager.callWithConnection(connection -> committed((Connection) connection, statement));
      } catch (RuntimeException e) {
        if (attempt >= Deadlocks.ATTEMPTS || !Deadlocks.isVictim(e)) {
          throw e;
        }
      } finally {
        entityManager.close();
      }
    }
  }

  /** Runs the statement, committing it on a connection whose auto-commit is off. */
  private static <T> T committed(Connection connection, ConnectionFunction<Connection, T> statement)
      throws Exception {
    if (connection.getAutoCommit()) {
      return statement.apply(connection);
    }
    T result;
    try {
      result = statement.apply(connection);
      connection.commit();
    } catch (Throwable e) {
      try {
        connection.rollback();
      } catch (SQLException | RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
    return result;
  }
}
