package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * Thrown when a consent receipt's JWS does not verify: it was altered, truncated, signed by another key or with
 * another algorithm, or is not a receipt at all.
 *
 * <p>The message says which check failed, never the receipt's content. A receipt that fails must be treated as no
 * evidence at all; {@link #reason()} tells a support desk whether it was damaged in transit or forged.
 *
 * <p>Usage example: <pre>{@code try { ReceiptVerifier.verify(jws, key); } catch (InvalidReceiptException e) { log.warn(e.reason()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidReceiptException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  private InvalidReceiptException(Reason reason, String detail) {
    super("the consent receipt is invalid (" + reason + "): " + detail);
    this.reason = reason;
  }

  /**
   * Creates the exception.
   *
   * @param reason which check failed
   * @param detail what was wrong, without any content of the receipt
   * @return the exception, for the caller to throw
   */
  public static InvalidReceiptException of(Reason reason, String detail) {
    return new InvalidReceiptException(Preconditions.notNull(reason, "reason"), Preconditions.notNull(detail, "detail"));
  }

  /** Returns which check failed. */
  public Reason reason() {
    return reason;
  }

  /**
   * Which check of a receipt's JWS failed.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** Not three base64url segments in canonical form, or a header or payload that is not the expected JSON. */
    MALFORMED,
    /** The header names an algorithm other than {@code EdDSA}, such as {@code none}. */
    UNSUPPORTED_ALGORITHM,
    /** The header names a key id other than the verification key's. */
    WRONG_KEY_ID,
    /** The signature is not the verification key's signature of the header and payload. */
    BAD_SIGNATURE,
    /** The signed payload is not a receipt this kit writes: a field is missing, extra, out of place or invalid. */
    INVALID_CONTENT,
    /** The header names a key id that the trusted key set does not hold, such as a retired or foreign key. */
    UNKNOWN_KEY
  }
}
