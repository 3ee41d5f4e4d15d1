package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.jpa.internal.JsonText;
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
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_consent_event}: an entry of the append-only consent ledger (Art. 7(1)), at its place in the
 * subject's ledger ({@code position}, the append order over every purpose) and its purpose's ({@code sequence}).
 *
 * <p>The unique key (tenant, subject, purpose, sequence) refuses a second event at the same place of a purpose's
 * ledger, whatever wrote it; the proof is JSON text, since no query reads inside it.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprConsentEvent")
@Table(name = "gdpr_consent_event")
@IdClass(ConsentEventRow.Key.class)
public class ConsentEventRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "subject", length = 128, nullable = false)
  private @Nullable String subject;

  @Id
  @Column(name = "position", nullable = false)
  private @Nullable Long position;

  @Column(name = "purpose", length = 64, nullable = false)
  private @Nullable String purpose;

  @Column(name = "sequence_number", nullable = false)
  private long sequence;

  @Column(name = "event_id", length = 36, nullable = false)
  private @Nullable String eventId;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", length = 24, nullable = false)
  private @Nullable ConsentEventType type;

  @Column(name = "occurred_at", nullable = false)
  private @Nullable Instant occurredAt;

  @Column(name = "recorded_at", nullable = false)
  private @Nullable Instant recordedAt;

  @Column(name = "expires_at")
  private @Nullable Instant expiresAt;

  @Column(name = "notice_version", length = 64, nullable = false)
  private @Nullable String noticeVersion;

  @Column(name = "proof", length = JsonText.MAX_LENGTH, nullable = false)
  private @Nullable String proof;

  /** For JPA. */
  protected ConsentEventRow() {}

  /** Returns a row holding {@code event} at {@code position} of its subject's ledger. */
  public static ConsentEventRow of(ConsentEvent event, long position) {
    ConsentEventRow row = new ConsentEventRow();
    row.tenant = event.subject().tenant().value();
    row.subject = event.subject().value();
    row.position = position;
    row.purpose = event.purpose();
    row.sequence = event.sequence();
    row.eventId = event.id().toString();
    row.type = event.type();
    row.occurredAt = event.occurredAt();
    row.recordedAt = event.recordedAt();
    row.expiresAt = event.expiresAt();
    row.noticeVersion = event.noticeVersion();
    row.proof = ConsentCodec.proof(event.proof());
    return row;
  }

  /** Returns the event this row holds. */
  public ConsentEvent toEvent() {
    return new ConsentEvent(UUID.fromString(eventId), new SubjectId(TenantId.of(tenant), subject), purpose, type,
        sequence, occurredAt, recordedAt, ConsentCodec.proof(proof), expiresAt, noticeVersion);
  }

  /** The composite primary key (tenant, subject, position). */
  public record Key(@Nullable String tenant, @Nullable String subject, @Nullable Long position)
      implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null, null);
    }
  }
}
