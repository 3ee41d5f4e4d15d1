package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides whether a subject's data may be processed for a purpose now.
 *
 * <p>The answer comes from the store's materialised current state: one map lookup for the subject, one
 * for the purpose, no folding; an allowing decision allocates nothing. Thread-safe.
 *
 * <p>Usage example: <pre>{@code if (gdpr.decisions().decide(alice, "newsletter").allowed()) send(alice);}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface DecisionService {

  /**
   * Returns the decision for a subject and purpose at the kit clock's current time.
   *
   * @throws UnknownPurposeException if the purpose is not declared
   */
  Decision decide(SubjectId subject, String purpose);

  /**
   * Returns what a subject must be told about a purpose declared as a solely automated decision with legal or similarly
   * significant effect (Art. 22(3) GDPR): where to obtain human intervention and contest the decision. Empty for any
   * other purpose. Made once per purpose when the kit is built; this call allocates nothing.
   *
   * <p>Usage example: <pre>{@code gdpr.decisions().automatedDecision("credit-scoring").map(AutomatedDecisionNotice::humanReview)}</pre>
   *
   * @throws UnknownPurposeException if the purpose is not declared
   * @since 0.2
   */
  Optional<AutomatedDecisionNotice> automatedDecision(String purpose);
}
