package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the append-only consent ledger of a subject and purpose.
 *
 * <p>Events are never changed or removed (until the subject is erased); the current state is their
 * fold, {@link ConsentState#fold}. {@code sequence} numbers a subject-and-purpose's events from 1
 * without gaps, which is how stores detect two writers racing.
 *
 * <p>Usage example: <pre>{@code for (ConsentEvent e : gdpr.consents().history(alice)) print(e.type(), e.occurredAt());}</pre>
 *
 * @param id unique id of the event
 * @param subject whose consent it is
 * @param purpose the purpose's id
 * @param type what happened
 * @param sequence position in this subject-and-purpose's ledger, from 1
 * @param occurredAt when it happened; earlier than {@code recordedAt} for imported consents
 * @param recordedAt when the kit recorded it, from its clock
 * @param proof the evidence
 * @param expiresAt when a granted or confirmed consent expires, or {@code null} for never
 * @param noticeVersion the purpose's notice version when the event was recorded
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record ConsentEvent(
    UUID id,
    SubjectId subject,
    String purpose,
    ConsentEventType type,
    long sequence,
    Instant occurredAt,
    Instant recordedAt,
    ConsentProof proof,
    @Nullable Instant expiresAt,
    String noticeVersion) {

  /** Validates every field. */
  public ConsentEvent {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(type, "type");
    Preconditions.check(sequence >= 1, "sequence", "must be at least 1");
    Preconditions.notNull(occurredAt, "occurredAt");
    Preconditions.notNull(recordedAt, "recordedAt");
    Preconditions.notNull(proof, "proof");
    Preconditions.notBlank(noticeVersion, "notice version");
    if (expiresAt != null) {
      Preconditions.check(type == ConsentEventType.GRANTED || type == ConsentEventType.CONFIRMED, "expiresAt",
          "applies only to GRANTED and CONFIRMED events");
      Preconditions.check(expiresAt.isAfter(occurredAt), "expiresAt", "must be after occurredAt");
    }
  }
}
