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
 * in the batch encoding, waiting for the drainer to chain them. Mapped for the schema check and the outbox's
 * counting queries; rows are written and taken with prepared statements ({@code JpaAuditOutbox}).
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
}
