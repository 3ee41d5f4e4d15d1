package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What makes a transfer to a third country or an international organisation lawful (Chapter V GDPR): an adequacy
 * decision, an appropriate safeguard of Art. 46, or a derogation of Art. 49.
 *
 * <p>Art. 30(1)(e) asks for the documentation of suitable safeguards for a transfer on compelling legitimate
 * interests (Art. 49(1), second subparagraph); {@link #requiresDocumentation()} says so, and
 * {@link ThirdCountryTransfer} refuses such a transfer without it.
 *
 * <p>Usage example: <pre>{@code ThirdCountryTransfer.of("US", "Mail provider", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TransferSafeguard {
  /** An adequacy decision of the Commission. */
  ADEQUACY_DECISION("45(3)"),
  /** A legally binding and enforceable instrument between public authorities or bodies. */
  LEGALLY_BINDING_INSTRUMENT("46(2)(a)"),
  /** Binding corporate rules approved under Art. 47. */
  BINDING_CORPORATE_RULES("46(2)(b)"),
  /** Standard data protection clauses adopted by the Commission. */
  STANDARD_CONTRACTUAL_CLAUSES("46(2)(c)"),
  /** Standard data protection clauses adopted by a supervisory authority and approved by the Commission. */
  AUTHORITY_STANDARD_CLAUSES("46(2)(d)"),
  /** An approved code of conduct (Art. 40) with binding commitments of the recipient. */
  CODE_OF_CONDUCT("46(2)(e)"),
  /** An approved certification mechanism (Art. 42) with binding commitments of the recipient. */
  CERTIFICATION("46(2)(f)"),
  /** Contractual clauses authorised by the competent supervisory authority. */
  AUTHORISED_CONTRACTUAL_CLAUSES("46(3)(a)"),
  /** Derogation: the subject's explicit consent after being informed of the risks. */
  EXPLICIT_CONSENT("49(1)(a)"),
  /** Derogation: necessary for a contract with the subject or pre-contractual steps. */
  CONTRACT_WITH_SUBJECT("49(1)(b)"),
  /** Derogation: necessary for a contract concluded in the subject's interest. */
  CONTRACT_IN_SUBJECT_INTEREST("49(1)(c)"),
  /** Derogation: necessary for important reasons of public interest. */
  PUBLIC_INTEREST("49(1)(d)"),
  /** Derogation: necessary for legal claims. */
  LEGAL_CLAIMS("49(1)(e)"),
  /** Derogation: necessary to protect vital interests where the subject cannot consent. */
  VITAL_INTERESTS("49(1)(f)"),
  /** Derogation: a transfer from a public register. */
  PUBLIC_REGISTER("49(1)(g)"),
  /** Derogation: compelling legitimate interests, not repetitive, few subjects, with documented safeguards. */
  COMPELLING_LEGITIMATE_INTERESTS("49(1) second subparagraph");

  private final String article;

  TransferSafeguard(String article) {
    this.article = article;
  }

  /** Returns the article the safeguard rests on, such as {@code 46(2)(c)}. */
  public String article() {
    return article;
  }

  /** Returns whether Art. 30(1)(e) requires the records to document the suitable safeguards. */
  public boolean requiresDocumentation() {
    return this == COMPELLING_LEGITIMATE_INTERESTS;
  }
}
