package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.jpa.outbox.JpaEventOutbox;
import io.gdprkit.jpa.outbox.OutboxEvent;
import io.gdprkit.jpa.outbox.OutboxSink;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event outbox relay on PostgreSQL (issue 11) against a bare JDBC {@code SELECT … FOR UPDATE SKIP LOCKED} poller
 * doing the same work.
 *
 * <p>Both tables hold the same rows: events the kit published through {@link JpaEventOutbox} (consent grants, with
 * pseudonymous payloads), copied with fresh ids into {@code gdpr_event_outbox} and into {@code bench_event_outbox}
 * ({@code like gdpr_event_outbox}), topped up to {@value #ROWS} rows before every iteration. {@code relay} calls
 * {@link EventOutboxRelay#relayOnce} for {@value #BATCH} events: claim the oldest with {@code SKIP LOCKED} through
 * the entity manager, hand each to the sink, delete them, commit. {@code poller} does the same in plain JDBC on a
 * pooled connection: the same claiming statement, the same {@link OutboxEvent}s to the same kind of sink, a batched
 * delete by id, commit. One thread each, at the same time in one fork; both pools are HikariCP with {@value #POOL}
 * connections; scores are events per second. Target: relay ≥ 0.8 × poller. An iteration that empties either table
 * fails the run rather than count empty polls.
 *
 * <p>Run (PostgreSQL at 127.0.0.1:5432, user postgres, database test; schema {@code gdpr_kit_bench}): <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * flock /tmp/jmh.lock java -jar gdpr-benchmarks/target/benchmarks.jar JpaOutboxBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaOutboxBenchmark {

  static final int POOL = 4;
  static final int BATCH = 100;
  static final int ROWS = 200_000;
  static final int TEMPLATES = 64;
  static final String COLUMNS = "aggregatetype, aggregateid, type, payload, tenant";

  /** A sink that reads what a broker client would: the key, the type and the payload. */
  static final class CountingSink implements OutboxSink {
    long events;
    long chars;

    @Override
    public void send(OutboxEvent event) {
      events++;
      chars += event.aggregateId().length() + event.type().length() + event.payload().length();
    }
  }

  /** Both outbox tables, filled with the same rows, and the relay. */
  @State(Scope.Benchmark)
  public static class Database {
    PostgresBench db;
    EventOutboxRelay relay;
    final CountingSink relaySink = new CountingSink();
    final CountingSink pollerSink = new CountingSink();

    @Setup(Level.Trial)
    public void setUp() {
      db = PostgresBench.start(POOL);
      GdprKit gdpr = GdprKit.builder()
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
          .transactions(db.transactions)
          .consentStore(new JpaConsentStore(db.transactions))
          .eventPublisher(new JpaEventOutbox(db.transactions, PseudonymKey.generate()))
          .allowGeneratedKeys()
          .build();
      for (int i = 0; i < TEMPLATES; i++) {
        gdpr.consents().grant(SubjectId.of("contact-" + i), "newsletter", ConsentProof.webForm("signup", "v3").build());
      }
      db.execute("create table bench_outbox_template as select " + COLUMNS + " from gdpr_event_outbox",
          "delete from gdpr_event_outbox",
          "create table bench_event_outbox (like gdpr_event_outbox including all)");
      relay = new EventOutboxRelay(db.transactions, relaySink, Clock.systemUTC());
    }

    /** Tops both tables up to the same number of rows, copies of the templates, in insert order. */
    @Setup(Level.Iteration)
    public void topUp() {
      for (String table : List.of("gdpr_event_outbox", "bench_event_outbox")) {
        long missing = ROWS - count(table);
        if (missing > 0) {
          db.execute("insert into " + table + " (id, " + COLUMNS + ", created_at) select gen_random_uuid()::text, "
              + COLUMNS + ", now() from bench_outbox_template, generate_series(1, "
              + (missing + TEMPLATES - 1) / TEMPLATES + ")", "analyze " + table);
        }
      }
    }

    @TearDown(Level.Iteration)
    public void neverEmpty() {
      for (String table : List.of("gdpr_event_outbox", "bench_event_outbox")) {
        if (count(table) < BATCH) {
          throw new IllegalStateException(table + " ran empty: raise ROWS, the figures would count empty polls");
        }
      }
    }

    private long count(String table) {
      try (Connection connection = db.jdbcPool.getConnection(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
        rows.next();
        return rows.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      db.close();
    }
  }

  @Benchmark
  @Group("relaying")
  @GroupThreads(1)
  @OperationsPerInvocation(BATCH)
  public int relay(Database database) {
    return database.relay.relayOnce(BATCH);
  }

  @Benchmark
  @Group("relaying")
  @GroupThreads(1)
  @OperationsPerInvocation(BATCH)
  public int poller(Database database) throws Exception {
    try (Connection connection = database.db.jdbcPool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<OutboxEvent> batch = new ArrayList<>(BATCH);
        try (PreparedStatement claim = connection.prepareStatement("select id, aggregatetype, aggregateid, type,"
            + " payload, tenant, created_at, seq from bench_event_outbox order by seq limit ? for update skip locked")) {
          claim.setInt(1, BATCH);
          try (ResultSet rows = claim.executeQuery()) {
            while (rows.next()) {
              batch.add(new OutboxEvent(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getString(3),
                  rows.getString(4), rows.getString(5), rows.getString(6),
                  rows.getObject(7, OffsetDateTime.class).toInstant(), rows.getLong(8)));
            }
          }
        }
        for (OutboxEvent event : batch) {
          database.pollerSink.send(event);
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from bench_event_outbox where id = ?")) {
          for (OutboxEvent event : batch) {
            delete.setString(1, event.id().toString());
            delete.addBatch();
          }
          delete.executeBatch();
        }
        connection.commit();
        return batch.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
