package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.subject.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable audit appends on PostgreSQL from two threads (issue 11), through the kit against a bare JDBC batch insert
 * of the same rows.
 *
 * <p>{@code kit}: two threads call {@code gdpr.audit().record(..)} ({@code batch} 1) or {@code recordAll(..)} of
 * {@code batch} records, outside any unit of work, on a kit whose audit trail is {@link JpaAuditOutbox},
 * {@link JpaAuditStore} and {@link JpaCheckpointStore}: each call commits its records to the outbox and returns once
 * the drain after that commit chained them into {@code gdpr_audit_entry} and moved the chain head (checkpoints as
 * the kit's default policy signs them). {@code jdbc}: two threads insert rows of the same layout, the same encoded
 * entry bytes and hash sizes, into {@code bench_audit_entry} (created {@code like gdpr_audit_entry}), {@code batch}
 * rows a transaction in one JDBC batch, and commit. Every commit is durable ({@code synchronous_commit} on). Both
 * sides run at the same time in one fork and score records per second; both pools are HikariCP with {@value #POOL}
 * connections. Target: kit ≥ 0.8 × jdbc.
 *
 * <p>Run (PostgreSQL at 127.0.0.1:5432, user postgres, database test; schema {@code gdpr_kit_bench}): <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * flock /tmp/jmh.lock java -jar gdpr-benchmarks/target/benchmarks.jar JpaAuditBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaAuditBenchmark {

  static final int POOL = 4;
  static final TenantId TENANT = AuditBenchmark.TENANT;

  /** The database, the kit on it, and the records both sides write. */
  @State(Scope.Benchmark)
  public static class Database {
    @Param({"1", "16"})
    int batch;

    /**
     * When records are chained: {@code AFTER_COMMIT} on the caller's thread (two durable commits per call), or
     * {@code BACKGROUND} (the call returns once its outbox row is durable; a daemon chains it).
     */
    @Param({"AFTER_COMMIT", "BACKGROUND"})
    String drain;

    PostgresBench db;
    GdprKit gdpr;
    AuditRecord[] records;
    /** The bytes and hash of each record's entry as the kit's chain encodes it, which the baseline inserts. */
    byte[][] bytes;
    byte[][] hashes;
    final AtomicLong positions = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
      db = PostgresBench.start(POOL);
      db.execute("create table bench_audit_entry (like gdpr_audit_entry including all)");
      gdpr = GdprKit.builder()
          .transactions(db.transactions)
          .auditStore(new JpaAuditStore(db.transactions))
          .checkpointStore(new JpaCheckpointStore(db.transactions))
          .auditOutbox(new JpaAuditOutbox(db.transactions))
          .auditDrain(AuditDrain.valueOf(drain))
          .allowGeneratedKeys()
          .build();
      records = AuditBenchmark.records();
      GdprKit encoder = GdprKit.builder().build();
      bytes = new byte[records.length][];
      hashes = new byte[records.length][];
      for (int i = 0; i < records.length; i++) {
        AuditEntry entry = encoder.audit().append(records[i]);
        EncodedEntry encoded = EncodedEntry.of(entry);
        bytes[i] = encoded.bytes();
        hashes[i] = encoded.hash().toByteArray();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      gdpr.audit().drainAll(); // what the background left, unmeasured
      if (gdpr.audit().waiting(TENANT) != 0) {
        throw new IllegalStateException("records left in the outbox: the drains did not keep up");
      }
      if (!gdpr.audit().verify(TENANT).intact()) {
        throw new IllegalStateException("the chain written does not verify");
      }
      db.close();
    }
  }

  /** Each thread's place in the records, and its batch as a list for {@code recordAll}. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    List<AuditRecord> batch(Database database) {
      int from = next & 1_023;
      next += database.batch;
      int to = from + database.batch;
      return to <= 1_024 ? Arrays.asList(database.records).subList(from, to)
          : Arrays.asList(database.records).subList(0, database.batch);
    }
  }

  @Benchmark
  @Group("appends")
  @GroupThreads(2)
  public void kit(Database database, Cursor cursor) {
    if (database.batch == 1) {
      database.gdpr.audit().record(database.records[cursor.next++ & 1_023]);
    } else {
      database.gdpr.audit().recordAll(cursor.batch(database));
    }
  }

  @Benchmark
  @Group("appends")
  @GroupThreads(2)
  public void jdbc(Database database, Cursor cursor) throws SQLException {
    try (Connection connection = database.db.jdbcPool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("insert into bench_audit_entry"
          + " (tenant, position, entry_at, hash, bytes) values (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < database.batch; i++) {
          int record = cursor.next++ & 1_023;
          insert.setString(1, TENANT.value());
          insert.setLong(2, database.positions.getAndIncrement());
          insert.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
          insert.setBytes(4, database.hashes[record]);
          insert.setBytes(5, database.bytes[record]);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
