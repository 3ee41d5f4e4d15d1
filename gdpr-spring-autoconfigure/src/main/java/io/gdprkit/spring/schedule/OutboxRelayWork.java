package io.gdprkit.spring.schedule;

import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.spring.events.EventBrokerUnavailableException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

/** The outbox relay's batches, kept apart so that nothing loads gdpr-jpa's classes when it is not there. */
final class OutboxRelayWork {

  private OutboxRelayWork() {}

  /**
   * Returns work that relays one batch through every {@link EventOutboxRelay} bean (whoever defines them: the sink
   * is the host's, or the event relay's of this starter), or null when there is none. An unreachable broker ends the
   * batch as unreachable, so that the job backs off instead of failing.
   */
  static @Nullable BatchWork of(BeanFactory beans) {
    List<EventOutboxRelay> relays = beans.getBeanProvider(EventOutboxRelay.class).orderedStream().toList();
    if (relays.isEmpty()) {
      return null;
    }
    return new BatchWork() {
      @Override
      public Batch run(int batchSize) {
        long relayed = 0;
        boolean more = false;
        for (EventOutboxRelay relay : relays) {
          int sent;
          try {
            sent = relay.relayOnce(Math.min(batchSize, EventOutboxRelay.MAX_BATCH));
          } catch (EventBrokerUnavailableException e) {
            return new Batch(relayed, 0, false, e.broker(), e.getClass().getName());
          }
          relayed += sent;
          more |= sent == batchSize;
        }
        return new Batch(relayed, 0, more);
      }

      @Override
      public boolean idle() {
        return relays.stream().allMatch(relay -> relay.backlog(Duration.ZERO).waiting() == 0);
      }
    };
  }
}
