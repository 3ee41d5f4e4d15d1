package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a consent for a purpose that needs explicit consent carries no {@link ExplicitStatement}: an automated
 * decision on consent (Art. 22(2)(c) GDPR) or special categories on Art. 9(2)(a). Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().grant(alice, "credit-scoring", ConsentProof.webForm("f", "1").build())  // throws}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ExplicitConsentRequiredException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final String article;

  private ExplicitConsentRequiredException(SubjectId subject, String purpose, String article) {
    super("consent for purpose " + Messages.quote(purpose) + " must be explicit (GDPR Art. " + article
        + "): name the subject's express statement with ConsentProof.Builder.explicitly(..)");
    this.subject = subject;
    this.purpose = purpose;
    this.article = article;
  }

  /**
   * Creates the exception.
   *
   * @param article the article that asks for explicit consent, such as {@code 22(2)(c)}
   */
  public static ExplicitConsentRequiredException of(SubjectId subject, String purpose, String article) {
    return new ExplicitConsentRequiredException(subject, purpose, article);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the article that asks for explicit consent, such as {@code 22(2)(c)} or {@code 9(2)(a)}. */
  public String article() {
    return article;
  }
}
