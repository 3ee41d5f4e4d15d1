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
 * One row of {@code gdpr_retention_activity}: a subject's last activity, from which its retention periods run
 * (Art. 5(1)(e)). Claims and completions read it with a shared lock and an erasure deletes it first, so an erasure
 * and a sweep of the same subject take turns on this row.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprRetentionActivity")
@Table(name = "gdpr_retention_activity")
@IdClass(ActivityRow.Key.class)
public class ActivityRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "last_activity", nullable = false)
  private @Nullable Instant lastActivity;

  /** For JPA. */
  protected ActivityRow() {}

  /** The composite primary key (tenant, subject). */
  public record Key(@Nullable String tenant, @Nullable String subject) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}
