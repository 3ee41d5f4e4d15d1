package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the kit honours a Global Privacy Control signal: the purposes whose consent it withdraws, the purposes it
 * records an objection to, the rule for a conflict with a direct choice, and the date of the support statement.
 *
 * <p>The draft leaves the legal effect to the law that applies (GPC §5). Under the GDPR, the signal can be the
 * withdrawal of a consent (Art. 7(3)) and an objection "by automated means using technical specifications"
 * (Art. 21(5)) to processing on Art. 6(1)(e) or (f) (Art. 21(1)) or for direct marketing (Art. 21(2)); the draft's
 * do-not-sell-or-share preference (GPC §2) covers sharing with third parties and cross-party ad targeting, so map it
 * to the purposes that do that. The kit checks the mapping when it is built: withdrawal purposes must rest on consent,
 * objection purposes on Art. 6(1)(e) or (f) or be direct marketing. With nothing mapped, signals are not honoured and
 * nothing is recorded.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().gpc(GpcPolicy.defaults()
 *     .withWithdrawal("ad-sharing").withObjection("ad-profiling")
 *     .withLastUpdate(LocalDate.of(2026, 12, 7)))
 * }</pre>
 *
 * @param withdrawals the purposes whose consent the signal withdraws, in the order they are processed
 * @param objections the purposes the signal records an objection to, in the order they are processed
 * @param conflictRule what the signal does to a choice the person made directly
 * @param lastUpdate when the controller last stated its GPC support, for {@code gpc.json} (GPC §4.1), if stated
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GpcPolicy(List<String> withdrawals, List<String> objections, GpcConflictRule conflictRule,
    @Nullable LocalDate lastUpdate) {

  /** The most purposes one policy maps, so that a signal's audit entry can name each one. */
  public static final int MAX_PURPOSES = 48;

  private static final GpcPolicy DEFAULTS = new GpcPolicy(List.of(), List.of(),
      GpcConflictRule.LATEST_DIRECT_CHOICE_WINS, null);

  /** Validates the fields: each purpose mapped once, to one effect. */
  public GpcPolicy {
    withdrawals = List.copyOf(Preconditions.notNull(withdrawals, "withdrawals"));
    objections = List.copyOf(Preconditions.notNull(objections, "objections"));
    Preconditions.notNull(conflictRule, "conflictRule");
    Preconditions.check(withdrawals.size() + objections.size() <= MAX_PURPOSES, "gpc policy",
        "must map at most " + MAX_PURPOSES + " purposes");
    Set<String> seen = new HashSet<>();
    for (String purpose : concat(withdrawals, objections)) {
      Preconditions.notBlank(purpose, "gpc policy purpose");
      if (!seen.add(purpose)) {
        throw InvalidInputException.of("gpc policy purpose " + Messages.quote(purpose),
            "must be mapped once, to a withdrawal or to an objection");
      }
    }
    if (lastUpdate != null) {
      GpcSupportResource.checkFullDate(lastUpdate, "lastUpdate");
    }
  }

  /** Returns a policy that maps no purpose, under {@link GpcConflictRule#LATEST_DIRECT_CHOICE_WINS}. */
  public static GpcPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a copy that also withdraws consent for {@code purposes} (Art. 7(3)). */
  public GpcPolicy withWithdrawal(String... purposes) {
    return new GpcPolicy(concat(withdrawals, List.of(Preconditions.notNull(purposes, "purposes"))), objections,
        conflictRule, lastUpdate);
  }

  /**
   * Returns a copy that also records an objection to {@code purposes} (Art. 21(5) with 21(1) or 21(2)). An objection
   * mapped to a direct-marketing purpose is recorded as one to direct marketing as a whole, which stops every
   * direct-marketing purpose and cannot be overridden (Art. 21(3)).
   */
  public GpcPolicy withObjection(String... purposes) {
    return new GpcPolicy(withdrawals, concat(objections, List.of(Preconditions.notNull(purposes, "purposes"))),
        conflictRule, lastUpdate);
  }

  /** Returns a copy with another conflict rule. */
  public GpcPolicy withConflictRule(GpcConflictRule rule) {
    return new GpcPolicy(withdrawals, objections, rule, lastUpdate);
  }

  /** Returns a copy stating when the controller last updated its GPC support statement (GPC §4.1). */
  public GpcPolicy withLastUpdate(LocalDate date) {
    return new GpcPolicy(withdrawals, objections, conflictRule, Preconditions.notNull(date, "lastUpdate"));
  }

  /** Returns whether the policy maps any purpose, that is whether signals are honoured at all. */
  public boolean honoursSignal() {
    return !withdrawals.isEmpty() || !objections.isEmpty();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first.size() + second.size());
    all.addAll(first);
    all.addAll(second);
    return all;
  }
}
