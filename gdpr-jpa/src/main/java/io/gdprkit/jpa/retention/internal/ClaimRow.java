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
 * One row of {@code gdpr_retention_claim}: a retention rule's claim on a subject, leased to one sweep until
 * {@code lease_until} at the activity it was claimed at, and the activity the rule last processed the subject at.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprRetentionClaim")
@Table(name = "gdpr_retention_claim")
@IdClass(ClaimRow.Key.class)
public class ClaimRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Id
  @Column(name = "rule_id", length = 64, nullable = false)
  private @Nullable String ruleId;

  @Column(name = "lease_owner", length = LeaseColumns.OWNER_LENGTH)
  private @Nullable String owner;

  @Column(name = "lease_until")
  private @Nullable Instant leaseUntil;

  @Column(name = "claimed_activity")
  private @Nullable Instant claimedActivity;

  @Column(name = "processed_activity")
  private @Nullable Instant processedActivity;

  /** For JPA. */
  protected ClaimRow() {}

  /** Returns whether a sweep other than {@code other} holds the claim at {@code now}. */
  public boolean heldAgainst(String other, Instant now) {
    return owner != null && !owner.equals(other) && leaseUntil != null && leaseUntil.isAfter(now);
  }

  /** Returns whether {@code owner} holds the claim, whether or not its lease has ended. */
  public boolean heldBy(String other) {
    return other.equals(owner);
  }

  /** Returns the activity the claim was made at, or {@code null} when none is held. */
  public @Nullable Instant claimedActivity() {
    return claimedActivity;
  }

  /** Returns the activity the rule last processed the subject at, or {@code null}. */
  public @Nullable Instant processedActivity() {
    return processedActivity;
  }

  /** The composite primary key (tenant, subject, rule). */
  public record Key(@Nullable String tenant, @Nullable String subject, @Nullable String ruleId)
      implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null, null);
    }
  }
}
