package io.gdprkit.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a ciphertext was encrypted under a subject's data key that has since been destroyed
 * (crypto-shredded, usually by an erasure): the data is gone for good, in every copy and backup.
 *
 * <p>A host reading an old backup or a column nobody cleared treats this as "erased", not as an error to retry.
 * It is a different type from {@link DecryptionFailedException}, which means the ciphertext itself is wrong.
 *
 * <p>Usage example: <pre>{@code
 * try { name = gdpr.encryption().decryptText(alice, "name", column); }
 * catch (SubjectKeyDestroyedException e) { name = "(erased)"; }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SubjectKeyDestroyedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final int keyVersion;

  private SubjectKeyDestroyedException(SubjectId subject, int keyVersion) {
    super("data key version " + keyVersion + " of subject " + subject
        + " was destroyed (crypto-shredded, usually by erasure); what was encrypted under it can no longer be read");
    this.subject = subject;
    this.keyVersion = keyVersion;
  }

  /**
   * Creates the exception.
   *
   * @param subject whose key was destroyed
   * @param keyVersion the data key version the ciphertext names
   * @return the exception, for the caller to throw
   */
  public static SubjectKeyDestroyedException of(SubjectId subject, int keyVersion) {
    return new SubjectKeyDestroyedException(subject, keyVersion);
  }

  /** Returns the subject whose key was destroyed. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the destroyed data key version that the ciphertext names. */
  public int keyVersion() {
    return keyVersion;
  }
}
