package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Thrown when a backdated grant is older than the subject's latest consent event for the purpose.
 *
 * <p>Consent collected last spring and imported today must not undo a withdrawal from last week: the newer
 * decision of the subject stands. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().grant(alice, "newsletter", paperProof, lastSpring)  // alice withdrew since: throws}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class OutdatedConsentException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final Instant latest;

  private OutdatedConsentException(SubjectId subject, String purpose, Instant latest) {
    super("a grant dated before the latest consent event (" + latest + ") of subject " + Messages.quote(subject)
        + " for purpose " + Messages.quote(purpose) + " would override a newer decision; nothing was recorded");
    this.subject = subject;
    this.purpose = purpose;
    this.latest = latest;
  }

  /** Creates the exception. */
  public static OutdatedConsentException of(SubjectId subject, String purpose, Instant latest) {
    return new OutdatedConsentException(subject, purpose, latest);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns when the latest consent event occurred. */
  public Instant latest() {
    return latest;
  }
}
