package io.gdprkit.jpa.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where the relay hands outbox events: the host's message broker (RabbitMQ, Kafka, a webhook).
 *
 * <p>Called inside the transaction that holds the claimed rows; when it throws, the rows stay and are relayed again,
 * so a sink must tolerate seeing an event twice (deduplicate by {@link OutboxEvent#id()}).
 *
 * <p>Usage example: <pre>{@code OutboxSink sink = event -> rabbit.convertAndSend("gdpr", event.type(), event.payload());}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface OutboxSink {

  /** Sends one event; throwing leaves it, and the rest of its batch, in the outbox. */
  void send(OutboxEvent event) throws Exception;
}
