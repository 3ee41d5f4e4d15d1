package io.gdprkit.jpa.suppression.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.subject.TenantId;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.suppression.SuppressionEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_suppression}: a suppressed contact point's keyed hash in its tenant.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprSuppression")
@Table(name = "gdpr_suppression")
@IdClass(SuppressionRow.Key.class)
public class SuppressionRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "hash", length = 128, nullable = false)
  private @Nullable String hash;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 16, nullable = false)
  private ContactPoint.@Nullable Kind kind;

  @Column(name = "suppressed_at", nullable = false)
  private @Nullable Instant suppressedAt;

  /** For JPA. */
  protected SuppressionRow() {}

  /** Returns the entry this row holds. */
  public SuppressionEntry toEntry() {
    return new SuppressionEntry(TenantId.of(tenant), kind, hash, suppressedAt);
  }

  /** The composite primary key (tenant, hash). */
  public record Key(@Nullable String tenant, @Nullable String hash) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}
