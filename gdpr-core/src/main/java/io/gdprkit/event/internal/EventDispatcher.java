package io.gdprkit.event.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventListener;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.transaction.UnitOfWork;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kit's publisher: hands each event to the in-transaction subscribers at once (the audit outbox, a host's
 * transactional outbox), then to the listeners after the unit of work commits.
 *
 * <p>An in-transaction subscriber that throws rolls the operation back; a listener that throws is logged by its
 * class name only and skipped.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EventDispatcher implements GdprEventPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final UnitOfWork unitOfWork;
  private final List<GdprEventPublisher> inTransaction = new CopyOnWriteArrayList<>();
  private final List<GdprEventListener> afterCommit = new CopyOnWriteArrayList<>();

  /** Creates a dispatcher whose after-commit listeners wait for {@code unitOfWork}'s commit. */
  public EventDispatcher(UnitOfWork unitOfWork) {
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
  }

  /** Adds a subscriber called inside the unit of work; its failure rolls the operation back. */
  public EventDispatcher inTransaction(GdprEventPublisher subscriber) {
    inTransaction.add(Preconditions.notNull(subscriber, "subscriber"));
    return this;
  }

  /** Adds a listener called after the commit. */
  public EventDispatcher afterCommit(GdprEventListener listener) {
    afterCommit.add(Preconditions.notNull(listener, "listener"));
    return this;
  }

  @Override
  public void publish(GdprEvent event) {
    Preconditions.notNull(event, "event");
    for (GdprEventPublisher subscriber : inTransaction) {
      subscriber.publish(event);
    }
    if (!afterCommit.isEmpty()) {
      unitOfWork.afterCommit(() -> dispatch(event));
    }
  }

  private void dispatch(GdprEvent event) {
    for (GdprEventListener listener : afterCommit) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed on {}: {}", listener.getClass().getName(), event.getClass().getSimpleName(),
            e.getClass().getName());
      }
    }
  }
}
