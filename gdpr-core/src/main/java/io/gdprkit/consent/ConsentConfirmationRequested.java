package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A double opt-in was requested; the consent is pending until the subject confirms.
 *
 * <p>Usage example: <pre>{@code if (event instanceof ConsentConfirmationRequested r) metrics.pending(r.purpose());}</pre>
 *
 * @param subject whose consent it is
 * @param purpose the purpose's id
 * @param eventId the ledger event's id
 * @param sequence the ledger event's sequence
 * @param recordedBy who recorded it
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConsentConfirmationRequested(SubjectId subject, String purpose, UUID eventId, long sequence,
    Actor recordedBy,
    Instant occurredAt) implements ConsentChanged {

  /** Checks that no field is missing. */
  public ConsentConfirmationRequested {
    ConsentChanges.requireFields(subject, purpose, eventId, recordedBy, occurredAt);
  }

  @Override
  public ConsentEventType type() {
    return ConsentEventType.PENDING_CONFIRMATION;
  }
}
