package io.gdprkit.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Publishes the kit's events inside the unit of work that caused them.
 *
 * <p>Every service publishes through one publisher; the kit's own is handed the events first, records the audit
 * entry in the same unit, and dispatches to listeners after the commit. A host may add its own publisher on the
 * builder, which is called inside the unit too: a transactional outbox (gdpr-jpa's) that writes the event in the same
 * transaction as the change, so a second system follows exactly what was committed.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().eventPublisher(event -> outbox.save(OutboxRow.of(event)))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface GdprEventPublisher {

  /**
   * Publishes {@code event} in the unit of work running on this thread.
   *
   * @throws RuntimeException if the event cannot be recorded; the unit of work then rolls back
   */
  void publish(GdprEvent event);
}
