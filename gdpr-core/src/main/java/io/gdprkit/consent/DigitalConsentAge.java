package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * One member state's digital age of consent (Art. 8(1) GDPR) and the law or source it comes from.
 *
 * <p>Art. 8(1) sets 16 and lets member states provide by law for a lower age, not below 13; any other age is refused
 * with an {@link InvalidInputException}.
 *
 * <p>Usage example: <pre>{@code new DigitalConsentAge(MemberState.of("FR"), 15, "Loi Informatique et Libertés")}</pre>
 *
 * @param memberState the member state
 * @param age the age from which a subject consents alone, 13 to 16
 * @param source the law or source that sets it, for the record a DPO reads
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record DigitalConsentAge(MemberState memberState, int age, String source) {

  /** The lowest age a member state may set (Art. 8(1), last sentence). */
  public static final int LOWEST = 13;
  /** The age the GDPR sets where no member-state law lowers it (Art. 8(1), first sentence). */
  public static final int GDPR_DEFAULT = 16;

  /** Validates the fields. */
  public DigitalConsentAge {
    Preconditions.notNull(memberState, "member state");
    checkAge(age);
    Preconditions.text(source, "source", 500);
  }

  /** Fails unless {@code age} is an age Art. 8(1) allows, 13 to 16. */
  static int checkAge(int age) {
    Preconditions.check(age >= LOWEST && age <= GDPR_DEFAULT, "digital age of consent",
        "must be between " + LOWEST + " and " + GDPR_DEFAULT + " (Art. 8(1) GDPR), was " + age);
    return age;
  }
}
