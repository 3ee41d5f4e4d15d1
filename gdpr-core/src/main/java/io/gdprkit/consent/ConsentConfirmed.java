package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A double opt-in was confirmed; the consent is given from now.
 *
 * <p>Usage example: <pre>{@code if (event instanceof ConsentConfirmed c) crm.optIn(c.subject(), c.purpose());}</pre>
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
public record ConsentConfirmed(SubjectId subject, String purpose, UUID eventId, long sequence, Actor recordedBy,
    Instant occurredAt) implements ConsentChanged {

  /** Checks that no field is missing. */
  public ConsentConfirmed {
    ConsentChanges.requireFields(subject, purpose, eventId, recordedBy, occurredAt);
  }

  @Override
  public ConsentEventType type() {
    return ConsentEventType.CONFIRMED;
  }
}
