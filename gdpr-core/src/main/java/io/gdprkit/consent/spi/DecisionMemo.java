package io.gdprkit.consent.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.subject.SubjectId;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An optional capability of a caching {@link ConsentStore}: beside what it caches of a subject, it holds what the
 * decision service worked out from that subject's snapshot, so that a decision served from the cache reads a few
 * words that many subjects share instead of the subject's whole snapshot.
 *
 * <p>The decision service finds the capability by {@code instanceof} on the store it is given; a store without it is
 * asked {@link ConsentStore#current} for every decision, as before. The {@link Verdicts} are opaque to the store: it
 * keeps them exactly as long as it would keep serving the snapshot they came from, drops them whenever it would drop
 * that snapshot (a write through it, a change it learns of, its staleness bound), and may share one holder between
 * subjects whose verdicts are the same object. What a verdict needs beyond the snapshot, such as the time at which a
 * consent expires, is the decision service's to check.
 *
 * <p>Thread-safe, like the store. Usage example, inside a decision service: <pre>{@code
 * Verdicts held = memo.verdicts(subject);
 * if (held == null) {
 *   held = memo.load(subject, snapshot -> rules.verdicts(snapshot));
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface DecisionMemo {

  /**
   * Returns the verdicts held for the subject while the store would still serve the snapshot they were worked out
   * from, else {@code null}; {@code null} also inside a unit of work, whose reads go to the database. It is the
   * decision hot path: it allocates nothing and never waits for I/O.
   */
  @Nullable Verdicts verdicts(SubjectId subject);

  /**
   * Reads the subject's snapshot as {@link ConsentStore#current} would, passes it to {@code rules}, holds their
   * result as long as the snapshot would be served, and returns it; returns what is held already when it is still
   * served. Inside a unit of work, or while the store caches nothing, it applies {@code rules} to a fresh read and
   * holds nothing. {@code rules} must be a pure function of the snapshot: it may run while the store holds a lock on
   * the subject.
   */
  Verdicts load(SubjectId subject, Function<SubjectConsents, Verdicts> rules);

  /**
   * What a decision service worked out from one subject's snapshot; opaque to the store that holds it, which compares
   * it by identity only.
   *
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  interface Verdicts {}
}
