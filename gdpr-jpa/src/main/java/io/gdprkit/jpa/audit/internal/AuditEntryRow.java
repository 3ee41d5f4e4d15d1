package io.gdprkit.jpa.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_audit_entry}: an entry of a tenant's hash chain as its canonical bytes and stored hash, the
 * bytes a verifier hashes. The key (tenant, position) is what stops two writers from forking a chain.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprAuditEntry")
@Table(name = "gdpr_audit_entry")
@IdClass(AuditEntryRow.Key.class)
public class AuditEntryRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "position", nullable = false)
  private @Nullable Long position;

  @Column(name = "entry_at", nullable = false)
  private @Nullable Instant at;

  @Column(name = "hash", length = 32, nullable = false)
  private byte @Nullable [] hash;

  @Column(name = "bytes", length = AuditTables.MAX_ENTRY_BYTES, nullable = false)
  private byte @Nullable [] bytes;

  /** For JPA. */
  protected AuditEntryRow() {}

  /** The composite primary key (tenant, position). */
  public record Key(@Nullable String tenant, @Nullable Long position) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}
