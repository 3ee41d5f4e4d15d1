package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown by a store when an appended event's sequence is not the next one for its subject and purpose:
 * another writer appended first.
 *
 * <p>The consent service catches it, re-reads the state and tries again; callers see it only when
 * contention outlasts the service's retries. Nothing was written by the failed append.
 *
 * <p>Usage example: <pre>{@code if (event.sequence() != last + 1) throw ConsentConflictException.of(subject, purpose, last + 1, event.sequence());}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class ConsentConflictException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;

  private ConsentConflictException(SubjectId subject, String purpose, String detail) {
    super("concurrent update of the consent of subject " + Messages.quote(subject) + " for purpose "
        + Messages.quote(purpose) + ": " + detail);
    this.subject = subject;
    this.purpose = purpose;
  }

  /** Creates the exception for an event whose sequence was not the expected one. */
  public static ConsentConflictException of(SubjectId subject, String purpose, long expected, long actual) {
    return new ConsentConflictException(subject, purpose,
        "expected sequence " + expected + " but the event has " + actual);
  }

  /**
   * Creates the exception for a switch, restriction or objection change whose sequence was not the next one in its
   * subject's history; {@link #purpose()} then names the history ({@code switches}, {@code restrictions},
   * {@code objections}).
   */
  public static ConsentConflictException ofHistory(SubjectId subject, String history, long expected, long actual) {
    return new ConsentConflictException(subject, history,
        "expected " + history + " sequence " + expected + " but the change has " + actual);
  }

  /** Creates the exception for a write that kept losing races. */
  public static ConsentConflictException retriesExhausted(SubjectId subject, String purpose, int attempts) {
    return new ConsentConflictException(subject, purpose, "gave up after " + attempts + " attempts");
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
