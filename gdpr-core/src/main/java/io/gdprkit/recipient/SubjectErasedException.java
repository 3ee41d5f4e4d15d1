package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a disclosure names a subject that was erased in full: the kit keeps no data of the subject to
 * disclose, and a log entry would name the subject again after erasure cleared its id; nothing was logged.
 *
 * <p>Why a typed error rather than a silent drop: the host is about to send data it should no longer hold, so it
 * must learn that its copy outlived the erasure (a cache, a queue, a late import) and delete it.
 *
 * <p>Usage example: <pre>{@code catch (SubjectErasedException e) { outbox.drop(e.subject()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SubjectErasedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String recipient;
  private final String purpose;

  private SubjectErasedException(SubjectId subject, String recipient, String purpose) {
    super("disclosure of subject " + subject + " to recipient " + Messages.quote(recipient) + " for purpose "
        + Messages.quote(purpose)
        + " refused: the subject was erased; delete any copy of its data still held for sending");
    this.subject = subject;
    this.recipient = recipient;
    this.purpose = purpose;
  }

  /** Creates the exception for a disclosure of an erased subject. */
  public static SubjectErasedException of(SubjectId subject, String recipient, String purpose) {
    return new SubjectErasedException(subject, recipient, purpose);
  }

  /** Returns the erased subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the recipient's id. */
  public String recipient() {
    return recipient;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }
}
