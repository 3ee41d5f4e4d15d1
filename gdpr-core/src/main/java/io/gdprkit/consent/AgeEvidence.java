package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How a subject's age was established for the Art. 8 check; kept on the consent proof instead of the age itself.
 *
 * <p>The controller must make reasonable efforts, proportionate to the risk, to verify that a user is over the age of
 * digital consent (EDPB Guidelines 05/2020 §§ 132–133); recording how the age was established shows which effort was
 * made without keeping the birth date or the age (Art. 5(1)(c)).
 *
 * <p>Usage example: <pre>{@code if (check.evidence() == AgeEvidence.DECLARED_MINIMUM_AGE) askForMore();}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum AgeEvidence {
  /** The subject stated being at least some age ("I am 16 or older"). */
  DECLARED_MINIMUM_AGE,
  /** The subject stated their age in years. */
  DECLARED_AGE,
  /** The subject stated their birth date. */
  DECLARED_BIRTH_DATE,
  /** The subject chose an age band, such as 13–15. */
  DECLARED_AGE_BAND,
  /** An age-verification service or an identity document showed the subject to be at least some age. */
  VERIFIED_MINIMUM_AGE
}
