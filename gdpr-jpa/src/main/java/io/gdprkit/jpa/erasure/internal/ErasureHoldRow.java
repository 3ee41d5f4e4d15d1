package io.gdprkit.jpa.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.spi.ErasureHold;
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
 * One row of {@code gdpr_erasure_hold}: data an erasure kept until a date (Art. 17(3)), with its due date and lease
 * in columns for the claims, its scope as JSON, and a number in the order holds were first saved.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprErasureHold")
@Table(name = "gdpr_erasure_hold")
public class ErasureHoldRow {

  /** The table. */
  public static final String TABLE = "gdpr_erasure_hold";

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  /** Filled by the database (an identity column) when the hold is first saved. */
  @Column(name = "seq", nullable = false, insertable = false, updatable = false)
  private long seq;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Column(name = "erased_at", nullable = false)
  private @Nullable Instant erasedAt;

  @Column(name = "until_at", nullable = false)
  private @Nullable Instant until;

  @Column(name = "lease_owner", length = 255)
  private @Nullable String leaseOwner;

  @Column(name = "lease_until")
  private @Nullable Instant leaseUntil;

  @Column(name = "scope", length = Json.MAX_LENGTH, nullable = false)
  private @Nullable String scope;

  /** For JPA. */
  protected ErasureHoldRow() {}

  /** Returns the columns of a row holding {@code hold}, its number left to the database. */
  public static Map<String, @Nullable Object> columns(ErasureHold hold) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("id", hold.id().toString());
    row.put("tenant", hold.subject().tenant().value());
    row.put("subject", hold.subject().value());
    row.put("erased_at", hold.erasedAt());
    row.put("until_at", hold.until());
    row.put("lease_owner", hold.lease() == null ? null : hold.lease().owner());
    row.put("lease_until", hold.lease() == null ? null : hold.lease().until());
    row.put("scope", ErasureJson.scope(hold.scope()));
    return row;
  }

  /** Returns the hold this row holds. */
  public ErasureHold toHold() {
    ErasureJob.Lease lease = leaseOwner == null || leaseUntil == null ? null
        : new ErasureJob.Lease(leaseOwner, leaseUntil);
    return new ErasureHold(UUID.fromString(id), new SubjectId(TenantId.of(tenant), subject), ErasureJson.scope(scope),
        erasedAt, until, lease);
  }
}
