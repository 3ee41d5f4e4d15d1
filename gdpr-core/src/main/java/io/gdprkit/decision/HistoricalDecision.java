package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What was allowed for a subject and purpose at a past instant, with the entries of the ledger and histories the
 * answer rests on, so that a data-protection officer can cite the proof.
 *
 * <p>Why: the controller must be able to demonstrate that the subject consented (Art. 7(1)) and that it complies
 * (Art. 5(2)), and a withdrawal does not affect the lawfulness of processing based on consent before it
 * (Art. 7(3)). A decision for now cannot show either after the fact; this one names the consent event (with its
 * proof, its notice version and its sequence in the ledger), the restriction, objection and switch changes that were
 * in force at {@link #at()}.
 *
 * <p>Usage example: <pre>{@code
 * HistoricalDecision then = gdpr.decideAt(alice, "newsletter", sentAt);
 * if (then.allowed()) cite(then.consent().id(), then.consent().proof());
 * }</pre>
 *
 * @param subject whose data
 * @param purpose the purpose's id
 * @param at the instant decided for
 * @param decision the decision at that instant, by the same rules as {@link DecisionService#decide}
 * @param consent the ledger event the purpose's consent then rested on: the last event by {@code at} that took effect
 *     (a grant, confirmation, pending request, withdrawal or expiry; for a consent that had run out by then, the grant
 *     whose {@code expiresAt} had passed); {@code null} when the subject had no consent event for the purpose yet
 * @param restriction the last restriction change (Art. 18) by {@code at}, placed or lifted; {@code null} if none
 * @param objection the last change by {@code at} of the subject's objection (Art. 21) to the purpose, or for a
 *     direct-marketing purpose of the objection to direct marketing as a whole when that stood
 *     ({@link ObjectionChange#DIRECT_MARKETING}, Art. 21(3)); {@code null} if none
 * @param switches for each switch the purpose requires, the last change by {@code at}; a switch missing here was at
 *     the kit's default then
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record HistoricalDecision(
    SubjectId subject,
    String purpose,
    Instant at,
    Decision decision,
    @Nullable ConsentEvent consent,
    @Nullable RestrictionChange restriction,
    @Nullable ObjectionChange objection,
    List<SwitchChange> switches) {

  /** Validates the fields and copies the list. */
  public HistoricalDecision {
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(decision, "decision");
    switches = List.copyOf(Preconditions.notNull(switches, "switches"));
  }

  /** Returns whether processing was allowed at {@link #at()}. */
  public boolean allowed() {
    return decision.allowed();
  }

  /** Returns why. */
  public DecisionReason reason() {
    return decision.reason();
  }
}
