package io.gdprkit.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Told of the kit's events after the unit of work that published them committed.
 *
 * <p>A listener runs outside every lock and transaction of the operation, so it may be slow or call the kit again;
 * one that throws is logged and affects neither the committed operation nor the other listeners. It is told at most
 * once per event in this JVM; a host that needs at-least-once delivery across crashes reads the transactional outbox
 * of gdpr-jpa instead.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onEvent(event -> log.info("{}", event))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface GdprEventListener {

  /** Handles one event. */
  void on(GdprEvent event);
}
