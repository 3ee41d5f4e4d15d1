package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * Thrown when a signed request evidence bundle does not verify: it was altered, truncated, signed by a key that is not
 * trusted, or is not an evidence bundle at all.
 *
 * <p>The message says which check failed, never the bundle's content. A bundle that fails is no evidence.
 *
 * <p>Usage example: <pre>{@code try { RequestEvidence.verify(jws, keys); } catch (InvalidEvidenceException e) { log.warn(e.reason()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidEvidenceException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  private InvalidEvidenceException(Reason reason, String detail) {
    super("the request evidence is invalid (" + reason + "): " + detail);
    this.reason = reason;
  }

  /**
   * Creates the exception.
   *
   * @param reason which check failed
   * @param detail what was wrong, without any content of the bundle
   * @return the exception, for the caller to throw
   */
  public static InvalidEvidenceException of(Reason reason, String detail) {
    return new InvalidEvidenceException(Preconditions.notNull(reason, "reason"),
        Preconditions.notNull(detail, "detail"));
  }

  /** Returns which check failed. */
  public Reason reason() {
    return reason;
  }

  /**
   * Which check of a signed evidence bundle failed.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** Not three segments of canonical unpadded base64url, or a header that is not the one the kit writes. */
    MALFORMED,
    /** The header names a key that the trusted key set does not hold, such as a retired or foreign key. */
    UNKNOWN_KEY,
    /** The signature is not the named key's signature of the header and payload: something was changed. */
    BAD_SIGNATURE
  }
}
