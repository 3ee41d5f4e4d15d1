package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Who gave or authorised a child's consent, by role (Art. 8(1) GDPR: "the holder of parental responsibility"); the kit
 * records the role, not the person's name or contact details (EDPB Guidelines 05/2020 § 136: a proportionate approach
 * obtains a limited amount of information).
 *
 * <p>Usage example: <pre>{@code ParentalAuthorisation.by(ParentalRole.LEGAL_GUARDIAN, ParentalVerification.SIGNED_FORM, at)}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ParentalRole {
  /** A parent holding parental responsibility. */
  PARENT,
  /** A legal guardian appointed by a court or an authority. */
  LEGAL_GUARDIAN,
  /** Another holder of parental responsibility under national law, such as a youth-welfare office. */
  OTHER_HOLDER_OF_PARENTAL_RESPONSIBILITY
}
