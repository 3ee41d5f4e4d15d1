package io.gdprkit.jpa.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.jpa.internal.Json;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_erasure_job}: a pending job, with what its claims query (subject, parent, creation time,
 * version, lease) in columns and what its run recorded as JSON.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprErasureJob")
@Table(name = "gdpr_erasure_job")
public class ErasureJobRow {

  /** The table. */
  public static final String TABLE = "gdpr_erasure_job";

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "parent", length = 36)
  private @Nullable String parent;

  @Column(name = "created_at", nullable = false)
  private @Nullable Instant createdAt;

  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "lease_owner", length = 255)
  private @Nullable String leaseOwner;

  @Column(name = "lease_until")
  private @Nullable Instant leaseUntil;

  @Column(name = "payload", length = Json.MAX_LENGTH, nullable = false)
  private @Nullable String payload;

  /** For JPA. */
  protected ErasureJobRow() {}

  /** Returns the columns of a row holding {@code job}, as stored at its version. */
  public static Map<String, @Nullable Object> columns(ErasureJob job) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("id", job.id().toString());
    row.put("tenant", job.subject().tenant().value());
    row.put("subject", job.subject().value());
    row.put("parent", job.parent() == null ? null : job.parent().toString());
    row.put("created_at", job.createdAt());
    row.put("version", job.version());
    row.put("lease_owner", job.lease() == null ? null : job.lease().owner());
    row.put("lease_until", job.lease() == null ? null : job.lease().until());
    row.put("payload", ErasureJson.job(job));
    return row;
  }

  /** Returns the stored version. */
  public long version() {
    return version;
  }

  /** Returns the job this row holds. */
  public ErasureJob toJob() {
    ErasureJob.Lease lease = leaseOwner == null || leaseUntil == null ? null
        : new ErasureJob.Lease(leaseOwner, leaseUntil);
    return ErasureJson.job(UUID.fromString(id), new SubjectId(TenantId.of(tenant), subject),
        parent == null ? null : UUID.fromString(parent), createdAt, version, lease, payload);
  }
}
