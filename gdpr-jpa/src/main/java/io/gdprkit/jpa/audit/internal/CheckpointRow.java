package io.gdprkit.jpa.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_audit_checkpoint}: a signed checkpoint of a tenant's chain, as the bytes
 * {@code Checkpoint.toBytes()} writes, keyed by the tree size it covers.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprAuditCheckpoint")
@Table(name = "gdpr_audit_checkpoint")
@IdClass(CheckpointRow.Key.class)
public class CheckpointRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "tree_size", nullable = false)
  private @Nullable Long treeSize;

  @Column(name = "bytes", length = AuditTables.MAX_CHECKPOINT_BYTES, nullable = false)
  private byte @Nullable [] bytes;

  /** For JPA. */
  protected CheckpointRow() {}

  /** The composite primary key (tenant, tree size). */
  public record Key(@Nullable String tenant, @Nullable Long treeSize) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}
