package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when an objection cannot be overridden or withdrawn as asked; nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.restrictions().recordCompellingGrounds(alice, "newsletter-ads", grounds, staff)  // direct marketing: throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ObjectionRefusedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final Reason reason;

  private ObjectionRefusedException(SubjectId subject, String purpose, Reason reason) {
    super("objection of subject " + Messages.quote(subject) + " to purpose " + Messages.quote(purpose) + ": "
        + reason.message);
    this.subject = subject;
    this.purpose = purpose;
    this.reason = reason;
  }

  /** Creates the exception. */
  public static ObjectionRefusedException of(SubjectId subject, String purpose, Reason reason) {
    return new ObjectionRefusedException(subject, purpose, reason);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns why it was refused. */
  public Reason reason() {
    return reason;
  }

  /** Why an objection operation was refused. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** The purpose is direct marketing: the objection is absolute (Art. 21(3)). */
    ABSOLUTE_FOR_DIRECT_MARKETING("an objection to direct marketing is absolute and cannot be overridden (Art. 21(3))"),
    /** The purpose rests on consent: the objection was a withdrawal, and only a new consent undoes it. */
    CONSENT_PURPOSE("the purpose rests on consent; an objection withdraws it and only a new consent undoes that"),
    /** There is no standing objection to act on. */
    NO_STANDING_OBJECTION("there is no standing objection to this purpose");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }
}
