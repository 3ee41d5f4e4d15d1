package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when another writer changed a breach first. Nothing was written by the failed call.
 *
 * <p>Stores throw it when an update does not replace the version it was based on, or an insert names a stored id;
 * the breach service re-reads and retries, and throws it only when it keeps losing.
 *
 * <p>Usage example: <pre>{@code if (stored.version() != next.version() - 1) throw BreachConflictException.of(id, next.version() - 1, stored.version());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BreachConflictException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final BreachId breach;

  private BreachConflictException(BreachId breach, String detail) {
    super("concurrent update of breach " + Messages.quote(breach) + ": " + detail);
    this.breach = breach;
  }

  /** Creates the exception for an update based on a version the store no longer holds. */
  public static BreachConflictException of(BreachId breach, int basedOn, int stored) {
    return new BreachConflictException(breach, "the update is based on version " + basedOn
        + " but the store holds version " + stored + "; re-read the breach and retry");
  }

  /** Creates the exception for an insert of an id that is already stored. */
  public static BreachConflictException alreadyStored(BreachId breach) {
    return new BreachConflictException(breach, "a breach with this id is already recorded");
  }

  /** Creates the exception for a change that kept losing races. */
  public static BreachConflictException retriesExhausted(BreachId breach, int attempts) {
    return new BreachConflictException(breach, "gave up after " + attempts + " attempts");
  }

  /** Returns the breach. */
  public BreachId breach() {
    return breach;
  }
}
