package io.gdprkit.jpa.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_erasure_tombstone}: an entry of the tombstone journal, keyed by tenant and the subject's
 * pseudonym, with who allowed a new collection and when, if anyone did.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprErasureTombstone")
@Table(name = "gdpr_erasure_tombstone")
@IdClass(TombstoneRow.Key.class)
public class TombstoneRow {

  /** The table. */
  public static final String TABLE = "gdpr_erasure_tombstone";

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "pseudonym", length = 128, nullable = false)
  private @Nullable String pseudonym;

  @Column(name = "erased_at", nullable = false)
  private @Nullable Instant erasedAt;

  @Column(name = "recollection_at")
  private @Nullable Instant recollectionAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "recollection_by_type", length = 16)
  private Actor.@Nullable Type recollectionByType;

  @Column(name = "recollection_by_id", length = 128)
  private @Nullable String recollectionById;

  /** For JPA. */
  protected TombstoneRow() {}

  /** Returns the columns of a row holding {@code tombstone}. */
  public static Map<String, @Nullable Object> columns(Tombstone tombstone) {
    Actor by = tombstone.recollectionAllowedBy();
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("tenant", tombstone.tenant().value());
    row.put("pseudonym", tombstone.subjectPseudonym());
    row.put("erased_at", tombstone.erasedAt());
    row.put("recollection_at", tombstone.recollectionAllowedAt());
    row.put("recollection_by_type", by == null ? null : by.type().name());
    row.put("recollection_by_id", by == null ? null : by.id());
    return row;
  }

  /** Returns the tombstone this row holds. */
  public Tombstone toTombstone() {
    Actor by = recollectionByType == null ? null : new Actor(recollectionByType, recollectionById);
    return new Tombstone(TenantId.of(tenant), pseudonym, erasedAt, recollectionAt, by);
  }

  /** The composite primary key (tenant, pseudonym). */
  public record Key(@Nullable String tenant, @Nullable String pseudonym) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}
