package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a withdrawal names a consent that is not granted or pending: never given, already
 * withdrawn, or expired. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().withdraw(bob, "newsletter")  // bob never granted: throws}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class ConsentNotGrantedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final @Nullable ConsentStatus status;

  private ConsentNotGrantedException(SubjectId subject, String purpose, @Nullable ConsentStatus status) {
    super("subject " + Messages.quote(subject) + " has no granted or pending consent for purpose "
        + Messages.quote(purpose) + " to withdraw"
        + " (current status: " + (status == null ? "none" : status) + ")");
    this.subject = subject;
    this.purpose = purpose;
    this.status = status;
  }

  /** Creates the exception. */
  public static ConsentNotGrantedException of(SubjectId subject, String purpose, @Nullable ConsentStatus status) {
    return new ConsentNotGrantedException(subject, purpose, status);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the current status, or {@code null} when the subject never had consent events for the purpose. */
  public @Nullable ConsentStatus status() {
    return status;
  }
}
