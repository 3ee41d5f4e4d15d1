package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a double opt-in is requested for a consent that is already granted and valid.
 *
 * <p>A pending request must never weaken a given consent (anyone can type someone else's e-mail into a
 * form), so the kit records nothing and sends no token; the host can tell the visitor they are
 * subscribed already.
 *
 * <p>Usage example: <pre>{@code try { gdpr.consents().requestConfirmation(alice, "newsletter", proof); } catch (ConsentAlreadyGrantedException e) { showAlreadySubscribed(); }}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class ConsentAlreadyGrantedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;

  private ConsentAlreadyGrantedException(SubjectId subject, String purpose) {
    super("subject " + Messages.quote(subject) + " has already granted consent for purpose " + Messages.quote(purpose)
        + "; no confirmation was requested");
    this.subject = subject;
    this.purpose = purpose;
  }

  /** Creates the exception. */
  public static ConsentAlreadyGrantedException of(SubjectId subject, String purpose) {
    return new ConsentAlreadyGrantedException(subject, purpose);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }
}
