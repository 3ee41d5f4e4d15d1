package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.AutomatedDecisionGround;
import java.net.URI;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a subject must be told about a decision based solely on automated processing with legal or similarly
 * significant effect (Art. 22 GDPR): the exception it rests on and where to obtain human intervention, express one's
 * point of view and contest the decision (Art. 22(3)).
 *
 * <p>The kit makes one per such purpose when it is built, so handing it out allocates nothing. Show its
 * {@link #humanReview()} with every decision of the purpose, as Art. 13(2)(f) and 22(3) ask.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.decisions().automatedDecision("credit-scoring")
 *     .ifPresent(notice -> response.link("contest", notice.humanReview()));
 * }</pre>
 *
 * @param purpose the purpose's id
 * @param ground the Art. 22(2) exception the decision rests on
 * @param humanReview where the subject obtains human intervention and contests the decision
 * @param authorisingLaw the Union or member-state law that authorises it (Art. 22(2)(b)), or {@code null}
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record AutomatedDecisionNotice(String purpose, AutomatedDecisionGround ground, URI humanReview,
    @Nullable String authorisingLaw) {

  /** Validates the fields. */
  public AutomatedDecisionNotice {
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(ground, "ground");
    Preconditions.notNull(humanReview, "human review");
  }

  /**
   * Returns whether the subject has the Art. 22(3) right to obtain human intervention, to express their point of view
   * and to contest the decision: on a contract or explicit consent, not where a law authorises the decision and lays
   * down its own safeguards. The kit asks every such purpose for a review address either way.
   */
  public boolean offersHumanIntervention() {
    return ground.offersHumanIntervention();
  }
}
