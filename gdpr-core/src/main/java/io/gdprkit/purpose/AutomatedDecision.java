package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.net.URI;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The declaration that a purpose is a decision based solely on automated processing, including profiling, that
 * produces legal effects concerning the subject or similarly significantly affects them (Art. 22(1)).
 *
 * <p>Such a decision is allowed only when necessary for a contract, authorised by Union or Member State law, or based
 * on explicit consent (Art. 22(2)); in the first and last case the controller must offer the right to obtain human
 * intervention, to express one's point of view and to contest the decision (Art. 22(3)). The declaration names where
 * the subject goes for that.
 *
 * <p>Usage example: <pre>{@code AutomatedDecision.reviewedAt(URI.create("https://example.com/credit/review"))}</pre>
 *
 * @param humanReview where a subject obtains human intervention and contests the decision (Art. 22(3))
 * @param authorisingLaw the Union or Member State law that authorises the decision (Art. 22(2)(b)), or {@code null}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record AutomatedDecision(URI humanReview, @Nullable String authorisingLaw) {

  /** Validates the fields. */
  public AutomatedDecision {
    Preconditions.notNull(humanReview, "human review");
    Preconditions.check(humanReview.isAbsolute(), "human review", "must be an absolute URI");
    if (authorisingLaw != null) {
      Preconditions.text(authorisingLaw, "authorising law", 500);
    }
  }

  /** Returns a declaration with a human-review path and no authorising law. */
  public static AutomatedDecision reviewedAt(URI humanReview) {
    return new AutomatedDecision(humanReview, null);
  }

  /**
   * Returns the Art. 22(2) exception a purpose of this basis can rely on, or {@code null} when there is none and the
   * decision is prohibited (Art. 22(1)): consent gives (c), explicit consent; contract gives (a); any basis gives (b)
   * once an authorising law is named, such as a legal obligation or public task, or legitimate interests in fraud
   * monitoring that a law authorises (Recital 71).
   *
   * @since 0.2
   */
  public @Nullable AutomatedDecisionGround groundFor(LegalBasis basis) {
    return switch (Preconditions.notNull(basis, "legal basis")) {
      case CONSENT -> AutomatedDecisionGround.EXPLICIT_CONSENT;
      case CONTRACT -> AutomatedDecisionGround.CONTRACT;
      default -> authorisingLaw != null ? AutomatedDecisionGround.AUTHORISED_BY_LAW : null;
    };
  }

  /** Returns a copy that names the law authorising the decision (Art. 22(2)(b)). */
  public AutomatedDecision authorisedBy(String law) {
    return new AutomatedDecision(humanReview, Preconditions.notNull(law, "authorising law"));
  }
}
