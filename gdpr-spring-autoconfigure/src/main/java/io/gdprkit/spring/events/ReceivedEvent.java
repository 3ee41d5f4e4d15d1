package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * An event another system's kit published, as it arrived here: the outbox's fields plus the sending system's name,
 * whatever the transport (RabbitMQ, a Spring event, a test).
 *
 * <p>Usage example: <pre>{@code applier.apply(new ReceivedEvent(id, "crm", "ConsentWithdrawn", "default", json));}</pre>
 *
 * @param id the event's id, unique across systems: what makes a redelivery recognisable
 * @param source the sending system, as its {@code gdpr.events.source} names it
 * @param type the event's type, such as {@code ConsentWithdrawn}
 * @param tenant the tenant it happened in
 * @param payload the event as a JSON object, subjects named by keyed pseudonym
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ReceivedEvent(UUID id, String source, String type, String tenant, String payload) {

  /** Checks that no field is missing. */
  public ReceivedEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(payload, "payload");
  }

  /** Returns the id, source and type, never the payload: safe to log. */
  @Override
  public String toString() {
    return "ReceivedEvent[id=" + id + ", source=" + source + ", type=" + type + "]";
  }
}
