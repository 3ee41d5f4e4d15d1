package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a Global Privacy Control signal does to a choice the person made directly with the controller for a purpose
 * the signal is mapped to: a consent given on a form, or an objection the person withdrew.
 *
 * <p>GPC §5 asks sites to "disclose how they treat the GPC signal ... and how they deal with conflicts between the
 * signal and other specific privacy choices that the person has already made directly"; GPC §5.3 notes that
 * jurisdictions differ on when a signal may be overridden, "for example because they have consent from the user to
 * do so". This setting is that disclosed rule; publish it with the privacy notice.
 *
 * <p>A signal is "presented" when the kit first records one for the subject: the first signal of each subject is
 * recorded even when it changes nothing, so a later choice can be told from an earlier one. A choice at the same
 * instant counts as made after it, as a form's consent recorded on the very request that carried the signal is.
 *
 * <p>Usage example: <pre>{@code GpcPolicy.defaults().withWithdrawal("ad-sharing").withConflictRule(GpcConflictRule.SIGNAL_WINS)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum GpcConflictRule {

  /**
   * The later choice stands; the default.
   *
   * <p>A signal withdraws the consents and records the objections that stood before the signal was first presented,
   * as a withdrawal or objection that arrived then (Art. 7(3), Art. 21(5)). A consent the person gave directly after
   * that, on a form that asked for it specifically, is the later, specific and informed choice (Art. 4(11)) and
   * stands against the same signal repeated; so does an objection the person withdrew after it. This is the rule of
   * the CCPA regulations, 11 CCR §7025(c)(3): the signal is processed even when it conflicts with an earlier
   * business-specific setting, and a consent given afterwards lets the business set the signal aside for that
   * person. It is the default because it honours both choices in the order the person made them and never loops:
   * a person who consents again is not opted out again on the next request.
   */
  LATEST_DIRECT_CHOICE_WINS,

  /**
   * Every signal wins: each withdraws any consent given and records the objection again if the person withdrew it,
   * whenever the direct choice was made.
   *
   * <p>For controllers, or jurisdictions, that treat the signal as the person's standing instruction (the explainer
   * of the draft: "GPC signals to be identical to a user flipping the opt out switch on their website"). A person who
   * wants the processing must turn the signal off for the site in their user agent. An objection that the controller
   * overrode with compelling grounds (Art. 21(1)) is left as it is under both rules: repeating the same automated
   * objection does not undo a documented override.
   */
  SIGNAL_WINS
}
