package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a step does not fit where a breach stands, such as notifying the authority twice or withdrawing the
 * notice to subjects who were already told. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.breaches().notifyAuthority(id, now, null, dpo)  // second time: throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BreachStateException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final BreachId breach;

  private BreachStateException(BreachId breach, String message) {
    super(message);
    this.breach = breach;
  }

  /**
   * Creates the exception.
   *
   * @param breach the breach
   * @param action what was attempted, as a phrase ("notify the authority of")
   * @param reason why it cannot be done, as a phrase ("it was notified already")
   * @return the exception, for the caller to throw
   */
  public static BreachStateException of(BreachId breach, String action, String reason) {
    return new BreachStateException(breach, "cannot " + action + " breach " + Messages.quote(breach) + ": " + reason);
  }

  /** Returns the breach. */
  public BreachId breach() {
    return breach;
  }
}
