package io.gdprkit.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a ciphertext cannot be decrypted for a reason other than a destroyed key: it is malformed, was
 * altered, belongs to another subject or field, or its key cannot be unwrapped.
 *
 * <p>AES-GCM cannot tell an altered ciphertext from one moved to another subject or field, or from one made under
 * another key: all three fail authentication and are reported as {@link Reason#NOT_AUTHENTIC}. The message names
 * the subject id and field, never the ciphertext or any key.
 *
 * <p>Usage example: <pre>{@code
 * catch (DecryptionFailedException e) { if (e.reason() == Reason.NOT_AUTHENTIC) alertSecurityTeam(e.subject()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DecryptionFailedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final SubjectId subject;
  private final @Nullable String field;

  private DecryptionFailedException(Reason reason, SubjectId subject, @Nullable String field) {
    super((field != null ? "cannot decrypt field " + Messages.quote(field) + " of subject " + subject
        : "cannot unwrap the data key of subject " + subject) + ": " + reason.message);
    this.reason = reason;
    this.subject = subject;
    this.field = field;
  }

  /**
   * Creates the exception.
   *
   * @param reason why decryption failed
   * @param subject the subject the caller decrypted for
   * @param field the field the caller decrypted
   * @return the exception, for the caller to throw
   */
  public static DecryptionFailedException of(Reason reason, SubjectId subject, String field) {
    return new DecryptionFailedException(reason, subject, field);
  }

  /**
   * Creates the exception for a data key that cannot be unwrapped outside any field, as during a re-wrap.
   *
   * @param reason {@link Reason#UNKNOWN_KEK} or {@link Reason#KEK_MISMATCH}
   * @param subject whose data key it is
   * @return the exception, for the caller to throw
   */
  public static DecryptionFailedException ofDataKey(Reason reason, SubjectId subject) {
    return new DecryptionFailedException(reason, subject, null);
  }

  /** Returns why decryption failed. */
  public Reason reason() {
    return reason;
  }

  /** Returns the subject the caller decrypted for. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the field the caller decrypted, or {@code null} when a data key failed outside any field. */
  public @Nullable String field() {
    return field;
  }

  /** Why a ciphertext was refused. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** Too short, not base64url, or not in gdpr-kit's format at all. */
    MALFORMED("the ciphertext is malformed or not in gdpr-kit's format"),
    /** Made by a format version this kit does not read. */
    UNSUPPORTED_FORMAT("the ciphertext has a format version this kit does not read"),
    /** Names a data key version the subject never had. */
    UNKNOWN_KEY_VERSION("the ciphertext names a data key version this subject never had; it was made for another "
        + "subject or with another key store"),
    /** Fails GCM authentication. */
    NOT_AUTHENTIC("the ciphertext does not authenticate; it was altered, belongs to another subject or field, "
        + "or was made under another key"),
    /** The subject's data key is wrapped by a key-encryption key that is not in the ring. */
    UNKNOWN_KEK("the subject's data key is wrapped by a key-encryption key that is not in the ring; add it back"),
    /** The subject's wrapped data key does not unwrap under the key-encryption key of that id. */
    KEK_MISMATCH("the subject's data key does not unwrap under the key-encryption key of its id; the ring holds "
        + "other bytes under that id than the ones that wrapped it");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }
}
