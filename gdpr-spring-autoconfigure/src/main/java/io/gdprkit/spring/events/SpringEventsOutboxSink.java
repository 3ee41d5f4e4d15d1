package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.jpa.outbox.OutboxEvent;
import io.gdprkit.jpa.outbox.OutboxSink;
import java.util.Objects;
import org.apiguardian.api.API;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each relayed outbox event as a Spring application event of type {@link OutboxEvent}, so that a host's
 * {@code @EventListener} follows exactly what the kit committed, at least once (deduplicate by {@code id()}).
 *
 * <p>Usage example: <pre>{@code @EventListener void on(OutboxEvent e) { if (e.type().equals("ConsentWithdrawn")) stop(e.aggregateId()); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SpringEventsOutboxSink implements OutboxSink {

  private final ApplicationEventPublisher publisher;

  /** Creates the sink on the application context's publisher. */
  public SpringEventsOutboxSink(ApplicationEventPublisher publisher) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** Publishes the event; a listener that throws leaves it in the outbox, to be relayed again. */
  @Override
  public void send(OutboxEvent event) {
    publisher.publishEvent(event);
  }
}
