package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * When the audit trail signs a checkpoint on its own: after {@code everyEntries} new entries, or at the first
 * append once {@code every} has passed since the last checkpoint, whichever comes first.
 *
 * <p>Why both: a busy chain is pinned every so many entries, so a rewritten tail is caught soon; a quiet chain is
 * still pinned now and then. The time rule is checked when entries are appended, so a chain that stops growing
 * gets no further checkpoint by itself: a host that wants one on the clock calls
 * {@link AuditService#checkpoint(io.gdprkit.subject.TenantId)} from its scheduler. Each checkpoint costs one
 * Ed25519 signature (tens of microseconds) and a root over at most two pages of entries.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditCheckpoints(CheckpointPolicy.of(10_000, Duration.ofMinutes(5)))}</pre>
 *
 * @param everyEntries sign after this many entries since the last checkpoint; at least 1
 * @param every sign at the first append this long after the last checkpoint; at least one second
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CheckpointPolicy(long everyEntries, Duration every) {

  /** The default: every 1,000 entries or one minute. */
  public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(1_000, Duration.ofMinutes(1));

  /** Validates the fields. */
  public CheckpointPolicy {
    Preconditions.check(everyEntries >= 1, "every entries", "must be at least 1");
    Preconditions.notNull(every, "every");
    Preconditions.check(every.compareTo(Duration.ofSeconds(1)) >= 0, "every", "must be at least one second");
    Bounds.notLonger(every, "every");
  }

  /** Returns the policy of signing after {@code everyEntries} entries or {@code every}. */
  public static CheckpointPolicy of(long everyEntries, Duration every) {
    return new CheckpointPolicy(everyEntries, every);
  }
}
