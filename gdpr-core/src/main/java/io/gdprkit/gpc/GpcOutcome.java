package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What applying one Global Privacy Control signal did.
 *
 * <p>Usage example: <pre>{@code
 * GpcOutcome outcome = gdpr.gpc().apply(alice, signal);
 * if (!outcome.directChoicesKept().isEmpty()) showConflictNotice(outcome.directChoicesKept());
 * }</pre>
 *
 * @param record the signal record written, or {@code null} when nothing was recorded: the signal repeated one
 *     already recorded and changed nothing, no purpose is mapped, or the subject's erasure is under way or done
 * @param withdrawals the consent withdrawals recorded, one per purpose, in policy order
 * @param objections the objections recorded, one per purpose, in policy order
 * @param directChoicesKept the mapped purposes where a choice the person made directly after the signal was first
 *     presented stands under {@link GpcConflictRule#LATEST_DIRECT_CHOICE_WINS}; a host may show the person the
 *     conflict (11 CCR §7025(c)(3))
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GpcOutcome(@Nullable GpcSignalRecord record, List<ConsentEvent> withdrawals,
    List<ObjectionChange> objections, List<String> directChoicesKept) {

  private static final GpcOutcome NOTHING = new GpcOutcome(null, List.of(), List.of(), List.of());

  /** Validates and copies the lists. */
  public GpcOutcome {
    withdrawals = List.copyOf(Preconditions.notNull(withdrawals, "withdrawals"));
    objections = List.copyOf(Preconditions.notNull(objections, "objections"));
    directChoicesKept = List.copyOf(Preconditions.notNull(directChoicesKept, "directChoicesKept"));
  }

  /** Returns the outcome of a signal that changed and recorded nothing. */
  public static GpcOutcome nothing() {
    return NOTHING;
  }

  /** Returns whether the signal withdrew a consent or recorded an objection. */
  public boolean changedAnything() {
    return !withdrawals.isEmpty() || !objections.isEmpty();
  }
}
