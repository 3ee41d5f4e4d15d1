package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.internal.InMemoryAuditOutbox;
import io.gdprkit.subject.TenantId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Holds audit records written in their callers' units of work until the drainer appends them to the chain.
 *
 * <p>A service records its audit entry in the same transaction as the change it audits, in this outbox; it cannot
 * take a chain position there, because positions are one total order per tenant and a caller's transaction may
 * still roll back. The drainer, in a unit of its own, {@linkplain #take takes} the oldest records, appends them to
 * the chain as one group commit and signs the new chain head; if that unit rolls back, the records are back in the
 * outbox for the next drain.
 *
 * <p>Contract, checked by {@code AuditOutboxCompatibilityKit} in {@code gdpr-test}:
 * <ul>
 *   <li>{@link #take} returns records of one tenant in the order they were added, and removes them in the unit of
 *       work running; a database maps it to {@code SELECT … ORDER BY id FOR UPDATE SKIP LOCKED} and a delete;</li>
 *   <li>records added by one {@link #addAll} may be stored together and taken together: a take then returns such a
 *       batch whole, past its limit if it must, but never splits it, loses or repeats a record of it;</li>
 *   <li>a record added in a unit that rolls back is never taken; a take in a unit that rolls back is undone;</li>
 *   <li>tenants are independent; implementations are thread-safe.</li>
 * </ul>
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditOutbox(AuditOutbox.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuditOutbox {

  /** Returns a new outbox that keeps records in this JVM's memory. */
  static AuditOutbox inMemory() {
    return new InMemoryAuditOutbox();
  }

  /**
   * Adds a record, in the unit of work running on this thread.
   *
   * @return the record's sequence number, increasing in the order of adding
   */
  long add(AuditRecord record);

  /**
   * Adds records in the order given, in the unit of work running on this thread, as {@link #add} does for each; a
   * database may write them in one round trip, even as one row per tenant ({@link PendingAuditRecord#encodeAll}),
   * which its {@link #take} then hands out whole. The default adds them one by one.
   *
   * <p>Usage example: <pre>{@code outbox.addAll(List.of(read, update))}</pre>
   *
   * @since 0.2
   */
  default void addAll(List<AuditRecord> records) {
    for (AuditRecord record : records) {
      add(record);
    }
  }

  /**
   * Returns up to {@code limit} of the tenant's oldest records, removing them in the unit of work running; more than
   * {@code limit} only when the oldest batch that {@link #addAll} stored together holds more, which is returned whole
   * (and alone).
   */
  List<PendingAuditRecord> take(TenantId tenant, int limit);

  /** Returns the tenants that have records waiting, up to {@code limit} of them. */
  List<TenantId> tenantsWaiting(int limit);

  /** Returns how many records of the tenant wait. */
  long waiting(TenantId tenant);
}
