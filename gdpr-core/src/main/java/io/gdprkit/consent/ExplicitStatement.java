package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How the subject made a consent explicit: the express statement that Art. 9(2)(a) (special categories), Art. 22(2)(c)
 * (automated decisions) and Art. 49(1)(a) GDPR ask for beyond the clear affirmative act of ordinary consent.
 *
 * <p>"Explicit" refers to the way consent is expressed: an express statement of consent, such as a written statement,
 * signed where appropriate; online, an electronic form, an e-mail, an uploaded scan or an electronic signature; also a
 * two-stage verification or a recorded oral statement (EDPB Guidelines 05/2020, section 4, §§ 91 ff.). A consent proof
 * that names one is explicit; the kit refuses a consent without one where the purpose needs explicit consent.
 *
 * <p>Usage example: <pre>{@code ConsentProof.webForm("credit-check", "v2").explicitly(ExplicitStatement.WRITTEN_STATEMENT).build()}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ExplicitStatement {
  /** A statement of consent the subject wrote or typed, such as in an electronic form or an e-mail. */
  WRITTEN_STATEMENT,
  /** A written statement the subject signed by hand, kept on paper or as an uploaded scan. */
  SIGNED_STATEMENT,
  /** A statement carrying the subject's electronic signature. */
  ELECTRONIC_SIGNATURE,
  /** A two-stage verification: the subject's consent, confirmed again through a second channel (a link, a code). */
  TWO_STAGE_VERIFICATION,
  /** An oral statement of consent, recorded, such as over the phone. */
  RECORDED_ORAL_STATEMENT
}
