package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.InvalidInputException;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides whether a subject's data may be processed for a purpose now, and whether it could be at a past instant.
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
   * <p>It reads the store's snapshot only, never the tombstone journal: a subject erased in full has no ledger left,
   * so a purpose on consent answers {@link DecisionReason#NO_CONSENT}; {@link #decideAt} consults the journal.
   *
   * @throws UnknownPurposeException if the purpose is not declared
   */
  Decision decide(SubjectId subject, String purpose);

  /**
   * Returns what was allowed for a subject and purpose at a past instant, with the ledger entries it rests on: the
   * question "was it allowed then?" that an audit asks after the fact.
   *
   * <p>Why: the controller must be able to demonstrate that the subject consented (Art. 7(1)) and that it complied
   * (Art. 5(2)); and "the withdrawal of consent shall not affect the lawfulness of processing based on consent
   * before its withdrawal" (Art. 7(3)), so a newsletter sent before a withdrawal was lawful and this shows it,
   * while {@link #decide} already answers {@link DecisionReason#CONSENT_WITHDRAWN}.
   *
   * <p>The answer applies the same rules as {@link #decide}, in the same order, to the subject's state as it stood at
   * {@code at}, rebuilt from the consent ledger and the restriction, objection and switch histories:
   * <ul>
   *   <li>a consent event counts from when it occurred ({@code occurredAt}, at or before {@code at}), so an imported
   *       consent counts from the time its proof gives; the evidence's {@code recordedAt} shows when the kit learnt
   *       of it;</li>
   *   <li>an instant before the subject's first consent event answers {@link DecisionReason#NO_CONSENT} for a purpose
   *       on consent; for a purpose on another basis, the ledger holds no start, so {@link DecisionReason#LEGAL_BASIS}
   *       unless a restriction, objection or switch then said otherwise;</li>
   *   <li>a consent is valid until the expiry its grant recorded (from the purpose's
   *       {@link io.gdprkit.purpose.Purpose#consentValidity() consent validity} at the time of the grant): a consent
   *       that expired later was valid then, one whose expiry had passed was {@link DecisionReason#CONSENT_EXPIRED}
   *       even if the expiry was recorded only later;</li>
   *   <li>a double opt-in not yet confirmed then answers {@link DecisionReason#CONSENT_PENDING};</li>
   *   <li>the notice version the consent then rested on is the evidence's {@code noticeVersion};</li>
   *   <li>a restriction (Art. 18), an objection (Art. 21) and compelling grounds (Art. 21(1)) count from the change
   *       that placed them to the change that lifted or withdrew them; switches likewise, and a switch never set by
   *       then was at the kit's configured default;</li>
   *   <li>purposes are taken as declared now: their basis, required switches and direct-marketing flag are not
   *       versioned, so a purpose whose declaration changed is judged by its current declaration;</li>
   *   <li>a subject erased in full, whose tombstone time the erasure feature keeps, has no ledger before the erasure,
   *       and counted as erased from it until a new collection was allowed: both throw
   *       {@link HistoryErasedException}. A subject whose erasure is still running is answered from its ledger.</li>
   * </ul>
   * Not the hot path: it reads the subject's histories and allocates.
   *
   * <p>Usage example: <pre>{@code boolean lawful = gdpr.decisions().decideAt(alice, "newsletter", sentAt).allowed();}</pre>
   *
   * @param at the instant to decide for; not after the kit clock's current time
   * @throws NullPointerException naming the argument, if one is null (as {@link #decide} does)
   * @throws InvalidInputException if {@code at} is in the future or outside the instants the kit accepts
   * @throws UnknownPurposeException if the purpose is not declared
   * @throws HistoryErasedException if the subject was erased in full and its ledger cannot answer for {@code at}
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  HistoricalDecision decideAt(SubjectId subject, String purpose, Instant at);

  /**
   * Checks after the fact which subjects of a campaign batch were allowed to receive it at its send time, deciding
   * each as {@link #decideAt} does; erased subjects are listed apart instead of failing the batch.
   *
   * <p>Why: Art. 5(2) and 7(1) ask the controller to show that every send rested on a lawful basis then; Art. 7(3)
   * keeps sends made before a withdrawal lawful. Bounded: at most {@value CampaignCheck#MAX_SUBJECTS} subjects a
   * call, so a large campaign is checked in batches while its audience is paged from the host's store.
   *
   * <p>Usage example: <pre>{@code CampaignCheck check = gdpr.decisions().checkCampaign(batch, "newsletter", sentAt);}</pre>
   *
   * @param subjects the batch, in the order the report keeps; a subject given twice is decided twice
   * @param sentAt when the campaign was sent; not after the kit clock's current time
   * @throws NullPointerException naming the argument, if one or a subject is null
   * @throws InvalidInputException if the batch holds more than {@value CampaignCheck#MAX_SUBJECTS} subjects, or
   *     {@code sentAt} is in the future or outside the instants the kit accepts
   * @throws UnknownPurposeException if the purpose is not declared
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  CampaignCheck checkCampaign(Collection<SubjectId> subjects, String purpose, Instant sentAt);

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
  @API(status = EXPERIMENTAL, since = "0.2")
  Optional<AutomatedDecisionNotice> automatedDecision(String purpose);
}
