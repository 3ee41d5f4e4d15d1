package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The exceptions of Art. 22(2) GDPR under which a decision based solely on automated processing with legal or
 * similarly significant effect is allowed; any other automated decision of that kind is prohibited (Art. 22(1)).
 *
 * <p>Usage example: <pre>{@code if (notice.ground().offersHumanIntervention()) link(notice.humanReview());}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum AutomatedDecisionGround {
  /** Art. 22(2)(a): necessary for entering into, or performance of, a contract with the subject. */
  CONTRACT("22(2)(a)"),
  /** Art. 22(2)(b): authorised by Union or member-state law that lays down suitable safeguards. */
  AUTHORISED_BY_LAW("22(2)(b)"),
  /** Art. 22(2)(c): based on the subject's explicit consent. */
  EXPLICIT_CONSENT("22(2)(c)");

  private final String article;

  AutomatedDecisionGround(String article) {
    this.article = article;
  }

  /** Returns the article reference, such as {@code 22(2)(a)}. */
  public String article() {
    return article;
  }

  /**
   * Returns whether Art. 22(3) applies: under (a) and (c) the controller must offer the right to obtain human
   * intervention, to express one's point of view and to contest the decision; under (b) the authorising law lays down
   * the safeguards.
   */
  public boolean offersHumanIntervention() {
    return this != AUTHORISED_BY_LAW;
  }
}
