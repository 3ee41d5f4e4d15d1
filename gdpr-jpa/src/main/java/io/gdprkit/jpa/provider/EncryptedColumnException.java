package io.gdprkit.jpa.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Thrown when an encrypted column cannot be written or read safely: the converter does not know whose data key to
 * encrypt a value under, or a stored value is not what it wrote.
 *
 * <p>The converter refuses rather than guesses: a value stored in plain text, or under another subject's key, would
 * survive that subject's crypto-shredding (Art. 17, 32(1)(a)). Nothing is written when this is thrown during a
 * flush; the provider rolls the transaction back. The message names the entity and the kind of mistake, never a
 * value.
 *
 * <p>Usage example: <pre>{@code catch (EncryptedColumnException e) { if (e.reason() == Reason.NO_SUBJECT) ... }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class EncryptedColumnException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  private EncryptedColumnException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Creates the exception.
   *
   * @param reason what went wrong
   * @param detail what happened and what to do, as a sentence without personal data
   * @return the exception, for the caller to throw
   */
  public static EncryptedColumnException of(Reason reason, String detail) {
    return new EncryptedColumnException(reason, detail);
  }

  /** Returns what went wrong. */
  public Reason reason() {
    return reason;
  }

  /** What went wrong with an encrypted column. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Reason {
    /**
     * A value was written that no {@link EncryptionListener} registered and no
     * {@link JpaEncryption#useSubject subject scope} covers, such as a parameter of a bulk JPQL update.
     */
    NO_SUBJECT,
    /** The subject id of the entity being written is not set yet, such as an id the database makes on insert. */
    SUBJECT_UNKNOWN,
    /** The same {@code String} object is the value of encrypted attributes of different subjects in one flush. */
    AMBIGUOUS_SUBJECT,
    /** A stored value does not carry the header this converter writes: plain text, or another tool's ciphertext. */
    MALFORMED
  }
}
