package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a consent request knows of the subject's age, for the Art. 8 check of a consent to an information society
 * service offered directly to a child.
 *
 * <p>A birth date or an age is personal data, and only one answer is needed: is the subject below the digital age of
 * consent of the applicable member state? So the kit reduces what a request carries at once, before anything is
 * written, to an {@link AgeCheck}: how the age was established, the member state, the age of consent applied and the
 * answer. The stated birth date or age is never stored, logged or put in a message (Art. 5(1)(c), data minimisation).
 * A request may also carry an {@link AgeCheck} from an earlier event, which is checked again against the kit's table.
 *
 * <p>What cannot be shown to be at or above the age counts as below it: {@code declaredAtLeast(13)} in a member state
 * whose age is 16, or the band 14–17 there, needs parental authorisation like a declared 15.
 *
 * <p>Usage example: <pre>{@code
 * ConsentProof proof = ConsentProof.webForm("signup", "v3")
 *     .age(AgeAssurance.declaredBirthDate(birthDate), MemberState.of("FR"))
 *     .build();
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public sealed interface AgeAssurance permits AgeClaim, AgeCheck {

  /** Returns how the age was established. */
  AgeEvidence evidence();

  /** Returns the member state whose age of consent applies, or {@code null} for the kit's default. */
  @Nullable MemberState memberState();

  /** Returns the subject's statement of being at least {@code years} old ("I am 16 or older"). */
  static AgeAssurance declaredAtLeast(int years) {
    return AgeClaim.minimum(AgeEvidence.DECLARED_MINIMUM_AGE, years);
  }

  /** Returns the subject's statement of their age in years. */
  static AgeAssurance declaredAge(int years) {
    return AgeClaim.minimum(AgeEvidence.DECLARED_AGE, years);
  }

  /** Returns the subject's statement of their birth date; it is reduced to the answer before anything is stored. */
  static AgeAssurance declaredBirthDate(LocalDate birthDate) {
    return AgeClaim.birthDate(birthDate);
  }

  /** Returns the subject's choice of an age band, {@code from} to {@code to} years inclusive. */
  static AgeAssurance declaredAgeBand(int from, int to) {
    return AgeClaim.band(from, to);
  }

  /**
   * Returns an age-verification service's or an identity document's showing that the subject is at least
   * {@code years} old.
   */
  static AgeAssurance verifiedAtLeast(int years) {
    return AgeClaim.minimum(AgeEvidence.VERIFIED_MINIMUM_AGE, years);
  }
}
