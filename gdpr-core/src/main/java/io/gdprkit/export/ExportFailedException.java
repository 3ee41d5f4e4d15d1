package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an export cannot be completed: writing to the output failed, or a provider failed.
 *
 * <p>The message names the subject id, the provider and the class of the cause, never a value from the export;
 * the cause itself may carry personal data in its message, so log it with care. The output then holds an incomplete
 * document that must be discarded.
 *
 * <p>Usage example: <pre>{@code catch (ExportFailedException e) { log.warn(e.getMessage()); Files.delete(file); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ExportFailedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final @Nullable String provider;

  private ExportFailedException(SubjectId subject, @Nullable String provider, String detail, @Nullable Throwable cause) {
    super("export of subject " + Messages.quote(subject) + " failed: " + detail
        + "; the output holds an incomplete document, "
        + "discard it");
    if (cause != null) {
      initCause(cause);
    }
    this.subject = subject;
    this.provider = provider;
  }

  /** Creates the exception for an output that threw while the export was written to it. */
  public static ExportFailedException outputFailed(SubjectId subject, Throwable cause) {
    return new ExportFailedException(subject, null, "writing to the output threw " + cause.getClass().getName(), cause);
  }

  /** Creates the exception for a provider that threw while it exported the subject's data. */
  public static ExportFailedException providerFailed(SubjectId subject, String provider, Throwable cause) {
    return new ExportFailedException(subject, provider,
        "provider " + Messages.quote(provider) + " threw " + cause.getClass().getName(), cause);
  }

  /**
   * Creates the exception for a provider that handed over an item of another subject, which the export refuses to
   * write.
   */
  public static ExportFailedException foreignItem(SubjectId subject, String provider) {
    return new ExportFailedException(subject, provider,
        "provider " + Messages.quote(provider) + " returned an item of another subject", null);
  }

  /** Returns the subject whose export failed. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the id of the provider that failed, or {@code null} when the output failed. */
  public @Nullable String provider() {
    return provider;
  }
}
