package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import org.apiguardian.api.API;

/**
 * Whether processing is allowed, why, and under which legal basis.
 *
 * <p>Decisions are interned: there is one instance per reason and basis, so deciding allocates nothing.
 * Compare them with {@code equals} or by their fields.
 *
 * <p>Usage example: <pre>{@code
 * Decision d = gdpr.decide(alice, "newsletter");
 * if (d.allowed()) send(alice); else log.info("not sent: {}", d.reason());
 * }</pre>
 *
 * @param allowed whether processing may go ahead
 * @param reason why
 * @param legalBasis the basis of the purpose decided on
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record Decision(boolean allowed, DecisionReason reason, LegalBasis legalBasis) {

  private static final Decision[][] INTERNED = intern();

  /** Checks that {@code allowed} agrees with the reason. */
  public Decision {
    Preconditions.notNull(reason, "reason");
    Preconditions.notNull(legalBasis, "legal basis");
    Preconditions.check(allowed == reason.allows(), "allowed", "must agree with the reason");
  }

  /** Returns the one decision for this reason and basis. */
  public static Decision of(DecisionReason reason, LegalBasis legalBasis) {
    return INTERNED[reason.ordinal()][legalBasis.ordinal()];
  }

  private static Decision[][] intern() {
    DecisionReason[] reasons = DecisionReason.values();
    LegalBasis[] bases = LegalBasis.values();
    Decision[][] table = new Decision[reasons.length][bases.length];
    for (DecisionReason reason : reasons) {
      for (LegalBasis basis : bases) {
        table[reason.ordinal()][basis.ordinal()] = new Decision(reason.allows(), reason, basis);
      }
    }
    return table;
  }
}
