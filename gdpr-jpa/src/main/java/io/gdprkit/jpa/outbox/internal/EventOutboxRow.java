package io.gdprkit.jpa.outbox.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_event_outbox}, in the column layout of Debezium's outbox event router ({@code id},
 * {@code aggregatetype}, {@code aggregateid}, {@code type}, {@code payload}) plus what the polling relay needs
 * ({@code seq} for order, {@code tenant}, {@code created_at}), so a host can switch from polling to change data
 * capture without a migration.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprEventOutbox")
@Table(name = "gdpr_event_outbox")
public class EventOutboxRow {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  /** Filled by the database (an identity column), in insert order. */
  @Column(name = "seq", nullable = false, insertable = false, updatable = false)
  private long seq;

  @Column(name = "aggregatetype", length = 64, nullable = false)
  private @Nullable String aggregateType;

  @Column(name = "aggregateid", length = 128, nullable = false)
  private @Nullable String aggregateId;

  @Column(name = "type", length = 128, nullable = false)
  private @Nullable String type;

  @Column(name = "payload", length = 65_535, nullable = false)
  private @Nullable String payload;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "created_at", nullable = false)
  private @Nullable Instant createdAt;

  /** For JPA. */
  protected EventOutboxRow() {}
}
