package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a consent to an information society service comes from a subject below the digital age of consent, or
 * not shown to be at or above it, without the authorisation of the holder of parental responsibility (Art. 8(1) GDPR).
 * Nothing is written.
 *
 * <p>The message names the purpose, the member state and the age of consent applied; never the subject, its birth date
 * or its age.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.consents().grant(kid, "game-chat", proof); }
 * catch (ParentalAuthorisationRequiredException e) { askParent(kid, e.ageOfConsent()); }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ParentalAuthorisationRequiredException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final AgeCheck ageCheck;

  private ParentalAuthorisationRequiredException(SubjectId subject, String purpose, AgeCheck ageCheck) {
    super("consent for purpose " + Messages.quote(purpose) + " needs the authorisation of the holder of parental "
        + "responsibility (GDPR Art. 8(1)): the subject is below, or not shown to be at or above, the digital age of "
        + "consent of " + ageCheck.ageOfConsent() + " in " + (ageCheck.memberState() == null
            ? "the absence of a member state" : "member state " + Messages.quote(ageCheck.memberState().code()))
        + " (age " + ageCheck.evidence().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + "); add a ParentalAuthorisation to the proof");
    this.subject = subject;
    this.purpose = purpose;
    this.ageCheck = ageCheck;
  }

  /** Creates the exception. */
  public static ParentalAuthorisationRequiredException of(SubjectId subject, String purpose, AgeCheck ageCheck) {
    return new ParentalAuthorisationRequiredException(subject, purpose, ageCheck);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the member state whose age applied, or {@code null} when none was named and 16 applied. */
  public @Nullable MemberState memberState() {
    return ageCheck.memberState();
  }

  /** Returns the digital age of consent applied. */
  public int ageOfConsent() {
    return ageCheck.ageOfConsent();
  }

  /** Returns how the subject's age was established. */
  public AgeEvidence evidence() {
    return ageCheck.evidence();
  }
}
