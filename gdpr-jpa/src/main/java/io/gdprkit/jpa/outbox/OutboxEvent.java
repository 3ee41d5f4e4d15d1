package io.gdprkit.jpa.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * An event as the outbox holds it and the relay hands it on: Debezium's outbox fields, so a message looks the same
 * whether it came through the polling relay or through change data capture.
 *
 * <p>Usage example: <pre>{@code relay.relayOnce(100); // sink receives OutboxEvent(id, "subject", pseudonym, "ConsentWithdrawn", json, ...)}</pre>
 *
 * @param id the event's unique id, for consumers to drop duplicates (delivery is at least once)
 * @param aggregateType {@code subject} when the event is about one subject, else {@code tenant}
 * @param aggregateId the subject's pseudonym, or the tenant id; the message key that keeps one subject's events in
 *     order on a partitioned broker
 * @param type the event's type, such as {@code ConsentWithdrawn}
 * @param payload the event as a JSON object, subjects named by pseudonym
 * @param tenant the tenant it happened in
 * @param createdAt when it happened
 * @param sequence the row's place in the outbox, increasing in commit-independent insert order
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record OutboxEvent(UUID id, String aggregateType, String aggregateId, String type, String payload,
    String tenant, Instant createdAt, long sequence) {

  /** Validates the fields. */
  public OutboxEvent {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(aggregateType, "aggregate type");
    Preconditions.notBlank(aggregateId, "aggregate id");
    Preconditions.notBlank(type, "type");
    Preconditions.notNull(payload, "payload");
    Preconditions.notBlank(tenant, "tenant");
    Preconditions.notNull(createdAt, "created at");
  }

  /** Returns the type, ids and time, never the payload: safe to log. */
  @Override
  public String toString() {
    return "OutboxEvent[id=" + id + ", type=" + type + ", aggregateType=" + aggregateType + ", createdAt=" + createdAt
        + ", sequence=" + sequence + "]";
  }
}
