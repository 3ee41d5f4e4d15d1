package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a restriction is lifted from a subject that is not restricted; nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.restrictions().lift(bob, "verified", staff)  // bob not restricted: throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RestrictionStateException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;

  private RestrictionStateException(SubjectId subject) {
    super("processing of subject " + Messages.quote(subject) + " is not restricted; there is nothing to lift");
    this.subject = subject;
  }

  /** Creates the exception. */
  public static RestrictionStateException notRestricted(SubjectId subject) {
    return new RestrictionStateException(subject);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }
}
