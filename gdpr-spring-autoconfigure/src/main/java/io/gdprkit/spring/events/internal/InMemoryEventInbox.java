package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.spring.events.EventInbox;
import io.gdprkit.spring.events.ReceivedEvent;
import io.gdprkit.spring.events.RemoteEventApplier;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** An inbox in memory, for an in-memory kit. */
@API(status = INTERNAL, since = "0.2")
public final class InMemoryEventInbox implements EventInbox {

  private final Set<UUID> ids = ConcurrentHashMap.newKeySet();

  @Override
  public boolean contains(UUID id) {
    return ids.contains(id);
  }

  @Override
  public void record(ReceivedEvent event, RemoteEventApplier.Outcome outcome) {
    if (!ids.add(event.id())) {
      throw new IllegalStateException("event " + event.id() + " was recorded already");
    }
  }
}
