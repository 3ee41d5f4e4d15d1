package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.spring.events.internal.InMemoryEventInbox;
import org.apiguardian.api.API;

/**
 * The ids of the events this system received and applied, kept durably so that a redelivered event changes nothing:
 * a withdrawal that arrives again after the subject consented anew must not withdraw the new consent.
 *
 * <p>Both methods run inside the unit of work the {@link RemoteEventApplier} opens, so an event's id commits with
 * the change it caused or not at all.
 *
 * <p>Usage example: <pre>{@code if (!inbox.contains(event.id())) { apply(event); inbox.record(event, "APPLIED"); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface EventInbox {

  /** Returns an inbox in this JVM's memory, for an in-memory kit: it forgets everything at restart. */
  static EventInbox inMemory() {
    return new InMemoryEventInbox();
  }

  /** Returns whether the event with this id was recorded. */
  boolean contains(java.util.UUID id);

  /**
   * Records that the event was handled, with what came of it.
   *
   * @throws RuntimeException if it was recorded already (a concurrent delivery): the unit of work rolls back and the
   *     transport delivers it again, to find it recorded
   */
  void record(ReceivedEvent event, RemoteEventApplier.Outcome outcome);
}
