package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.EntityTransaction;
import java.util.List;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both kinds of JPA transactions do alike when a unit ends. */
@API(status = INTERNAL, since = "0.2")
public final class Units {

  private static final Logger LOG = LoggerFactory.getLogger(Units.class);

  private Units() {}

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

  /** Runs each action once, in order; a failing one is logged by type and does not stop the others. */
  public static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      runQuietly(action);
    }
  }

  public static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // The work is committed: an after-commit action cannot take it back, and must not make the caller think so.
      LOG.warn("an after-commit action failed: {}", e.getClass().getName());
    }
  }
}
