package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.spring.events.EventInbox;
import io.gdprkit.spring.events.ReceivedEvent;
import io.gdprkit.spring.events.RemoteEventApplier;
import java.time.Clock;
import java.util.UUID;
import org.apiguardian.api.API;

/** The inbox in {@code gdpr_event_inbox}, written in the kit's JPA unit of work. */
@API(status = INTERNAL, since = "0.2")
public final class JpaEventInbox implements EventInbox {

  private final JpaTransactions transactions;
  private final Clock clock;

  /** Creates the inbox on the kit's transactions. */
  public JpaEventInbox(JpaTransactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public boolean contains(UUID id) {
    return transactions.inStoreTransaction(() -> !transactions.entityManager()
        .createNativeQuery("select 1 from gdpr_event_inbox where event_id = ?")
        .setParameter(1, id.toString())
        .getResultList().isEmpty());
  }

  @Override
  public void record(ReceivedEvent event, RemoteEventApplier.Outcome outcome) {
    transactions.useStoreTransaction(() -> transactions.entityManager()
        .createNativeQuery("insert into gdpr_event_inbox (event_id, source, type, outcome, received_at)"
            + " values (?, ?, ?, ?, ?)")
        .setParameter(1, event.id().toString())
        .setParameter(2, event.source())
        .setParameter(3, event.type())
        .setParameter(4, outcome.name())
        .setParameter(5, clock.instant())
        .executeUpdate());
  }
}
