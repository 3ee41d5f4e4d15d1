package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How likely a breach is to result in a risk to the rights and freedoms of natural persons, which decides what is
 * due: the supervisory authority is notified unless the breach is unlikely to result in a risk (Art. 33(1)), and the
 * subjects are told when it is likely to result in a high risk (Art. 34(1)).
 *
 * <p>Usage example: <pre>{@code gdpr.breaches().assess(id, RiskLevel.HIGH_RISK, "Unencrypted bank details", dpo)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RiskLevel {
  /** Unlikely to result in a risk: no notification of the authority is due (Art. 33(1)); it is still registered. */
  NO_RISK("33(1)", false, false),
  /** Likely to result in a risk: the authority is notified within 72 hours of awareness (Art. 33(1)). */
  RISK("33(1)", true, false),
  /**
   * Likely to result in a high risk: the authority is notified (Art. 33(1)) and the subjects are told without undue
   * delay (Art. 34(1)), unless a condition of Art. 34(3) is met.
   */
  HIGH_RISK("34(1)", true, true);

  private final String article;
  private final boolean authorityNotified;
  private final boolean subjectsTold;

  RiskLevel(String article, boolean authorityNotified, boolean subjectsTold) {
    this.article = article;
    this.authorityNotified = authorityNotified;
    this.subjectsTold = subjectsTold;
  }

  /** Returns the article that attaches the obligation to this level, such as {@code 34(1)}. */
  public String article() {
    return article;
  }

  /** Returns whether a breach at this level must be notified to the supervisory authority (Art. 33(1)). */
  public boolean requiresAuthorityNotification() {
    return authorityNotified;
  }

  /** Returns whether a breach at this level must be communicated to the subjects (Art. 34(1)). */
  public boolean requiresSubjectCommunication() {
    return subjectsTold;
  }
}
