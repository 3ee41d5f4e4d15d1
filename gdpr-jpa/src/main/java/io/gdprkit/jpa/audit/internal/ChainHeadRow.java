package io.gdprkit.jpa.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_audit_head}: the authenticated head of a tenant's chain, which only ever moves forward.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprAuditHead")
@Table(name = "gdpr_audit_head")
public class ChainHeadRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "size", nullable = false)
  private @Nullable Long size;

  @Column(name = "last_entry_hash", length = 32, nullable = false)
  private byte @Nullable [] lastEntryHash;

  @Column(name = "head_at", nullable = false)
  private @Nullable Instant at;

  @Column(name = "tag", length = 128, nullable = false)
  private @Nullable String tag;

  /** For JPA. */
  protected ChainHeadRow() {}
}
