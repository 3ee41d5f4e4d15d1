package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a breach id names no breach of the register. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.breaches().subjectsTold(BreachId.of("typo"), now, dpo)  // throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnknownBreachException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final BreachId breach;

  private UnknownBreachException(BreachId breach) {
    super("no breach with id " + Messages.quote(breach) + " in the register; use the id that record() returned");
    this.breach = breach;
  }

  /** Creates the exception for an id. */
  public static UnknownBreachException of(BreachId breach) {
    return new UnknownBreachException(breach);
  }

  /** Returns the id that named no breach. */
  public BreachId breach() {
    return breach;
  }
}
