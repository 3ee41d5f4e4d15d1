package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A consent was granted (Art. 6(1)(a), 7(1)).
 *
 * <p>Usage example: <pre>{@code if (event instanceof ConsentGranted g) crm.optIn(g.subject(), g.purpose());}</pre>
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
public record ConsentGranted(SubjectId subject, String purpose, UUID eventId, long sequence, Actor recordedBy,
    Instant occurredAt) implements ConsentChanged {

  /** Checks that no field is missing. */
  public ConsentGranted {
    ConsentChanges.requireFields(subject, purpose, eventId, recordedBy, occurredAt);
  }

  @Override
  public ConsentEventType type() {
    return ConsentEventType.GRANTED;
  }
}
