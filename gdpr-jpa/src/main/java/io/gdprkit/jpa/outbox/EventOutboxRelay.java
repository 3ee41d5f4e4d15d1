package io.gdprkit.jpa.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.HostCodeException;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Polls {@code gdpr_event_outbox} and hands its events to an {@link OutboxSink}, from any number of instances.
 *
 * <p>A relay claims the oldest rows with {@code SELECT … FOR UPDATE SKIP LOCKED}, sends them in order, and deletes
 * them, all in one transaction: two instances never claim the same row, a sink that throws leaves the batch for the
 * next poll, and an instance that dies mid-batch releases its rows with its connection. Delivery is therefore at
 * least once: a crash after the sink accepted an event and before the commit sends it again, which is why events
 * carry a unique id. Batches are bounded, so finished rows are deleted a batch at a time.
 *
 * <p>Order: one relay sends in insert order; several relays may interleave the batches of one subject. A consumer that
 * needs one subject's events in order keys its broker partition by {@link OutboxEvent#aggregateId()} and compares
 * {@link OutboxEvent#sequence()}.
 *
 * <p>Usage example: <pre>{@code scheduler.scheduleWithFixedDelay(() -> relay.relayAll(100, 10), 1, 1, SECONDS);}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class EventOutboxRelay {

  /** The most rows one batch may claim. */
  public static final int MAX_BATCH = 1_000;

  private final JpaTransactions transactions;
  private final OutboxSink sink;
  private final Clock clock;

  /** Creates a relay that sends to {@code sink}. */
  public EventOutboxRelay(JpaTransactions transactions, OutboxSink sink, Clock clock) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
    this.sink = Preconditions.notNull(sink, "sink");
    this.clock = Preconditions.notNull(clock, "clock");
  }

  /**
   * Relays one batch: claims up to {@code limit} of the oldest rows no other relay holds, sends them, deletes them.
   *
   * @return how many events were relayed
   * @throws HostCodeException if the sink threw; the batch stays in the outbox
   * @throws GdprException as the sink threw it, when the sink is gdpr-kit's own (its messages hold no personal data,
   *     and its type says what went wrong, such as an unreachable broker); the batch stays in the outbox
   */
  public int relayOnce(int limit) {
    Preconditions.check(limit >= 1 && limit <= MAX_BATCH, "limit", "must be between 1 and " + MAX_BATCH);
    return transactions.inTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<OutboxEvent> batch = claim(em, limit);
      for (OutboxEvent event : batch) {
        try {
          sink.send(event);
        } catch (GdprException e) {
          throw e;
        } catch (Exception e) {
          throw HostCodeException.of("the outbox sink", e);
        }
      }
      if (!batch.isEmpty()) {
        em.runWithConnection(connection -> delete((Connection) connection, batch));
      }
      return batch.size();
    });
  }

  /**
   * Relays batches until the outbox is empty or {@code maxBatches} were relayed.
   *
   * @return how many events were relayed
   */
  public int relayAll(int batchSize, int maxBatches) {
    Preconditions.positive(maxBatches, "max batches");
    int relayed = 0;
    for (int i = 0; i < maxBatches; i++) {
      int batch = relayOnce(batchSize);
      relayed += batch;
      if (batch < batchSize) {
        break;
      }
    }
    return relayed;
  }

  /** Returns what waits, counting as stale the rows created more than {@code threshold} ago. */
  public OutboxBacklog backlog(Duration threshold) {
    Preconditions.notNull(threshold, "threshold");
    Instant before = clock.instant().minus(threshold);
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Object[] row = em.createQuery("select count(o), min(o.createdAt) from GdprEventOutbox o", Object[].class)
          .getSingleResult();
      long stale = em.createQuery("select count(o) from GdprEventOutbox o where o.createdAt < :before", Long.class)
          .setParameter("before", before)
          .getSingleResult();
      return new OutboxBacklog((Long) row[0], stale, (Instant) row[1]);
    });
  }

  /**
   * Deletes up to {@code limit} rows created before {@code before}, oldest first, without relaying them: for a host
   * whose change-data-capture reads the rows from the database log, where the rows are done once written.
   *
   * @return how many rows were deleted
   */
  public int purge(Instant before, int limit) {
    Preconditions.notNull(before, "before");
    Preconditions.check(limit >= 1 && limit <= MAX_BATCH, "limit", "must be between 1 and " + MAX_BATCH);
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<OutboxEvent> old = new ArrayList<>();
      for (OutboxEvent event : claim(em, limit)) {
        if (event.createdAt().isBefore(before)) {
          old.add(event);
        }
      }
      if (!old.isEmpty()) {
        em.runWithConnection(connection -> delete((Connection) connection, old));
      }
      return old.size();
    });
  }

  private static List<OutboxEvent> claim(EntityManager em, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select id, aggregatetype, aggregateid, type, payload, tenant,"
            + " created_at, seq from gdpr_event_outbox order by seq limit ? for update skip locked")
        .setParameter(1, limit)
        .getResultList();
    List<OutboxEvent> events = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      events.add(new OutboxEvent(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
          (String) row[3], (String) row[4], (String) row[5], instant(row[6]), ((Number) row[7]).longValue()));
    }
    // H2 may return the rows of a SKIP LOCKED query out of the asked order; the relay's order is the outbox's
    events.sort(java.util.Comparator.comparingLong(OutboxEvent::sequence));
    return events;
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.LocalDateTime local) {
      return local.toInstant(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("an outbox row's created_at came back as " + value.getClass().getName());
  }

  /** Deletes by primary key, one batched statement per row: no gap locks on MariaDB (see JpaAuditOutbox). */
  private static void delete(Connection connection, List<OutboxEvent> events) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("delete from gdpr_event_outbox where id = ?")) {
      for (OutboxEvent event : events) {
        delete.setString(1, event.id().toString());
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }
}
