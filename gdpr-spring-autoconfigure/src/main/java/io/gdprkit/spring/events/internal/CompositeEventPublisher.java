package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import java.util.List;
import org.apiguardian.api.API;

/** Hands each event to every publisher in order, in the unit of work; the first that throws rolls it back. */
@API(status = INTERNAL, since = "0.2")
public final class CompositeEventPublisher implements GdprEventPublisher {

  private final List<GdprEventPublisher> publishers;

  /** Creates the composite. */
  public CompositeEventPublisher(List<GdprEventPublisher> publishers) {
    this.publishers = List.copyOf(publishers);
  }

  @Override
  public void publish(GdprEvent event) {
    for (GdprEventPublisher publisher : publishers) {
      publisher.publish(event);
    }
  }
}
