package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the controller verified that a child's consent was given or authorised by the holder of parental
 * responsibility: the "reasonable efforts, taking into consideration available technology" of Art. 8(2) GDPR.
 *
 * <p>What is reasonable depends on the risk of the processing: in low-risk cases an e-mail to the parent may be
 * enough, in high-risk cases more proof is appropriate, and trusted third-party verification services can spare the
 * controller personal data (EDPB Guidelines 05/2020 § 137). The host picks the method; the kit records which one.
 *
 * <p>Usage example: <pre>{@code ParentalAuthorisation.by(ParentalRole.PARENT, ParentalVerification.EMAIL_TO_PARENT, at)}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ParentalVerification {
  /** An e-mail to the parent's address whose link or reply confirmed the authorisation (low risk, § 137). */
  EMAIL_TO_PARENT,
  /** A small charge or check on a payment card in the parent's name. */
  PAYMENT_CARD_CHECK,
  /** A consent form signed by the parent and returned on paper or as a scan. */
  SIGNED_FORM,
  /** A video call with the parent. */
  VIDEO_CALL,
  /** A phone call with the parent. */
  PHONE_CALL,
  /** A check of the parent's identity document. */
  IDENTITY_DOCUMENT,
  /** The parent appeared in person before a staff user. */
  IN_PERSON,
  /** A trusted third-party verification service (§ 137). */
  TRUSTED_THIRD_PARTY
}
