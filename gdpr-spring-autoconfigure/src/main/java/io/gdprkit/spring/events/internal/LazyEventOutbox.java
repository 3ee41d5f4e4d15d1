package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprKit;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.outbox.JpaEventOutbox;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * gdpr-jpa's outbox, made at the first event: it names subjects with the kit's pseudonym key, and the kit is built
 * with the outbox as its publisher, so the key can only be read once the kit exists.
 */
@API(status = INTERNAL, since = "0.2")
public final class LazyEventOutbox implements GdprEventPublisher {

  private final JpaTransactions transactions;
  private final Supplier<GdprKit> kit;
  private volatile @Nullable JpaEventOutbox outbox;

  /** Creates the outbox on the kit's transactions. */
  public LazyEventOutbox(JpaTransactions transactions, Supplier<GdprKit> kit) {
    this.transactions = transactions;
    this.kit = kit;
  }

  @Override
  public void publish(GdprEvent event) {
    JpaEventOutbox current = outbox;
    if (current == null) {
      current = new JpaEventOutbox(transactions, kit.get().pseudonymKey());
      outbox = current;
    }
    current.publish(event);
  }
}
