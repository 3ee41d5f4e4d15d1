package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.authorisation.NotAuthorisedException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Restricts processing of a subject (Art. 18) and records objections to processing (Art. 21), both of which
 * {@code decide} honours at once.
 *
 * <p>Restriction keeps the subject's data but denies every purpose until lifted.
 *
 * <p>Objection follows Art. 21 by legal basis:
 * <ul>
 *   <li><b>Direct marketing</b> (a purpose {@linkplain io.gdprkit.purpose.Purpose#directMarketing() that is direct
 *       marketing}), on any basis (Art. 21(2)): an objection to one direct-marketing purpose is an objection to direct
 *       marketing, kept under {@link ObjectionChange#DIRECT_MARKETING}. It stops every direct-marketing purpose,
 *       declared now or later, including profiling related to it, withdraws their consents, needs no grounds and is
 *       absolute: nothing overrides it (Art. 21(3)). Only its withdrawal ends it; a consent given later does not.</li>
 *   <li><b>Public task or legitimate interests</b> (Art. 6(1)(e), (f)): the subject objects on grounds of their
 *       particular situation (Art. 21(1)); processing stops unless an authorised staff user records compelling
 *       legitimate grounds or, for a purpose declared as such, that it serves legal claims.</li>
 *   <li><b>Consent</b> (Art. 6(1)(a)): refused with {@link ObjectionRefusedException.Reason#CONSENT_PURPOSE}. Art. 21
 *       gives no right to object here; the subject's remedy is a withdrawal (Art. 7(3)), which the host records with
 *       {@code consents().withdraw}, so that the ledger shows a withdrawal and the register of objections no objection
 *       the Regulation does not give.</li>
 *   <li><b>Contract, legal obligation, vital interests</b> (Art. 6(1)(b)–(d)): refused with
 *       {@link ObjectionRefusedException.Reason#NO_RIGHT_TO_OBJECT}, naming the basis.</li>
 * </ul>
 *
 * <p>Objection changes carry their place in the subject's objection history, and the store refuses a stale one: of
 * two instances racing to object, one records the objection and the other finds it standing. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", Actor.staff("dpo"));
 * gdpr.decide(alice, "billing");   // Decision[allowed=false, reason=RESTRICTED, ...]
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RestrictionService {

  /**
   * Restricts processing of the subject; restricting a restricted subject changes nothing and returns the
   * restriction in force.
   *
   * @param reason why, such as the Art. 18(1) ground; no personal data
   */
  RestrictionChange restrict(SubjectId subject, String reason, Actor by);

  /**
   * Lifts the restriction.
   *
   * @throws RestrictionStateException if the subject is not restricted
   */
  RestrictionChange lift(SubjectId subject, String reason, Actor by);

  /** Returns whether processing of the subject is restricted. */
  boolean isRestricted(SubjectId subject);

  /** Returns the subject's restrictions placed and lifted, oldest first. */
  List<RestrictionChange> history(SubjectId subject);

  /**
   * Records the subject's objection to a purpose (Art. 21(1)), or to direct marketing when the purpose is direct
   * marketing (Art. 21(2)), as {@link #objectToDirectMarketing} does. Objecting while the same objection stands
   * changes nothing and returns it, with {@link ObjectionOutcome#recorded()} false.
   *
   * <p>Usage example: <pre>{@code gdpr.restrictions().object(alice, "fraud-checks", "I moved abroad", Actor.subject())}</pre>
   *
   * @param grounds the subject's stated grounds, may be empty (Art. 21(2) needs none); at most 1000 characters
   * @param by the subject, a staff user acting on their word, or a system relaying an automated signal (Art. 21(5))
   * @throws UnknownPurposeException if the purpose is not declared
   * @throws ObjectionRefusedException with {@link ObjectionRefusedException.Reason#CONSENT_PURPOSE} for a consent
   *     purpose that is not direct marketing, or {@link ObjectionRefusedException.Reason#NO_RIGHT_TO_OBJECT} for one on
   *     contract, legal obligation or vital interests; nothing is written
   */
  ObjectionOutcome object(SubjectId subject, String purpose, String grounds, Actor by);

  /**
   * Records the subject's objection to direct marketing as a whole (Art. 21(2)–(3)): from now on {@code decide}
   * denies every direct-marketing purpose, declared now or later and whatever its basis, with
   * {@code DecisionReason.OBJECTED}; consents to such purposes that are granted or pending are withdrawn. It needs no
   * grounds, nothing overrides it, and it stands until {@link #withdrawObjectionToDirectMarketing withdrawn}: a
   * consent given later does not lift it. Objecting again while it stands changes nothing.
   *
   * <p>Usage example: <pre>{@code gdpr.restrictions().objectToDirectMarketing(alice, Actor.subject())}</pre>
   *
   * @param by the subject, a staff user acting on their word, or a system relaying an automated signal (Art. 21(5))
   */
  ObjectionOutcome objectToDirectMarketing(SubjectId subject, Actor by);

  /** Returns whether the subject's objection to direct marketing stands (Art. 21(3)). */
  boolean objectsToDirectMarketing(SubjectId subject);

  /**
   * Records compelling legitimate grounds for the processing which override the subject's interests, rights and
   * freedoms, so that processing for the purpose goes on despite the objection (Art. 21(1)); {@code decide} then
   * answers {@code COMPELLING_GROUNDS}.
   *
   * <p>The grounds are the controller's to demonstrate, so they must be stated and are recorded by a staff user whom
   * the register of authorised persons authorises, now, for every data category the purpose declares. The change is
   * audited ({@code OBJECTION_CHANGED}, status {@code OVERRIDDEN}, by whom); the statement stays in the objection
   * history, out of the trail.
   *
   * <p>Usage example: <pre>{@code gdpr.restrictions().recordCompellingGrounds(alice, "fraud-checks", "three chargebacks in 2026", Actor.staff("dpo"))}</pre>
   *
   * @param grounds the statement of the grounds: not blank, at most 1000 characters; no personal data
   * @param by the staff user who records them
   * @throws io.gdprkit.InvalidInputException if the grounds are blank
   * @throws ObjectionRefusedException if the purpose is direct marketing (absolute, Art. 21(3)) or rests on consent,
   *     {@code by} is not a staff user, the purpose declares no data categories, or there is no standing objection
   * @throws NotAuthorisedException if the register does not authorise {@code by} for one of the purpose's categories;
   *     the refusal is audited
   */
  ObjectionChange recordCompellingGrounds(SubjectId subject, String purpose, String grounds, Actor by);

  /**
   * Records that processing for the purpose is needed for the establishment, exercise or defence of legal claims, so
   * that it goes on despite the objection (Art. 21(1)); {@code decide} then answers {@code LEGAL_CLAIMS}. Only for a
   * purpose {@linkplain io.gdprkit.purpose.Purpose#forLegalClaims() declared as such}; recorded and audited like
   * {@link #recordCompellingGrounds}.
   *
   * <p>Usage example: <pre>{@code gdpr.restrictions().recordLegalClaims(alice, "dispute-files", "claim 2026-117 pending at the court of Lyon", Actor.staff("legal-1"))}</pre>
   *
   * @param statement which claim, not blank, at most 1000 characters; no personal data
   * @throws ObjectionRefusedException as {@link #recordCompellingGrounds}, and with
   *     {@link ObjectionRefusedException.Reason#NOT_FOR_LEGAL_CLAIMS} for a purpose not declared for legal claims
   * @throws NotAuthorisedException as {@link #recordCompellingGrounds}
   */
  ObjectionChange recordLegalClaims(SubjectId subject, String purpose, String statement, Actor by);

  /**
   * Withdraws the subject's objection to a purpose; for a direct-marketing purpose, every objection that bears on it:
   * to direct marketing as a whole and to the purpose by its id, each recorded as its own change.
   *
   * @return the last change recorded
   * @throws ObjectionRefusedException if there is no standing objection
   */
  ObjectionChange withdrawObjection(SubjectId subject, String purpose, Actor by);

  /**
   * Withdraws the subject's objection to direct marketing; consents it withdrew stay withdrawn.
   *
   * @throws ObjectionRefusedException if there is no standing objection to direct marketing
   */
  ObjectionChange withdrawObjectionToDirectMarketing(SubjectId subject, Actor by);

  /**
   * Returns where each of the subject's objections stands, by purpose id; an objection to direct marketing as a whole
   * is under {@link ObjectionChange#DIRECT_MARKETING}.
   */
  Map<String, ObjectionStatus> objections(SubjectId subject);

  /** Returns the subject's objection changes, oldest first. */
  List<ObjectionChange> objectionHistory(SubjectId subject);

  /**
   * Records that the right to object was presented to the subject, explicitly and separately from any other
   * information (Art. 21(4)): call it when the communication that carried it went out, at the latest with the first
   * communication. One record per notice version: presenting the same version again returns the first record.
   * Audited as {@code OBJECTION_RIGHT_PRESENTED} with the notice version.
   *
   * <p>Usage example: <pre>{@code gdpr.restrictions().recordRightToObjectPresented(alice, "2026-03", ConsentChannel.WEB_FORM, "signup-form", Actor.subject())}</pre>
   *
   * @param noticeVersion the version of the notice that presented the right
   * @param reference the form, page or message template that showed it; letters, digits and {@code . _ : @ / + -}
   * @throws io.gdprkit.InvalidInputException if a value is malformed; nothing is written
   */
  RightToObjectPresentation recordRightToObjectPresented(SubjectId subject, String noticeVersion,
      ConsentChannel channel, String reference, Actor by);

  /** Returns when, how and in which notice version the right to object was first presented to the subject. */
  Optional<RightToObjectPresentation> rightToObjectPresentation(SubjectId subject);

  /** Returns every presentation of the right to object to the subject, one per notice version, oldest first. */
  List<RightToObjectPresentation> rightToObjectPresentations(SubjectId subject);

  /**
   * Returns whether a communication to the subject may go out as it is under Art. 21(4): true once the right to
   * object was presented; false means this communication must present it, explicitly and separately, and be recorded
   * with {@link #recordRightToObjectPresented}. It says nothing about whether the processing is allowed: ask
   * {@code decide}.
   *
   * <p>Usage example: <pre>{@code mail.send(alice, gdpr.restrictions().rightToObjectPresented(alice) ? offer : offerWithNotice);}</pre>
   */
  boolean rightToObjectPresented(SubjectId subject);
}
