package io.gdprkit.decision.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.decision.DecisionReason;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an objection state means for a decision (Art. 21), as a pure function of the purpose's kind and the two
 * objections that bear on it, so that a decision now and a decision from history apply the same rule.
 *
 * <p>Usage example: <pre>{@code DecisionReason r = ObjectionRule.reason(false, true, null, ObjectionStatus.OBJECTED);  // OBJECTED}</pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ObjectionRule {

  private ObjectionRule() {}

  /**
   * Returns the reason an objection state gives a purpose: {@link DecisionReason#OBJECTED} to deny,
   * {@link DecisionReason#COMPELLING_GROUNDS} or {@link DecisionReason#LEGAL_CLAIMS} to allow despite an objection, or
   * {@code null} when no objection bears on it. Allocation-free.
   *
   * <ul>
   *   <li>A direct-marketing purpose, on any basis, is denied while the objection to direct marketing as a whole or
   *       to the purpose itself stands; nothing overrides it (Art. 21(2)–(3)), so an override recorded before the
   *       purpose was declared direct marketing counts as the objection it overrode.</li>
   *   <li>A consent purpose that is not direct marketing has no objection (Art. 21(1)): its consent decides.</li>
   *   <li>Any other purpose is denied while its objection stands, and allowed on grounds or legal claims recorded
   *       against it (Art. 21(1)).</li>
   * </ul>
   *
   * @param needsConsent whether the purpose rests on consent
   * @param directMarketing whether the purpose is direct marketing
   * @param own where the objection to the purpose itself stands, or {@code null} if there never was one
   * @param directMarketingAsAWhole where the objection to direct marketing stands, or {@code null} if there never was
   *     one; read only for a direct-marketing purpose
   */
  public static @Nullable DecisionReason reason(boolean needsConsent, boolean directMarketing,
      @Nullable ObjectionStatus own, @Nullable ObjectionStatus directMarketingAsAWhole) {
    if (directMarketing) {
      return directMarketingAsAWhole == ObjectionStatus.OBJECTED || own != null && own != ObjectionStatus.WITHDRAWN
          ? DecisionReason.OBJECTED : null;
    }
    if (needsConsent || own == null) {
      return null;
    }
    return switch (own) {
      case OBJECTED -> DecisionReason.OBJECTED;
      case OVERRIDDEN -> DecisionReason.COMPELLING_GROUNDS;
      case LEGAL_CLAIMS -> DecisionReason.LEGAL_CLAIMS;
      case WITHDRAWN -> null;
    };
  }
}
