package io.gdprkit.crypto;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Thrown when a signed token (a double opt-in confirmation, an unsubscribe link) is refused.
 *
 * <p>The {@link #reason()} says why, so a host can show "this link has expired, ask for a new one"
 * rather than a generic error. The message never echoes the token.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.consents().confirm(token, proof); }
 * catch (InvalidTokenException e) { if (e.reason() == Reason.EXPIRED) offerNewLink(); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class InvalidTokenException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  private InvalidTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Creates the exception for a reason, with that reason's standard message. */
  public static InvalidTokenException of(Reason reason) {
    return new InvalidTokenException(reason, reason.message);
  }

  /** Returns why the token was refused. */
  public Reason reason() {
    return reason;
  }

  /** Why a token was refused. */
  @API(status = STABLE, since = "0.1")
  public enum Reason {
    /** Not a token of this kind: wrong shape, prefix or encoding. */
    MALFORMED("token is malformed or not of the expected kind"),
    /** Signed with a key that is not (or no longer) in the key ring. */
    UNKNOWN_KEY("token was signed with a key that is not in the key ring; it may have been retired"),
    /** The signature does not match: the token was altered or forged. */
    BAD_SIGNATURE("token signature does not verify; it was altered or not issued by this kit"),
    /** Past its expiry. */
    EXPIRED("token has expired; request a new one"),
    /** Already used once. */
    ALREADY_USED("token has already been used"),
    /** A newer request or a withdrawal has replaced what the token would confirm. */
    SUPERSEDED("token no longer applies: a newer request or a withdrawal replaced it");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }
}
