package io.gdprkit.benchmarks.envers;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.jpa.GdprEntities;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.jpa.interceptor.GdprEntityListener;
import io.gdprkit.jpa.interceptor.PersistenceInterceptor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The persistence interceptor's audit overhead against Hibernate Envers on one model and one database: 10,000
 * updates of contacts on PostgreSQL, in transactions of {@code updatesPerTransaction}, each loading its contacts with
 * one query and renaming each.
 *
 * <p>{@code plain} is the host's code with no auditing; {@code envers} the same code with Envers on
 * ({@code @Audited}: a revision row per transaction, an audit row per update); {@code gdpr} the same code in the kit's
 * units of work with the {@link PersistenceInterceptor} installed, which counts a read and an update per contact
 * (20,000 audit records an operation, one per subject, kind and transaction) and writes each transaction's records
 * as one outbox row per 4,096 before commit. {@code drain} says where the chaining runs: {@code BACKGROUND} on the
 * audit service's drain thread, {@code AFTER_COMMIT} on the committing thread, which then pays for it. Overhead is
 * {@code envers − plain} and {@code gdpr − plain}; target: ours ≤ Envers', goal half.
 *
 * <p>{@code drainChain} is the cost the background thread takes over: it chains 20,000 records that wait in the
 * outbox in the rows the interceptor writes (200 records a row), with the default checkpoint policy; 20,000 divided
 * by its time is the entries chained per second. Every gdpr iteration ends by draining what is left and checking that
 * the chain grew by 20,000 entries an operation, so no figure comes from work that was skipped.
 *
 * <p>The consent store (restrictions and decisions the interceptor asks) is in memory; the audit outbox, chain and
 * checkpoints are on PostgreSQL in the same schema as the model. Each state starts from a schema of its own making,
 * {@code -Dgdpr.schema} ({@code gdpr_kit_audit} by default), dropped and created from the jar's scripts.
 *
 * <p>Run (machine shared: one JMH at a time): <pre>{@code
 * ./mvnw -q -o package -pl gdpr-benchmarks -am -DskipTests
 * flock /tmp/jmh.lock java -jar gdpr-benchmarks/target/benchmarks.jar AuditInterceptorBenchmark -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AuditInterceptorBenchmark {

  static final int CONTACTS = 10_000;
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String USER = "postgres";

  /** The work: how many of the 10,000 updates share a transaction. */
  @State(Scope.Benchmark)
  public static class Workload {
    @Param({"100", "10000"})
    public int updatesPerTransaction;

    final String[][] names = new String[2][CONTACTS];

    @Setup(Level.Trial)
    public void names() {
      for (int i = 0; i < CONTACTS; i++) {
        names[0][i] = "Contact A" + i;
        names[1][i] = "Contact B" + i;
      }
    }
  }

  /** Each thread's turn: every operation gives the contacts the names the last one did not. */
  @State(Scope.Thread)
  public static class Turn {
    int round;

    String[] next(Workload work) {
      return work.names[round++ & 1];
    }
  }

  /** The host without auditing. */
  @State(Scope.Benchmark)
  public static class PlainHost {
    EntityManagerFactory factory;

    @Setup(Level.Trial)
    public void start() {
      recreateSchema(false);
      factory = factory("plain", false, false);
      seed(factory, "p");
    }

    @TearDown(Level.Trial)
    public void stop() {
      factory.close();
    }
  }

  /** The host with Envers on the same model. */
  @State(Scope.Benchmark)
  public static class EnversHost {
    EntityManagerFactory factory;
    long rowsBefore;

    @Setup(Level.Trial)
    public void start() {
      recreateSchema(false);
      factory = factory("envers", true, false);
      seed(factory, "e");
    }

    @Setup(Level.Iteration)
    public void count() {
      rowsBefore = countRows("select count(*) from bench_contact_aud");
    }

    @TearDown(Level.Iteration)
    public void check() {
      long written = countRows("select count(*) from bench_contact_aud") - rowsBefore;
      if (written != CONTACTS) {
        throw new IllegalStateException("Envers wrote " + written + " audit rows for " + CONTACTS + " updates");
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      factory.close();
    }
  }

  /** The host with the kit's interceptor on the same model, its audit trail on the same database. */
  @State(Scope.Benchmark)
  public static class GdprHost {
    @Param({"BACKGROUND", "AFTER_COMMIT"})
    public AuditDrain drain;

    EntityManagerFactory factory;
    JpaTransactions transactions;
    GdprKit kit;
    PersistenceInterceptor interceptor;
    long chainBefore;

    @Setup(Level.Trial)
    public void start() {
      recreateSchema(true);
      factory = factory("gdpr", false, true);
      transactions = JpaTransactions.resourceLocal(factory);
      kit = kit(transactions, drain);
      interceptor = PersistenceInterceptor.install(kit, transactions);
      transactions.useTransaction(() -> seed(transactions.entityManager(), "g"));
      kit.audit().drainAll();
    }

    @Setup(Level.Iteration)
    public void count() {
      chainBefore = kit.audit().size(TenantId.DEFAULT);
    }

    /** Drains what the background left, outside the measurement, and checks nothing was skipped. */
    @TearDown(Level.Iteration)
    public void check() {
      kit.audit().drainAll();
      long chained = kit.audit().size(TenantId.DEFAULT) - chainBefore;
      if (chained != 2L * CONTACTS) {
        throw new IllegalStateException("the chain grew by " + chained + " entries for " + CONTACTS + " updates");
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      interceptor.close();
      factory.close();
    }
  }

  /** 20,000 records waiting in the outbox, as the interceptor leaves them for the drain. */
  @State(Scope.Benchmark)
  public static class WaitingRecords {
    EntityManagerFactory factory;
    JpaTransactions transactions;
    JpaAuditOutbox outbox;
    GdprKit kit;
    final List<List<AuditRecord>> rows = new ArrayList<>();
    long chainBefore;

    @Setup(Level.Trial)
    public void start() {
      recreateSchema(true);
      factory = factory("drain", false, true);
      transactions = JpaTransactions.resourceLocal(factory);
      outbox = new JpaAuditOutbox(transactions);
      kit = kit(transactions, AuditDrain.AFTER_COMMIT);
      List<AuditRecord> row = new ArrayList<>();
      for (int i = 0; i < CONTACTS; i++) {
        String pseudonym = AuditPseudonyms.of(kit.pseudonymKey(), SubjectId.of(id("g", i)));
        for (AuditKind kind : List.of(AuditKind.ACCESSED, AuditKind.UPDATED)) {
          row.add(new AuditRecord(kind, TenantId.DEFAULT, pseudonym, PersistenceInterceptor.HOST, null,
              Map.of("entity", "BenchContact", "scope", "none", "count", "1")));
        }
        if (row.size() == 200) {
          rows.add(List.copyOf(row));
          row.clear();
        }
      }
    }

    @Setup(Level.Invocation)
    public void fill() {
      for (List<AuditRecord> row : rows) {
        transactions.useTransaction(() -> outbox.addAll(row));
      }
      chainBefore = kit.audit().size(TenantId.DEFAULT);
    }

    @TearDown(Level.Invocation)
    public void check() {
      long chained = kit.audit().size(TenantId.DEFAULT) - chainBefore;
      if (chained != 2L * CONTACTS) {
        throw new IllegalStateException("the drain chained " + chained + " of " + 2 * CONTACTS + " entries");
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      factory.close();
    }
  }

  /**
   * Plain, Envers and the kit at once, one thread each, on one schema (contacts {@code p…}, {@code e…} and
   * {@code g…} of one table): what the machine does meanwhile falls on all three alike.
   */
  @State(Scope.Group)
  public static class SideBySide {
    @Param({"BACKGROUND", "AFTER_COMMIT"})
    public AuditDrain drain;

    EntityManagerFactory plain;
    EntityManagerFactory envers;
    EntityManagerFactory gdpr;
    JpaTransactions transactions;
    GdprKit kit;
    PersistenceInterceptor interceptor;
    long rowsBefore;
    long chainBefore;

    @Setup(Level.Trial)
    public void start() {
      recreateSchema(true);
      envers = factory("side-envers", true, false);
      plain = factory("side-plain", false, false);
      gdpr = factory("side-gdpr", false, true);
      transactions = JpaTransactions.resourceLocal(gdpr);
      kit = kit(transactions, drain);
      interceptor = PersistenceInterceptor.install(kit, transactions);
      seed(plain, "p");
      seed(envers, "e");
      transactions.useTransaction(() -> seed(transactions.entityManager(), "g"));
      kit.audit().drainAll();
    }

    @Setup(Level.Iteration)
    public void count() {
      rowsBefore = countRows("select count(*) from bench_contact_aud");
      chainBefore = kit.audit().size(TenantId.DEFAULT);
    }

    @TearDown(Level.Iteration)
    public void check() {
      kit.audit().drainAll();
      long written = countRows("select count(*) from bench_contact_aud") - rowsBefore;
      long chained = kit.audit().size(TenantId.DEFAULT) - chainBefore;
      if (written != CONTACTS || chained != 2L * CONTACTS) {
        throw new IllegalStateException("Envers wrote " + written + " rows and the kit chained " + chained
            + " entries for " + CONTACTS + " updates each");
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      interceptor.close();
      gdpr.close();
      envers.close();
      plain.close();
    }
  }

  @Benchmark
  public int plain(Workload work, Turn turn, PlainHost host) {
    return updateAll(work, turn, host.factory, "p");
  }

  @Benchmark
  public int envers(Workload work, Turn turn, EnversHost host) {
    return updateAll(work, turn, host.factory, "e");
  }

  @Benchmark
  public int gdpr(Workload work, Turn turn, GdprHost host) {
    return updateAll(work, turn, host.transactions);
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public int sideBySidePlain(Workload work, Turn turn, SideBySide host) {
    return updateAll(work, turn, host.plain, "p");
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public int sideBySideEnvers(Workload work, Turn turn, SideBySide host) {
    return updateAll(work, turn, host.envers, "e");
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public int sideBySideGdpr(Workload work, Turn turn, SideBySide host) {
    return updateAll(work, turn, host.transactions);
  }

  @Benchmark
  public long drainChain(WaitingRecords waiting) {
    return waiting.kit.audit().drainAll();
  }

  /** The same code in the kit's units of work, which the interceptor needs. */
  private static int updateAll(Workload work, Turn turn, JpaTransactions transactions) {
    String[] names = turn.next(work);
    int updated = 0;
    for (int from = 0; from < CONTACTS; from += work.updatesPerTransaction) {
      int start = from;
      updated += transactions.inTransaction(() ->
          rename(transactions.entityManager(), names, "g", start, work.updatesPerTransaction));
    }
    return updated;
  }

  /** The host's code: transactions of its own entity manager, each renaming a slice of the contacts. */
  private static int updateAll(Workload work, Turn turn, EntityManagerFactory factory, String prefix) {
    String[] names = turn.next(work);
    int updated = 0;
    for (int from = 0; from < CONTACTS; from += work.updatesPerTransaction) {
      EntityManager em = factory.createEntityManager();
      try {
        em.getTransaction().begin();
        updated += rename(em, names, prefix, from, work.updatesPerTransaction);
        em.getTransaction().commit();
      } finally {
        em.close();
      }
    }
    return updated;
  }

  private static int rename(EntityManager em, String[] names, String prefix, int from, int count) {
    List<BenchContact> contacts = em.createQuery(
            "select c from BenchContact c where c.id >= :from and c.id < :to", BenchContact.class)
        .setParameter("from", id(prefix, from))
        .setParameter("to", id(prefix, from + count))
        .getResultList();
    for (BenchContact contact : contacts) {
      contact.rename(names[Integer.parseInt(contact.id(), 1, contact.id().length(), 10)]);
    }
    return contacts.size();
  }

  static String id(String prefix, int i) {
    return prefix + String.format("%05d", i);
  }

  static String schema() {
    String schema = System.getProperty("gdpr.schema", "gdpr_kit_audit");
    if (!schema.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("gdpr.schema must be a plain lower-case name");
    }
    return schema;
  }

  static GdprKit kit(JpaTransactions transactions, AuditDrain drain) {
    return GdprKit.builder()
        // microseconds, as the database keeps the chain head's time
        .clock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)))
        .transactions(transactions)
        .auditOutbox(new JpaAuditOutbox(transactions))
        .auditStore(new JpaAuditStore(transactions))
        .checkpointStore(new JpaCheckpointStore(transactions))
        .auditDrain(drain)
        .allowGeneratedKeys()
        .build();
  }

  /** Drops and creates the schema; with the kit, runs the jar's PostgreSQL scripts in version order. */
  static void recreateSchema(boolean kitTables) {
    try (Connection connection = DriverManager.getConnection(URL, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema() + " cascade");
      statement.execute("create schema " + schema());
      statement.execute("set search_path to " + schema());
      if (kitTables) {
        for (String script : scripts()) {
          statement.execute(script);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare schema " + schema(), e);
    }
  }

  private static List<String> scripts() {
    try {
      URI folder = GdprEntities.class.getResource("/db/gdpr/postgresql").toURI();
      if (!"jar".equals(folder.getScheme())) {
        return read(Path.of(folder));
      }
      try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
        return read(jar.provider().getPath(folder));
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("could not read the schema scripts", e);
    }
  }

  private static List<String> read(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> sorted = files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.+\\.sql"))
          .sorted(Comparator.comparing(AuditInterceptorBenchmark::version)).toList();
      List<String> scripts = new ArrayList<>();
      for (Path script : sorted) {
        try (InputStream in = Files.newInputStream(script)) {
          scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return scripts;
    }
  }

  private static String version(Path script) {
    String name = script.getFileName().toString();
    StringBuilder version = new StringBuilder();
    for (String part : name.substring(1, name.indexOf("__")).split("_")) {
      version.append(String.format("%08d.", Integer.parseInt(part)));
    }
    return version.toString();
  }

  /**
   * Returns a persistence unit on the schema with the same settings for every mode (statement batches of 50, ordered
   * updates), Envers on or off, and with the kit, its entities and its listener's mapping file.
   */
  static EntityManagerFactory factory(String name, boolean envers, boolean gdpr) {
    PersistenceConfiguration configuration = new PersistenceConfiguration("bench-" + name)
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
        .managedClass(BenchContact.class);
    if (gdpr) {
      GdprEntities.all().forEach(configuration::managedClass);
      configuration.mappingFile(GdprEntityListener.MAPPING_FILE);
    }
    return configuration
        .property(PersistenceConfiguration.JDBC_URL, URL + "?currentSchema=" + schema())
        .property(PersistenceConfiguration.JDBC_USER, USER)
        .property(PersistenceConfiguration.JDBC_PASSWORD, "")
        .property("hibernate.hbm2ddl.auto", "update")
        .property("hibernate.integration.envers.enabled", Boolean.toString(envers))
        .property("hibernate.jdbc.batch_size", "50")
        .property("hibernate.order_updates", "true")
        .property("hibernate.order_inserts", "true")
        .property("hibernate.connection.pool_size", "4")
        .createEntityManagerFactory();
  }

  /** Stores the 10,000 contacts whose ids start with {@code prefix}. */
  static void seed(EntityManagerFactory factory, String prefix) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      seed(em, prefix);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  static void seed(EntityManager em, String prefix) {
    for (int i = 0; i < CONTACTS; i++) {
      em.persist(new BenchContact(id(prefix, i), "Contact " + i, "contact" + i + "@example.com"));
      if (i % 500 == 499) {
        em.flush();
        em.clear();
      }
    }
  }

  static long countRows(String sql) {
    try (Connection connection = DriverManager.getConnection(URL + "?currentSchema=" + schema(), USER, "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count", e);
    }
  }
}
