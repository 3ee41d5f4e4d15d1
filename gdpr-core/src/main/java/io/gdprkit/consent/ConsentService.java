package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Records and answers questions about subjects' consent: grants with proof, withdrawals, double opt-in,
 * the profiling and tracking switches, expiry and bulk updates.
 *
 * <p>Every change is an event appended to the subject's ledger; nothing is overwritten. Two calls racing
 * on the same subject and purpose are serialised by the store's sequence check and retried, so the ledger
 * never holds an event that did not take effect. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").ip(ip).build());
 * gdpr.consents().withdraw(alice, "newsletter");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface ConsentService {

  /**
   * Records that the subject gave consent now.
   *
   * <p>A stated age on the proof is reduced to an {@link AgeCheck} before anything is written (Art. 5(1)(c)); see
   * {@link AgeAssurance}.
   *
   * @return the {@code GRANTED} event
   * @throws UnknownPurposeException if the purpose is not declared
   * @throws LegalBasisMismatchException if the purpose's basis is not consent
   * @throws ExplicitConsentRequiredException if the purpose needs explicit consent (Art. 9(2)(a), 22(2)(c)) and the
   *     proof names no {@link ExplicitStatement}
   * @throws ParentalAuthorisationRequiredException if the purpose is an information society service and the proof shows
   *     a subject below the digital age of consent without a {@link ParentalAuthorisation} (Art. 8(1))
   * @throws AgeAssuranceRequiredException if the kit requires age assurance and the proof has none (Art. 8(2))
   */
  ConsentEvent grant(SubjectId subject, String purpose, ConsentProof proof);

  /**
   * Records that the subject gave consent at an earlier time, such as consents collected on paper.
   *
   * @param occurredAt when consent was given; not in the future
   * @return the {@code GRANTED} event; its expiry counts from {@code occurredAt}
   * @throws OutdatedConsentException if the subject's latest event for the purpose is newer: a withdrawal
   *     after {@code occurredAt} stands
   */
  ConsentEvent grant(SubjectId subject, String purpose, ConsentProof proof, Instant occurredAt);

  /**
   * Starts a double opt-in: records a pending consent and returns the token for the confirmation link.
   *
   * <p>A consent that is already granted stays granted until the new request is confirmed or withdrawn. The request
   * meets the same conditions as a grant (explicit consent, Art. 8), and its event keeps their evidence.
   *
   * @throws UnknownPurposeException if the purpose is not declared
   * @throws LegalBasisMismatchException if the purpose's basis is not consent
   * @throws ExplicitConsentRequiredException if the purpose needs explicit consent and the proof names no statement
   * @throws ParentalAuthorisationRequiredException if a child's consent lacks parental authorisation (Art. 8(1))
   * @throws AgeAssuranceRequiredException if the kit requires age assurance and the proof has none
   */
  PendingConsent requestConfirmation(SubjectId subject, String purpose, ConsentProof proof);

  /**
   * Confirms a double opt-in from its token; the consent becomes granted.
   *
   * @param proof evidence of the click: IP address and user agent of the confirming request
   * @return the {@code CONFIRMED} event
   * @throws InvalidTokenException if the token is malformed, forged, expired, used or superseded
   */
  ConsentEvent confirm(String token, ConsentProof proof);

  /** Confirms a double opt-in with a proof that names only the e-mail channel. */
  ConsentEvent confirm(String token);

  /**
   * Withdraws consent, as easily as it was given: no proof required (Art. 7(3)).
   *
   * <p>The withdrawal is recorded in structure, not in words: its proof is {@link ConsentChannel#API} recorded by
   * {@link Actor#subject()}, with no form, notice or network data, which is all the kit knows of a call without a
   * proof. Pass a proof to {@link #withdraw(SubjectId, String, ConsentProof)} to record the real channel, such as a
   * preference centre's web form or a phone call taken by a staff member.
   *
   * @return the {@code WITHDRAWN} event
   * @throws ConsentNotGrantedException if the consent is not granted or pending
   */
  ConsentEvent withdraw(SubjectId subject, String purpose);

  /** Withdraws consent with a proof of how the withdrawal arrived. */
  ConsentEvent withdraw(SubjectId subject, String purpose, ConsentProof proof);

  /** Returns the subject's current consent for a purpose, or empty if it never had one. */
  Optional<ConsentState> state(SubjectId subject, String purpose);

  /** Returns the subject's current consents and switch settings. */
  SubjectConsents current(SubjectId subject);

  /** Returns every consent event of the subject, with proofs, in the order they were recorded. */
  List<ConsentEvent> history(SubjectId subject);

  /** Returns the subject's consent events for one purpose, oldest first. */
  List<ConsentEvent> history(SubjectId subject, String purpose);

  /**
   * Turns a subject's profiling or tracking switch on or off.
   *
   * @return the recorded change
   */
  SwitchChange setSwitch(SubjectId subject, ProcessingSwitch processingSwitch, boolean on, Actor changedBy);

  /** Returns whether the switch is on for the subject: its explicit setting or else the kit's default. */
  boolean isSwitchOn(SubjectId subject, ProcessingSwitch processingSwitch);

  /** Returns the subject's switch changes, oldest first. */
  List<SwitchChange> switchHistory(SubjectId subject);

  /**
   * Records an {@code EXPIRED} event for up to {@code limit} consents whose validity has run out.
   *
   * <p>Deciding already treats them as expired; the events put the expiry on the record. Run it on a
   * schedule; several threads or instances may run it at once.
   *
   * @return how many expiries were recorded
   */
  int recordExpiries(int limit);

  /**
   * Applies {@code update} to every subject known to the consent store that {@code criteria} selects.
   *
   * <p>Subjects are read page by page and written in batches of {@link BulkUpdate#batchSize()}; each batch
   * is all-or-nothing, and a failed batch does not stop the others. A subject whose latest event for the
   * purpose is newer than {@link BulkUpdate#effectiveAt()} is left unchanged: the newer decision stands. The
   * source tags of a batch are written before its consents; they stay if the consents then fail, since the
   * data did come from that source.
   *
   * @param criteria called with each subject and its current consents; true selects it
   * @throws UnknownPurposeException if the purpose is not declared
   * @throws LegalBasisMismatchException if the purpose's basis is not the one the update states
   */
  BulkUpdateReport bulkUpdate(BulkUpdate update, BiPredicate<SubjectId, SubjectConsents> criteria);

  /**
   * Applies {@code update} to the {@code candidates} that {@code criteria} selects, such as the host's
   * contacts from one import. The stream is consumed once and closed.
   */
  BulkUpdateReport bulkUpdate(BulkUpdate update, Stream<SubjectId> candidates,
      BiPredicate<SubjectId, SubjectConsents> criteria);
}
