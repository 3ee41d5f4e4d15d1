package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an objection did: the objection standing, the declared purposes it now stops and the consent withdrawals it
 * caused.
 *
 * <p>An objection to one direct-marketing purpose is an objection to direct marketing (Art. 21(2)–(3)): its
 * {@link #objection()} is kept under {@link ObjectionChange#DIRECT_MARKETING}, {@link #purposes()} lists every
 * direct-marketing purpose, and {@link #withdrawals()} holds the withdrawal of each such purpose on consent that was
 * granted or pending.
 *
 * <p>Usage example: <pre>{@code ObjectionOutcome o = gdpr.restrictions().objectToDirectMarketing(alice, Actor.subject());}</pre>
 *
 * @param objection the objection standing: the one recorded, or the one that already stood when nothing was recorded
 * @param purposes the ids of the declared purposes the objection stops, in declaration order
 * @param withdrawals the consent withdrawals it caused, in declaration order of their purposes
 * @param recorded whether this call recorded the objection; false when it stood already and nothing was written
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ObjectionOutcome(ObjectionChange objection, List<String> purposes, List<ConsentEvent> withdrawals,
    boolean recorded) {

  /** Validates the fields and copies the lists. */
  public ObjectionOutcome {
    Preconditions.notNull(objection, "objection");
    purposes = List.copyOf(Preconditions.notNull(purposes, "purposes"));
    withdrawals = List.copyOf(Preconditions.notNull(withdrawals, "withdrawals"));
  }

  /**
   * Returns the first consent withdrawal the objection caused, or {@code null} when it caused none; see
   * {@link #withdrawals()} for all of them.
   */
  public @Nullable ConsentEvent withdrawal() {
    return withdrawals.isEmpty() ? null : withdrawals.get(0);
  }
}
