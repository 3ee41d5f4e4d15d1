package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.sql.SQLException;
import org.apiguardian.api.API;

/**
 * Tells a transaction the database rolled back to break a deadlock or a serialization conflict, which may simply run
 * again, from every other failure.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class Deadlocks {

  /** How often a store's own transaction runs at most: once, and twice more after being chosen as a victim. */
  public static final int ATTEMPTS = 3;

  private Deadlocks() {}

  /**
   * Returns whether {@code failure} was caused by the database choosing this transaction as a deadlock victim or
   * refusing it for a serialization conflict: SQL state {@code 40001} (MariaDB's deadlock, H2's and PostgreSQL's
   * serialization failure) or {@code 40P01} (PostgreSQL's deadlock).
   */
  public static boolean isVictim(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
