package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Thrown when a disclosure names a retired recipient, or a registration would replace one; nothing was written.
 *
 * <p>Why: a retired recipient's entry is the evidence of what it received, so its id is never reused, and the
 * controller stopped sending it data when it retired it. Register a new entry under a new id instead.
 *
 * <p>Usage example: <pre>{@code catch (RecipientRetiredException e) { log.warn("{} retired at {}", e.recipient(), e.retiredAt()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RecipientRetiredException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String recipient;
  private final Instant retiredAt;

  private RecipientRetiredException(String recipient, Instant retiredAt, String attempted) {
    super("recipient " + Messages.quote(recipient) + " was retired at " + retiredAt + "; " + attempted);
    this.recipient = recipient;
    this.retiredAt = retiredAt;
  }

  /** Creates the exception for a disclosure to a retired recipient. */
  public static RecipientRetiredException disclosure(String recipient, Instant retiredAt) {
    return new RecipientRetiredException(recipient, retiredAt, "it receives no new disclosures");
  }

  /** Creates the exception for a registration that would replace a retired recipient. */
  public static RecipientRetiredException registration(String recipient, Instant retiredAt) {
    return new RecipientRetiredException(recipient, retiredAt,
        "its entry is kept as it is; register the recipient under a new id");
  }

  /** Returns the recipient's id. */
  public String recipient() {
    return recipient;
  }

  /** Returns when it was retired. */
  public Instant retiredAt() {
    return retiredAt;
  }
}
