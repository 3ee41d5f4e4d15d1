package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when the kit is configured to require age assurance and a consent to an information society service carries
 * none, so it cannot tell whether the subject is below the digital age of consent (Art. 8(1)-(2) GDPR). Nothing is
 * written.
 *
 * <p>Without that setting, a consent without age information counts as a consent from a subject at or above the age;
 * see {@code GdprKit.Builder.requireAgeAssurance()}.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().grant(kid, "game-chat", proofWithoutAge)  // throws when required}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class AgeAssuranceRequiredException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;

  private AgeAssuranceRequiredException(SubjectId subject, String purpose) {
    super("consent for purpose " + Messages.quote(purpose) + " needs to show whether the subject is below the "
        + "digital age of consent (GDPR Art. 8(1)-(2)), as this kit requires: add ConsentProof.Builder.age(..)");
    this.subject = subject;
    this.purpose = purpose;
  }

  /** Creates the exception. */
  public static AgeAssuranceRequiredException of(SubjectId subject, String purpose) {
    return new AgeAssuranceRequiredException(subject, purpose);
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
