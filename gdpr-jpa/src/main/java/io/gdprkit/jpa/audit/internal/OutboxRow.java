package io.gdprkit.jpa.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_audit_outbox}: audit records of one tenant written together in their caller's transaction,
 * in the batch encoding, waiting for the drainer to chain them.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprAuditOutbox")
@Table(name = "gdpr_audit_outbox")
public class OutboxRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private @Nullable Long id;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "record", length = AuditTables.MAX_ENTRY_BYTES, nullable = false)
  private byte @Nullable [] record;

  @Column(name = "record_count", nullable = false)
  private int recordCount = 1;

  /** For JPA. */
  protected OutboxRow() {}

  /** Returns a row for {@code count} records of {@code tenant} in their batch encoding. */
  public static OutboxRow of(String tenant, byte[] records, int count) {
    OutboxRow row = new OutboxRow();
    row.tenant = tenant;
    row.record = records;
    row.recordCount = count;
    return row;
  }

  /** Returns the id the database gave the row; after {@code persist} and a flush. */
  public long id() {
    if (id == null) {
      throw new IllegalStateException("the row has no id before it is flushed");
    }
    return id;
  }
}
