package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Thrown when another system's event can never be applied here, such as a payload without a subject: delivering it
 * again would fail again, so a transport parks it in its dead-letter queue for a person to look at.
 *
 * <p>Usage example: <pre>{@code catch (UnappliableEventException e) { throw new AmqpRejectAndDontRequeueException(e); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class UnappliableEventException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final UUID eventId;
  private final String type;

  private UnappliableEventException(UUID eventId, String type, String message) {
    super(message);
    this.eventId = eventId;
    this.type = type;
  }

  /** Returns the exception for {@code event}, which {@code problem} explains; names no subject. */
  public static UnappliableEventException of(ReceivedEvent event, String problem) {
    return new UnappliableEventException(event.id(), event.type(), "Event " + event.id() + " (" + event.type()
        + ") from " + event.source() + " cannot be applied: " + problem
        + ". It goes to the dead-letter queue; fix the sending system or apply it by hand.");
  }

  /** Returns the event's id. */
  public UUID eventId() {
    return eventId;
  }

  /** Returns the event's type. */
  public String type() {
    return type;
  }
}
