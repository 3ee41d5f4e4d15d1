package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A double opt-in in flight: the pending event and the token to put in the confirmation link.
 *
 * <p>The token is signed, expires at {@code tokenExpiresAt}, and confirms only this request: once
 * used, or once a newer request or a withdrawal supersedes it, it is refused.
 *
 * <p>Usage example: <pre>{@code
 * PendingConsent p = gdpr.consents().requestConfirmation(alice, "newsletter", proof);
 * mailer.send(aliceEmail, "https://example.com/confirm?t=" + p.token());
 * }</pre>
 *
 * @param event the {@code PENDING_CONFIRMATION} event recorded
 * @param token the confirmation token, URL-safe
 * @param tokenExpiresAt when the token stops working
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record PendingConsent(ConsentEvent event, String token, Instant tokenExpiresAt) {

  /** Validates the fields. */
  public PendingConsent {
    Preconditions.notNull(event, "event");
    Preconditions.notBlank(token, "token");
    Preconditions.notNull(tokenExpiresAt, "tokenExpiresAt");
  }

  /** Returns a description without the token, which is a credential. */
  @Override
  public String toString() {
    return "PendingConsent[event=" + event.id() + ", purpose=" + event.purpose() + ", tokenExpiresAt="
        + tokenExpiresAt + "]";
  }
}
