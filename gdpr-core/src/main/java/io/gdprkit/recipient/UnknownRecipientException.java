package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a recipient id is not in the register; register the recipient first.
 *
 * <p>Usage example: <pre>{@code catch (UnknownRecipientException e) { log.warn("register {} first", e.recipient()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnknownRecipientException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String recipient;

  private UnknownRecipientException(String recipient) {
    super("recipient " + Messages.quote(recipient) + " is not in the register; register it first");
    this.recipient = recipient;
  }

  /** Creates the exception for an unregistered recipient id. */
  public static UnknownRecipientException of(String recipient) {
    return new UnknownRecipientException(recipient);
  }

  /** Returns the unknown id. */
  public String recipient() {
    return recipient;
  }
}
