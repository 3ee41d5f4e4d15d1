package io.gdprkit.jpa.gpc.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.subject.SubjectId;
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
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_gpc_signal}: a subject's Global Privacy Control signal record, keyed by its place in the
 * subject's history.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprGpcSignal")
@Table(name = "gdpr_gpc_signal")
@IdClass(GpcSignalRow.Key.class)
public class GpcSignalRow {

  /** The columns of an insert, in the order of {@link #values(GpcSignalRecord)}. */
  public static final String[] COLUMNS = {"tenant", "subject", "seq", "received_at", "source", "origin",
      "user_agent_hash", "withdrawn", "objected"};

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Id
  @Column(name = "seq", nullable = false)
  private long sequence;

  @Column(name = "received_at", nullable = false)
  private @Nullable Instant receivedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", length = 32, nullable = false)
  private GpcSignal.@Nullable Source source;

  @Column(name = "origin", length = 200)
  private @Nullable String origin;

  @Column(name = "user_agent_hash", length = 200)
  private @Nullable String userAgentHash;

  /** JSON text, see {@link GpcJson}. */
  @Column(name = "withdrawn", length = 65_535, nullable = false)
  private @Nullable String withdrawn;

  /** JSON text, see {@link GpcJson}. */
  @Column(name = "objected", length = 65_535, nullable = false)
  private @Nullable String objected;

  /** For JPA. */
  protected GpcSignalRow() {}

  /** Returns the values of {@link #COLUMNS} for {@code record}, nulls where absent. */
  public static Object[] values(GpcSignalRecord record) {
    return new Object[] {record.subject().tenant().value(), record.subject().value(), record.sequence(),
        record.receivedAt(), record.source().name(), record.origin(), record.userAgentHash(),
        GpcJson.purposes(record.withdrawn()), GpcJson.purposes(record.objected())};
  }

  /** Returns the record this row holds. */
  public GpcSignalRecord toRecord() {
    return new GpcSignalRecord(new SubjectId(TenantId.of(tenant), subject), sequence, receivedAt, source, origin,
        userAgentHash, GpcJson.purposes(withdrawn, "withdrawn"), GpcJson.purposes(objected, "objected"));
  }

  /** The composite primary key (tenant, subject, sequence). */
  public record Key(@Nullable String tenant, @Nullable String subject, long sequence) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null, 0);
    }
  }
}
