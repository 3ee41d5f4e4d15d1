package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when building a kit whose declared purposes break a rule of the GDPR that no later call could mend, such as
 * an automated decision with legal effect on legitimate interests (Art. 22(2)) or special categories without an
 * Art. 9(2) condition. No kit is built.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().purpose(Purpose.of("scoring", LegalBasis.LEGITIMATE_INTERESTS, "Credit scoring")
 *     .withAutomatedDecision(AutomatedDecision.reviewedAt(reviewUrl))).build();  // throws, naming Art. 22(2)
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class PurposeConfigurationException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String purpose;
  private final String article;

  private PurposeConfigurationException(String purpose, String article, String rule) {
    super("purpose " + Messages.quote(purpose) + " breaks GDPR Art. " + article + ": " + rule);
    this.purpose = purpose;
    this.article = article;
  }

  /**
   * Creates the exception.
   *
   * @param purpose the purpose's id
   * @param article the article broken, such as {@code 22(2)}
   * @param rule what the purpose must do instead, as a sentence without personal data
   * @return the exception, for the caller to throw
   */
  public static PurposeConfigurationException of(String purpose, String article, String rule) {
    return new PurposeConfigurationException(purpose, article, rule);
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the article broken, such as {@code 22(2)} or {@code 9(1)}. */
  public String article() {
    return article;
  }
}
