package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditRecord;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * An audit record waiting in the {@link AuditOutbox}, with the sequence number that orders it.
 *
 * @param sequence the outbox's order of adding
 * @param record the record
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PendingAuditRecord(long sequence, AuditRecord record) {

  /** Validates the fields. */
  public PendingAuditRecord {
    Preconditions.check(sequence >= 0, "sequence", "must not be negative");
    Preconditions.notNull(record, "record");
  }
}
