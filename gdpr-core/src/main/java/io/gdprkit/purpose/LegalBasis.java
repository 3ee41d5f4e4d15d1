package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * The six lawful bases of Art. 6(1) GDPR, each with its W3C Data Privacy Vocabulary IRIs.
 *
 * <p>The basis decides how {@code decide} treats a purpose: a {@link #CONSENT} purpose needs a
 * current consent; any other basis allows processing until the subject objects or is restricted.
 * IRIs are from DPV 2.3 ({@code shared/reference/dpv-crm-marketing-terms.csv}); DPV has no public-task
 * class, so {@link #PUBLIC_TASK} names {@code dpv:PublicInterest} and the GDPR extension's
 * {@code eu-gdpr:A6-1-e}.
 *
 * <p>Usage example: <pre>{@code Purpose.of("billing", LegalBasis.CONTRACT, "Invoices")}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum LegalBasis {
  /** Art. 6(1)(a): the subject has given consent for one or more specific purposes. */
  CONSENT("6(1)(a)", "Consent", "A6-1-a"),
  /** Art. 6(1)(b): necessary for a contract with the subject or steps before entering into one. */
  CONTRACT("6(1)(b)", "Contract", "A6-1-b"),
  /** Art. 6(1)(c): necessary for compliance with a legal obligation of the controller. */
  LEGAL_OBLIGATION("6(1)(c)", "LegalObligation", "A6-1-c"),
  /** Art. 6(1)(d): necessary to protect the vital interests of the subject or another person. */
  VITAL_INTERESTS("6(1)(d)", "VitalInterest", "A6-1-d"),
  /** Art. 6(1)(e): a task in the public interest or in the exercise of official authority. */
  PUBLIC_TASK("6(1)(e)", "PublicInterest", "A6-1-e"),
  /** Art. 6(1)(f): the legitimate interests of the controller or a third party. */
  LEGITIMATE_INTERESTS("6(1)(f)", "LegitimateInterest", "A6-1-f");

  private static final String DPV = "https://w3id.org/dpv#";
  private static final String EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";

  private final String article;
  private final URI dpvIri;
  private final URI gdprIri;

  LegalBasis(String article, String dpvName, String gdprName) {
    this.article = article;
    this.dpvIri = URI.create(DPV + dpvName);
    this.gdprIri = URI.create(EU_GDPR + gdprName);
  }

  /** Returns the article reference, such as {@code 6(1)(a)}. */
  public String article() {
    return article;
  }

  /** Returns the DPV class of this basis, such as {@code https://w3id.org/dpv#Consent}. */
  public URI dpvIri() {
    return dpvIri;
  }

  /** Returns the DPV GDPR-extension concept, such as {@code https://w3id.org/dpv/legal/eu/gdpr#A6-1-a}. */
  public URI gdprIri() {
    return gdprIri;
  }
}
