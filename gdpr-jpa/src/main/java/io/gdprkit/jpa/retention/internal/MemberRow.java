package io.gdprkit.jpa.retention.internal;

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
 * One row of {@code gdpr_retention_member}: a subject a re-permission campaign still waits for, and the sweep that
 * holds it until {@code lease_until}, if any.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprRetentionMember")
@Table(name = "gdpr_retention_member")
@IdClass(MemberRow.Key.class)
public class MemberRow {

  @Id
  @Column(name = "campaign_id", length = 64, nullable = false)
  private @Nullable String campaignId;

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "lease_owner", length = LeaseColumns.OWNER_LENGTH)
  private @Nullable String owner;

  @Column(name = "lease_until")
  private @Nullable Instant leaseUntil;

  /** For JPA. */
  protected MemberRow() {}

  /** Returns whether a sweep other than {@code other} holds the member at {@code now}. */
  public boolean heldAgainst(String other, Instant now) {
    return owner != null && !owner.equals(other) && leaseUntil != null && leaseUntil.isAfter(now);
  }

  /** The composite primary key (campaign, tenant, subject). */
  public record Key(@Nullable String campaignId, @Nullable String tenant, @Nullable String subject)
      implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null, null);
    }
  }
}
