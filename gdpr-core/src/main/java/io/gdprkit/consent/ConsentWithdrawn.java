package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A consent was withdrawn (Art. 7(3)); processing on it must stop.
 *
 * <p>Usage example: <pre>{@code if (event instanceof ConsentWithdrawn w) mailingList.remove(w.subject(), w.purpose());}</pre>
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
public record ConsentWithdrawn(SubjectId subject, String purpose, UUID eventId, long sequence, Actor recordedBy,
    Instant occurredAt) implements ConsentChanged {

  /** Checks that no field is missing. */
  public ConsentWithdrawn {
    ConsentChanges.requireFields(subject, purpose, eventId, recordedBy, occurredAt);
  }

  @Override
  public ConsentEventType type() {
    return ConsentEventType.WITHDRAWN;
  }
}
