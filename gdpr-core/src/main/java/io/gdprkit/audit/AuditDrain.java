package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Which thread appends recorded audit entries to the chain once the unit of work that recorded them has committed.
 *
 * <p>Why a choice: a record is durable from its unit's commit on, in the outbox, in the same transaction as the
 * change it audits; chaining it (a take, hashes, an append, a tagged head, in a transaction of its own) only moves it
 * to its place in the tenant's total order. Done on the committing thread, the caller pays for it before its call
 * returns, and in return finds its entries in the chain at once. Done in the background, the caller pays for the
 * outbox write only, and the entries join the chain a moment later; a crash in between leaves them in the outbox,
 * where the next drain, on any instance, appends them. Either way {@link AuditService#drainAll()} appends every
 * committed record before it returns.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditDrain(AuditDrain.BACKGROUND)}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum AuditDrain {

  /**
   * On the committing thread, right after the commit: the caller's operation returns with its entries chained. The
   * default.
   */
  AFTER_COMMIT,

  /**
   * On a daemon thread of the audit service, woken by each commit that recorded entries: the committing thread only
   * hands the tenant over. One drain runs at a time; wake-ups that arrive while it runs are coalesced into one more
   * drain, and the thread ends when it has been idle for a while.
   */
  BACKGROUND
}
