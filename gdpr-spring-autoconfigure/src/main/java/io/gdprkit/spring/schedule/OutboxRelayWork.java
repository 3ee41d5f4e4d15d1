package io.gdprkit.spring.schedule;

import io.gdprkit.jpa.outbox.EventOutboxRelay;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

/** The outbox relay's batches, kept apart so that nothing loads gdpr-jpa's classes when it is not there. */
final class OutboxRelayWork {

  private OutboxRelayWork() {}

  /**
   * Returns work that relays one batch through every {@link EventOutboxRelay} bean (whoever defines them: the sink
   * is the host's, or the event relay's of this starter), or null when there is none.
   */
  static @Nullable BatchWork of(BeanFactory beans) {
    List<EventOutboxRelay> relays = beans.getBeanProvider(EventOutboxRelay.class).orderedStream().toList();
    if (relays.isEmpty()) {
      return null;
    }
    return batchSize -> {
      long relayed = 0;
      boolean more = false;
      for (EventOutboxRelay relay : relays) {
        int sent = relay.relayOnce(Math.min(batchSize, EventOutboxRelay.MAX_BATCH));
        relayed += sent;
        more |= sent == batchSize;
      }
      return new BatchWork.Batch(relayed, 0, more);
    };
  }
}
