package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Why the data subjects were not told of a breach: the breach is not likely to result in a high risk (Art. 34(1)),
 * or one of the conditions of Art. 34(3) is met.
 *
 * <p>Usage example: <pre>{@code gdpr.breaches().subjectsNotTold(id, SubjectNoticeExemption.UNINTELLIGIBLE_DATA, "AES-256, key not exposed", dpo)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SubjectNoticeExemption {
  /** The breach is not likely to result in a high risk to the subjects' rights and freedoms. */
  NO_HIGH_RISK("34(1)"),
  /** The data are unintelligible to anyone not authorised, such as by encryption. */
  UNINTELLIGIBLE_DATA("34(3)(a)"),
  /** Measures taken since ensure that the high risk is no longer likely to materialise. */
  RISK_NO_LONGER_LIKELY("34(3)(b)"),
  /** Telling each subject would take disproportionate effort; a public communication informs them instead. */
  PUBLIC_COMMUNICATION("34(3)(c)");

  private final String article;

  SubjectNoticeExemption(String article) {
    this.article = article;
  }

  /** Returns the article the exemption rests on, such as {@code 34(3)(a)}. */
  public String article() {
    return article;
  }
}
