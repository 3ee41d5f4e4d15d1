package io.gdprkit.jpa.instances;

import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The test side of the issue 11 instance tests: one PostgreSQL schema, a kit in the test's JVM that seeds subjects
 * and checks the outcome, and kit instances in JVMs of their own ({@link ErasureWorker}) that it starts, kills and
 * waits for.
 */
final class Fleet implements AutoCloseable {

  private static final int SEED_CHUNK = 20;
  private static final int SEED_POOL = 6;

  private final TestDatabase database;
  private final SharedKit seeder;
  private final Path logs;
  private final List<Worker> started = new ArrayList<>();

  private Fleet(TestDatabase database, SharedKit seeder, Path logs) {
    this.database = database;
    this.seeder = seeder;
    this.logs = logs;
  }

  /**
   * Empties the kit's tables and creates the host's on {@code database}; skips the test when the database is not
   * reachable (fails it where {@value TestDatabase#REQUIRED} is set).
   */
  static Fleet on(TestDatabase database, String name) {
    database.transactions(); // skips or fails here when the server is unreachable
    database.clean();
    try (Connection connection = DriverManager.getConnection(database.schemaJdbcUrl(), database.user(),
        database.password())) {
      HostContacts.createTables(connection);
      Path logs = Path.of("target", "instance-logs", name);
      Files.createDirectories(logs);
      return new Fleet(database, SharedKit.connect(database.schemaJdbcUrl(), database.user(), database.password(),
          "test-jvm", Duration.ofSeconds(2), SEED_POOL), logs);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the host's tables", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the kit in the test's JVM. */
  SharedKit kit() {
    return seeder;
  }

  /** Returns {@code count} subject ids {@code prefix-00000}, … in id order. */
  static List<SubjectId> subjects(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> SubjectId.of(prefix + String.format("-%05d", i))).toList();
  }

  /**
   * Gives each subject, through the kit, what an erasure must remove: a consent, a source tag, a data key (its name is
   * encrypted under it), and the host's contact and note rows; with a last activity if {@code lastActivity} is given,
   * and a pending erasure job (queued, held by no instance) if {@code queue}. Twenty subjects share a transaction of
   * the host's, which the kit's operations join, and five such transactions run at once.
   */
  void seed(List<SubjectId> subjects, @Nullable Instant lastActivity, boolean queue) {
    ConsentProof proof = ConsentProof.webForm("signup", "v1").build();
    Instant created = Instant.parse("2024-01-15T10:00:00Z");
    Clock clock = Clock.systemUTC();
    List<List<SubjectId>> chunks = new ArrayList<>();
    for (int from = 0; from < subjects.size(); from += SEED_CHUNK) {
      chunks.add(subjects.subList(from, Math.min(subjects.size(), from + SEED_CHUNK)));
    }
    // A few transactions at once: seeding waits on the database's round trips, not on this JVM.
    ExecutorService pool = Executors.newFixedThreadPool(SEED_POOL - 1);
    try {
      List<Future<?>> seeding = new ArrayList<>();
      for (List<SubjectId> chunk : chunks) {
        seeding.add(pool.submit(() -> seeder.transactions().useTransaction(() -> {
          for (SubjectId subject : chunk) {
            seeder.gdpr().consents().grant(subject, SharedKit.NEWSLETTER, proof);
            seeder.gdpr().sources().tag(subject, Origin.form("signup"));
            String name = seeder.gdpr().encryption().encryptText(subject, "name", "Contact " + subject.value());
            seeder.contacts().add(subject, subject.value() + "@example.com", name, created);
            if (lastActivity != null) {
              seeder.gdpr().retention().recordActivity(subject, lastActivity);
            }
            if (queue) {
              seeder.erasureStore().insert(ErasureJob.start(UUID.randomUUID(), subject, ErasureScope.everything(),
                  0, null, clock.instant()));
            }
          }
        })));
      }
      for (Future<?> chunk : seeding) {
        chunk.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("seeding was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Gives {@code count} more subjects, {@code bystander-0000000} on, a last activity and nothing else, in one statement:
   * the host's other customers, whom a retention sweep must pass over.
   */
  void bystanders(int count, Instant lastActivity) {
    sql(statement -> statement.execute("insert into gdpr_retention_activity (tenant, subject, last_activity)"
        + " select '" + TenantId.DEFAULT.value() + "', 'bystander-' || lpad(i::text, 7, '0'),"
        + " timestamptz '" + lastActivity + "' from generate_series(1, " + count + ") i"));
  }

  /** Returns how many bystanders still have their last activity. */
  long bystandersLeft() {
    long[] left = new long[1];
    sql(statement -> {
      try (ResultSet rows = statement.executeQuery("select count(*) from gdpr_retention_activity"
          + " where subject like 'bystander-%'")) {
        rows.next();
        left[0] = rows.getLong(1);
      }
    });
    return left[0];
  }

  /**
   * Copies every table of the schema, the kit's and the host's, into a {@code seed_} table, so that {@link #restore}
   * can put the database back to this state: seeding through the kit takes far longer than the copy.
   */
  void snapshot() {
    sql(statement -> {
      for (String table : tables(statement)) {
        statement.execute("drop table if exists seed_" + table);
        statement.execute("create table seed_" + table + " as select * from " + table);
      }
    });
  }

  /**
   * Puts every table back to its {@link #snapshot}, as a restore of the database would, and moves each identity
   * column's sequence past the restored rows.
   */
  void restore() {
    sql(statement -> {
      List<String> tables = tables(statement);
      for (String table : tables) {
        statement.execute("delete from " + table);
        statement.execute("insert into " + table + " select * from seed_" + table);
      }
      List<String[]> identities = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("select table_name, column_name from information_schema.columns"
          + " where table_schema = current_schema() and is_identity = 'YES' and table_name not like 'seed\\_%'")) {
        while (rows.next()) {
          identities.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
      for (String[] identity : identities) {
        statement.execute("select setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1] + "'),"
            + " coalesce((select max(" + identity[1] + ") from " + identity[0] + "), 0) + 1, false)");
      }
      statement.execute("analyze");
    });
  }

  /** Returns the schema's tables, the seed copies left out. */
  private static List<String> tables(Statement statement) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
        + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
        + " and table_name not like 'seed\\_%' order by table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** Runs statements on a connection of the test's own. */
  void sql(SqlWork work) {
    try (Connection connection = DriverManager.getConnection(database.schemaJdbcUrl(), database.user(),
        database.password()); Statement statement = connection.createStatement()) {
      work.run(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("a statement of the test failed", e);
    }
  }

  /** Statements on a connection of the test's own. */
  interface SqlWork {
    void run(Statement statement) throws SQLException;
  }

  /** Starts a kit instance in a JVM of its own; see {@link ErasureWorker} for the arguments. */
  Worker start(String mode, String instance, int threads, Duration lease, int batch) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=slf4j",
        // JVMs that live seconds to a minute, up to four at once on two cores: C2's compiling would cost more CPU
        // than it saves in them.
        "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", classpath, ErasureWorker.class.getName(), mode, database.schemaJdbcUrl(),
        database.user(), database.password(), instance, Integer.toString(threads), Long.toString(lease.toMillis()),
        Integer.toString(batch)));
    File log = logs.resolve(instance + ".log").toFile();
    try {
      Process process = new ProcessBuilder(command).redirectError(log).start();
      Worker worker = new Worker(instance, process);
      started.add(worker);
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a JVM", e);
    }
  }

  /**
   * Returns, by subject, when the lease ends of each pending erasure job that a run of {@code instance} holds (its
   * lease owner is the instance id, {@code #}, a run number).
   */
  Map<String, Instant> heldBy(String instance) {
    Map<String, Instant> held = new HashMap<>();
    sql(statement -> {
      try (ResultSet rows = statement.executeQuery("select subject, lease_until from gdpr_erasure_job"
          + " where lease_owner like '" + instance + "#%'")) {
        while (rows.next()) {
          held.put(rows.getString(1), rows.getTimestamp(2).toInstant());
        }
      }
    });
    return held;
  }

  /** Returns every call of the host's provider, in the order made. */
  List<EraseCall> eraseCalls() {
    List<EraseCall> calls = new ArrayList<>();
    sql(statement -> {
      try (ResultSet rows = statement.executeQuery("select subject, instance, rows_deleted, at from fleet_erase_call"
          + " order by at, id")) {
        while (rows.next()) {
          calls.add(new EraseCall(rows.getString(1), rows.getString(2), rows.getInt(3),
              rows.getTimestamp(4).toInstant()));
        }
      }
    });
    return calls;
  }

  /**
   * One call of the host's provider: by which instance, how many host rows it deleted (none for the idempotent re-run
   * of a job whose provider had committed before its JVM died), and when, by the database's clock.
   */
  record EraseCall(String subject, String instance, int rowsDeleted, Instant at) {}

  /** Counts, per subject, what the kit and the host hold about it; in a few statements over all subjects. */
  Census census(List<SubjectId> subjects) {
    Map<String, int[]> counts = new HashMap<>();
    for (SubjectId subject : subjects) {
      counts.put(subject.value(), new int[Census.COLUMNS]);
    }
    Map<String, String> byTombstone = new HashMap<>();
    Map<String, String> byAudit = new HashMap<>();
    for (SubjectId subject : subjects) {
      byTombstone.put(SharedKit.tombstonePseudonym(subject), subject.value());
      byAudit.put(AuditPseudonyms.of(SharedKit.PSEUDONYMS, subject), subject.value());
    }
    try (Connection connection = DriverManager.getConnection(database.schemaJdbcUrl(), database.user(),
        database.password()); Statement statement = connection.createStatement()) {
      count(statement, "select subject, count(*) from fleet_contact group by subject", counts, Census.CONTACTS, null);
      count(statement, "select subject, count(*) from fleet_note group by subject", counts, Census.NOTES, null);
      count(statement, "select subject, count(*) from gdpr_consent_event group by subject", counts,
          Census.CONSENT_EVENTS, null);
      count(statement, "select subject, count(*) from gdpr_consent_snapshot group by subject", counts,
          Census.CONSENT_SNAPSHOTS, null);
      count(statement, "select subject, count(*) from gdpr_source_tag group by subject", counts, Census.SOURCE_TAGS,
          null);
      count(statement, "select subject, count(*) from gdpr_subject_key where destroyed_at is null group by subject",
          counts, Census.LIVE_KEYS, null);
      count(statement, "select subject, count(*) from gdpr_erasure_job group by subject", counts, Census.PENDING_JOBS,
          null);
      count(statement, "select subject, count(*) from fleet_erase_call group by subject", counts, Census.ERASE_CALLS,
          null);
      count(statement, "select subject, count(*) from fleet_erase_call where rows_deleted > 0 group by subject", counts,
          Census.ERASING_CALLS, null);
      count(statement, "select subject, count(*) from gdpr_retention_activity group by subject", counts,
          Census.ACTIVITY, null);
      count(statement, "select pseudonym, count(*) from gdpr_erasure_tombstone group by pseudonym", counts,
          Census.TOMBSTONES, byTombstone);
      count(statement, "select aggregateid, count(*) from gdpr_event_outbox where type = 'SubjectErased'"
          + " group by aggregateid", counts, Census.ERASED_EVENTS, byAudit);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the subjects' rows", e);
    }
    return new Census(counts);
  }

  private static void count(Statement statement, String sql, Map<String, int[]> counts, int column,
      @Nullable Map<String, String> subjectOf) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        String key = rows.getString(1);
        String subject = subjectOf == null ? key : subjectOf.get(key);
        int[] row = subject == null ? null : counts.get(subject);
        if (row != null) {
          row[column] = rows.getInt(2);
        }
      }
    }
  }

  /** Returns how many kept erasure reports name each subject, read page by page through the kit. */
  Map<SubjectId, Integer> reportsPerSubject(List<SubjectId> subjects) {
    Map<String, Integer> byPseudonym = new HashMap<>();
    List<ErasureReport> page = seeder.gdpr().erasure().records(TenantId.DEFAULT, null, 1_000);
    while (!page.isEmpty()) {
      page.forEach(report -> byPseudonym.merge(report.subjectPseudonym(), 1, Integer::sum));
      page = seeder.gdpr().erasure().records(TenantId.DEFAULT, page.get(page.size() - 1).job(), 1_000);
    }
    Map<SubjectId, Integer> reports = new HashMap<>();
    for (SubjectId subject : subjects) {
      reports.put(subject, byPseudonym.getOrDefault(SharedKit.tombstonePseudonym(subject), 0));
    }
    return reports;
  }

  /** Returns when the kept erasure report of each of these subjects, by id, was completed, read through the kit. */
  Map<String, Instant> completedAt(Collection<String> subjects) {
    Map<String, Instant> byPseudonym = new HashMap<>();
    List<ErasureReport> page = seeder.gdpr().erasure().records(TenantId.DEFAULT, null, 1_000);
    while (!page.isEmpty()) {
      page.forEach(report -> byPseudonym.put(report.subjectPseudonym(), report.completedAt()));
      page = seeder.gdpr().erasure().records(TenantId.DEFAULT, page.get(page.size() - 1).job(), 1_000);
    }
    Map<String, Instant> completed = new HashMap<>();
    for (String subject : subjects) {
      Instant at = byPseudonym.get(SharedKit.tombstonePseudonym(SubjectId.of(subject)));
      if (at != null) {
        completed.put(subject, at);
      }
    }
    return completed;
  }

  /** Kills every JVM this fleet started that still runs, such as those of a test that failed. */
  void stopWorkers() {
    for (Worker worker : started) {
      if (worker.alive()) {
        worker.process.destroyForcibly();
      }
    }
    started.clear();
  }

  /** Kills every JVM this fleet started that still runs and closes the kit. */
  @Override
  public void close() {
    stopWorkers();
    seeder.close();
  }

  /** A kit instance in a JVM of its own. */
  static final class Worker {

    private final String instance;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch erasing = new CountDownLatch(1);
    private final CountDownLatch erased = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile @Nullable String erasedResult;
    private volatile @Nullable String result;

    Worker(String instance, Process process) {
      this.instance = instance;
      this.process = process;
      Thread reader = new Thread(this::read, "stdout of " + instance);
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.equals(ErasureWorker.READY)) {
            ready.countDown();
          } else if (line.equals(ErasureWorker.ERASING)) {
            erasing.countDown();
          } else if (line.startsWith(ErasureWorker.ERASED)) {
            erasedResult = line.substring(ErasureWorker.ERASED.length()).strip();
            erased.countDown();
          } else if (line.startsWith(ErasureWorker.DONE)) {
            result = line.substring(ErasureWorker.DONE.length()).strip();
            done.countDown();
          }
        }
      } catch (IOException e) {
        // the JVM was killed
      }
    }

    String instance() {
      return instance;
    }

    /** Waits until the kit in the JVM is built. */
    void awaitReady(Duration timeout) throws InterruptedException {
      if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(instance + " did not build its kit within " + timeout
            + (process.isAlive() ? "" : "; it exited with " + process.exitValue()) + "; see its log");
      }
    }

    /** Waits until an {@code erase} worker took over and finished the jobs left pending; returns whether it did. */
    boolean awaitErasing(Duration timeout) throws InterruptedException {
      return erasing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns the process id of the JVM. */
    long pid() {
      return process.pid();
    }

    /** Tells a {@code share} worker to start erasing. */
    void go() throws IOException {
      tell(ErasureWorker.GO);
    }

    /** Tells a {@code share} worker that finished erasing to sweep. */
    void sweep() throws IOException {
      tell(ErasureWorker.SWEEP);
    }

    private void tell(String word) throws IOException {
      Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      in.write(word + "\n");
      in.flush();
    }

    /** Waits until a {@code share} worker reports that no erasure job is pending, and returns its report line. */
    String awaitErased(Duration timeout) throws InterruptedException {
      if (!erased.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(instance + " did not finish erasing within " + timeout + "; see its log");
      }
      return erasedResult;
    }

    /** Returns whether the JVM runs. */
    boolean alive() {
      return process.isAlive();
    }

    /** Kills the JVM with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(instance + " survived SIGKILL");
      }
    }

    /** Waits until the worker reports its work done and exits, and returns its report line. */
    String awaitDone(Duration timeout) throws InterruptedException {
      if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(instance + " did not finish within " + timeout + "; see its log");
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      return result;
    }
  }

  /** What the kit and the host hold about each subject. */
  static final class Census {

    static final int CONTACTS = 0;
    static final int NOTES = 1;
    static final int CONSENT_EVENTS = 2;
    static final int CONSENT_SNAPSHOTS = 3;
    static final int SOURCE_TAGS = 4;
    static final int LIVE_KEYS = 5;
    static final int PENDING_JOBS = 6;
    static final int ERASE_CALLS = 7;
    static final int ERASING_CALLS = 8;
    static final int ACTIVITY = 9;
    static final int TOMBSTONES = 10;
    static final int ERASED_EVENTS = 11;
    static final int COLUMNS = 12;

    private final Map<String, int[]> counts;

    Census(Map<String, int[]> counts) {
      this.counts = counts;
    }

    /** Returns whether the subject holds everything seeded and no erasure touched it. */
    boolean untouched(String subject) {
      int[] c = counts.get(subject);
      return c[CONTACTS] == 1 && c[NOTES] == 1 && c[CONSENT_EVENTS] > 0 && c[CONSENT_SNAPSHOTS] == 1
          && c[SOURCE_TAGS] > 0 && c[LIVE_KEYS] == 1 && c[ERASE_CALLS] == 0 && c[TOMBSTONES] == 0
          && c[ERASED_EVENTS] == 0;
    }

    /** Returns whether the subject is erased in full, once: nothing left, one tombstone, one erasure event. */
    boolean erased(String subject) {
      int[] c = counts.get(subject);
      return c[CONTACTS] == 0 && c[NOTES] == 0 && c[CONSENT_EVENTS] == 0 && c[CONSENT_SNAPSHOTS] == 0
          && c[SOURCE_TAGS] == 0 && c[LIVE_KEYS] == 0 && c[PENDING_JOBS] == 0 && c[ERASING_CALLS] == 1
          && c[ACTIVITY] == 0 && c[TOMBSTONES] == 1 && c[ERASED_EVENTS] == 1;
    }

    /** Returns whether an erasure job of the subject is pending, which finishes what it started. */
    boolean pending(String subject) {
      return counts.get(subject)[PENDING_JOBS] == 1;
    }

    /**
     * Returns how far the pending jobs got: before the provider erased the host rows, after it and before the ledger,
     * sources and tombstone were written, and after that, before the job completed.
     */
    String pendingStages() {
      long beforeProvider = 0;
      long afterProvider = 0;
      long afterTombstone = 0;
      for (int[] c : counts.values()) {
        if (c[PENDING_JOBS] == 0) {
          continue;
        }
        if (c[CONTACTS] > 0) {
          beforeProvider++;
        } else if (c[TOMBSTONES] == 0) {
          afterProvider++;
        } else {
          afterTombstone++;
        }
      }
      return beforeProvider + " before the provider, " + afterProvider + " after it, " + afterTombstone
          + " after the tombstone";
    }

    /** Returns the subjects neither untouched, nor erased in full once, nor with a pending job: half-erased. */
    List<String> halfErased() {
      List<String> half = new ArrayList<>();
      counts.keySet().stream().sorted().forEach(s -> {
        if (!untouched(s) && !erased(s) && !pending(s)) {
          half.add(s + " " + describe(s));
        }
      });
      return half;
    }

    /** Returns the subjects not erased in full once. */
    List<String> notErased() {
      return counts.keySet().stream().sorted().filter(s -> !erased(s)).map(s -> s + " " + describe(s)).toList();
    }

    /** Returns the subjects not untouched. */
    List<String> touched() {
      return counts.keySet().stream().sorted().filter(s -> !untouched(s)).map(s -> s + " " + describe(s)).toList();
    }

    long count(java.util.function.Predicate<String> state) {
      return counts.keySet().stream().filter(state).count();
    }

    /** Returns how many calls of the provider there were in all. */
    long eraseCalls() {
      return counts.values().stream().mapToLong(c -> c[ERASE_CALLS]).sum();
    }

    private String describe(String subject) {
      int[] c = counts.get(subject);
      return "{contacts=" + c[CONTACTS] + ", notes=" + c[NOTES] + ", consentEvents=" + c[CONSENT_EVENTS]
          + ", snapshots=" + c[CONSENT_SNAPSHOTS] + ", sourceTags=" + c[SOURCE_TAGS] + ", liveKeys=" + c[LIVE_KEYS]
          + ", pendingJobs=" + c[PENDING_JOBS] + ", eraseCalls=" + c[ERASE_CALLS] + ", erasingCalls="
          + c[ERASING_CALLS] + ", activity=" + c[ACTIVITY] + ", tombstones=" + c[TOMBSTONES] + ", erasedEvents="
          + c[ERASED_EVENTS] + "}";
    }
  }
}
