package io.gdprkit.purpose;

import java.util.Set;

/**
 * The rules a declared purpose must keep whatever else is configured, checked when purposes are registered: Art. 9(1)
 * and Art. 22(2) and (4) GDPR.
 */
final class PurposeRules {

  /** The Art. 9(2) conditions that Art. 22(4) leaves for automated decisions on special categories. */
  private static final Set<SpecialCategoryCondition> AUTOMATED_SPECIAL = Set.of(
      SpecialCategoryCondition.EXPLICIT_CONSENT, SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST);

  private PurposeRules() {}

  /**
   * Fails unless {@code purpose} names an Art. 9(2) condition for special categories, rests an automated decision on an
   * Art. 22(2) exception, and uses special categories in one only under Art. 9(2)(a) or (g).
   *
   * @throws PurposeConfigurationException naming the purpose and the article it breaks
   */
  static void check(Purpose purpose) {
    boolean special = purpose.processesSpecialCategories();
    if (special && purpose.specialCategoryCondition() == null) {
      throw PurposeConfigurationException.of(purpose.id(), "9(1)", "it processes special categories of data, "
          + "which is prohibited unless it names the Art. 9(2) condition it relies on with withSpecialCategoryCondition");
    }
    AutomatedDecision automated = purpose.automatedDecision();
    if (automated == null) {
      return;
    }
    if (automated.groundFor(purpose.legalBasis()) == null) {
      throw PurposeConfigurationException.of(purpose.id(), "22(2)", "a decision based solely on automated processing "
          + "with legal or similarly significant effect is allowed only on explicit consent (CONSENT), for a contract "
          + "(CONTRACT) or where Union or member-state law authorises it (AutomatedDecision.authorisedBy), not on "
          + purpose.legalBasis() + " alone");
    }
    if (special && !AUTOMATED_SPECIAL.contains(purpose.specialCategoryCondition())) {
      throw PurposeConfigurationException.of(purpose.id(), "22(4)", "an automated decision may use special categories "
          + "only under Art. 9(2)(a) explicit consent or 9(2)(g) substantial public interest, not Art. "
          + purpose.specialCategoryCondition().article());
    }
  }
}
