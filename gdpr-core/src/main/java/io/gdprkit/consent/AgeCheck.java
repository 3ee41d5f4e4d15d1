package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the kit keeps of a subject's age on a consent proof: how it was established and whether the subject was below
 * the digital age of consent that applied (Art. 8(1)), never the age or birth date itself (Art. 5(1)(c)).
 *
 * <p>The kit makes it from the {@link AgeAssurance} a request carries; a subject below the age needs the
 * authorisation of the holder of parental responsibility on the same proof. A consent authorised that way stays valid
 * when the child reaches the age, until it is withdrawn: the child may then confirm, change or withdraw it (EDPB
 * Guidelines 05/2020, section 7.1.4), so the kit never expires or re-checks it on a birthday.
 *
 * <p>Usage example: <pre>{@code
 * AgeCheck check = (AgeCheck) event.proof().ageAssurance();
 * if (check.belowAgeOfConsent()) show(event.proof().parentalAuthorisation());
 * }</pre>
 *
 * @param evidence how the age was established
 * @param memberState the member state whose age applied, or {@code null} where none was named and the GDPR's own 16
 *     applied
 * @param ageOfConsent the digital age of consent applied, 13 to 16
 * @param belowAgeOfConsent whether the subject was below it, or could not be shown to be at or above it
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record AgeCheck(AgeEvidence evidence, @Nullable MemberState memberState, int ageOfConsent,
    boolean belowAgeOfConsent) implements AgeAssurance {

  /** Validates the fields. */
  public AgeCheck {
    Preconditions.notNull(evidence, "age evidence");
    DigitalConsentAge.checkAge(ageOfConsent);
  }
}
