package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Restricts processing of a subject (Art. 18) and records objections to purposes (Art. 21), both of which
 * {@code decide} honours at once.
 *
 * <p>Restriction keeps the subject's data but denies every purpose until lifted. An objection to direct
 * marketing is absolute; to a purpose on legitimate interests or a public task it denies that purpose
 * unless the controller records compelling grounds; to a consent purpose it is a withdrawal of consent.
 * Thread-safe.
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
   * Records the subject's objection to a purpose; for a consent purpose also withdraws the consent.
   *
   * @param grounds the subject's stated grounds, if any; no personal data
   * @throws UnknownPurposeException if the purpose is not declared
   */
  ObjectionOutcome object(SubjectId subject, String purpose, String grounds, Actor by);

  /**
   * Records compelling legitimate grounds that override an objection (Art. 21(1)).
   *
   * @throws ObjectionRefusedException if the purpose is direct marketing or rests on consent, or the subject
   *     has no standing objection to it
   */
  ObjectionChange recordCompellingGrounds(SubjectId subject, String purpose, String grounds, Actor by);

  /**
   * Withdraws the subject's objection to a purpose.
   *
   * @throws ObjectionRefusedException if there is no standing objection
   */
  ObjectionChange withdrawObjection(SubjectId subject, String purpose, Actor by);

  /** Returns where each of the subject's objections stands, by purpose id. */
  Map<String, ObjectionStatus> objections(SubjectId subject);

  /** Returns the subject's objection changes, oldest first. */
  List<ObjectionChange> objectionHistory(SubjectId subject);
}
