package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.benchmarks.host.BenchContact;
import io.gdprkit.benchmarks.host.BenchNote;
import io.gdprkit.benchmarks.host.BenchOrder;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.internal.DefaultErasureContext;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.provider.JpaPersonalDataProvider;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Erasing 10,000 subjects of a host's JPA model with gdpr-jpa's generic provider against what a host would otherwise
 * write: find each subject's entities and {@code EntityManager.remove} them one by one (issue 11).
 *
 * <p>The host model: {@code bench_contact} (the subject; name and e-mail), three {@code bench_note} rows and two
 * {@code bench_order} rows per contact, each annotated {@code @PersonalData(strategy = DELETE_RECORD)}, so that every
 * side ends in the same state: the subjects' 60,000 rows gone. Another 10,000 contacts with their 50,000 rows stay in
 * the tables, checked after every iteration. Notes and orders have an index on {@code (contact_id, id)}. Every
 * iteration starts from freshly filled tables (on PostgreSQL truncated, so that no side reads the dead rows of the
 * iterations before it, and analysed after the fill) and erases all 10,000 subjects
 * in one invocation ({@code SingleShotTime}), on one entity manager factory with JDBC batching
 * ({@code hibernate.jdbc.batch_size=50}) for all sides:
 * <ul>
 *   <li>{@code providerEraseAll}: {@link JpaPersonalDataProvider#eraseAll}, the SPI call the kit makes for a batch,
 *       with the contexts the kit hands it: set-based statements per entity type and 500 subjects;</li>
 *   <li>{@code kitEraseAll}: {@code gdpr.erasure().eraseAll(subjects)} on a kit with that provider and its own stores
 *       in memory: a durable job per subject, suppression of the e-mail addresses, tombstones, reports; every step
 *       (the contact-point reads, the providers' part, the job writes) batched 500 subjects at a time;</li>
 *   <li>{@code entityManagerRemove}: per subject, a JPQL query for its notes and one for its orders,
 *       {@code EntityManager.remove} of each, then {@code find} and {@code remove} of the contact; 500 subjects per
 *       transaction, the same chunk as the provider's.</li>
 * </ul>
 *
 * <p>Run (the database is {@code gdpr.schema}, {@value #DEFAULT_SCHEMA} by default, on PostgreSQL at 127.0.0.1:5432,
 * user postgres, db test), printing the ratios at the end: <pre>{@code
 * ./mvnw -q -o package -pl gdpr-benchmarks -am -DskipTests
 * flock /tmp/jmh.lock java -cp gdpr-benchmarks/target/benchmarks.jar io.gdprkit.benchmarks.JpaErasureBenchmark -f 1 -wi 2 -i 5
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaErasureBenchmark {

  static final int SUBJECTS = 10_000;
  static final int KEPT = 10_000;
  static final int NOTES = 3;
  static final int ORDERS = 2;
  static final int CHUNK = 500;
  static final String DEFAULT_SCHEMA = "gdpr_kit_erase";

  /** The host's tables, its provider and kit, filled afresh for every iteration. */
  @State(Scope.Benchmark)
  public static class Host {

    @Param({"postgresql", "h2"})
    public String database;

    EntityManagerFactory factory;
    JpaTransactions transactions;
    JpaPersonalDataProvider provider;
    GdprKit gdpr;
    List<SubjectId> erased;
    private String url;
    private String user;

    @Setup(Level.Trial)
    public void open() throws SQLException {
      String schema = System.getProperty("gdpr.schema", DEFAULT_SCHEMA);
      if (database.equals("postgresql")) {
        user = "postgres";
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", user, "");
            Statement statement = connection.createStatement()) {
          statement.execute("create schema if not exists " + schema);
        }
        url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
      } else {
        user = "sa";
        url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
      }
      factory = new PersistenceConfiguration("erasure-benchmark-" + database)
          .provider("org.hibernate.jpa.HibernatePersistenceProvider")
          .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
          .managedClass(BenchContact.class).managedClass(BenchNote.class).managedClass(BenchOrder.class)
          .property(PersistenceConfiguration.JDBC_URL, url)
          .property(PersistenceConfiguration.JDBC_USER, user)
          .property(PersistenceConfiguration.JDBC_PASSWORD, "")
          .property("hibernate.hbm2ddl.auto", "create")
          .property("hibernate.jdbc.batch_size", "50")
          .property("hibernate.hikari.maximumPoolSize", "4")
          .createEntityManagerFactory();
      transactions = JpaTransactions.resourceLocal(factory);
      provider = JpaPersonalDataProvider.builder(transactions).id("crm").build();
      erased = new ArrayList<>();
      for (int i = 0; i < SUBJECTS; i++) {
        erased.add(SubjectId.of(erasedId(i)));
      }
    }

    /** Empties and fills the tables, and builds a fresh kit, whose in-memory stores start empty. */
    @Setup(Level.Iteration)
    public void fill() throws SQLException {
      try (Connection connection = DriverManager.getConnection(url, user, "");
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        if (database.equals("postgresql")) {
          // truncate, not delete: deleted rows stay in the table and its indexes until a vacuum, and autovacuum does
          // not keep up with 110,000 rows an iteration, so later iterations (the sides run last) read bloated indexes
          statement.executeUpdate("truncate bench_note, bench_order, bench_contact");
        } else {
          for (String table : List.of("bench_note", "bench_order", "bench_contact")) {
            statement.executeUpdate("delete from " + table);
          }
        }
        long note = 0;
        long order = 0;
        int rows = 200;
        for (int from = 0; from < SUBJECTS + KEPT; from += rows) {
          List<String> contacts = new ArrayList<>();
          List<String> notes = new ArrayList<>();
          List<String> orders = new ArrayList<>();
          for (int i = from; i < Math.min(SUBJECTS + KEPT, from + rows); i++) {
            // erased and kept contacts alternate, so the erased rows are spread through the tables
            String id = i % 2 == 0 ? erasedId(i / 2) : "kept-" + String.format(Locale.ROOT, "%05d", i / 2);
            contacts.add("('" + id + "', 'Contact " + i + "', 'c" + i + "@example.com', '2025-01-01 10:00:00')");
            for (int n = 0; n < NOTES; n++) {
              notes.add("(" + note++ + ", '" + id + "', 'Called about the renewal, note " + n
                  + "', '2025-02-01 10:00:00')");
            }
            for (int o = 0; o < ORDERS; o++) {
              orders.add("(" + order++ + ", '" + id + "', '2025-03-01 10:00:00', '203.0.113." + (i % 250 + 1)
                  + "', 'c" + i + "@example.com', 42.50)");
            }
          }
          statement.executeUpdate("insert into bench_contact (id, name, email, created_at) values "
              + String.join(", ", contacts));
          statement.executeUpdate("insert into bench_note (id, contact_id, note_text, written_at) values "
              + String.join(", ", notes));
          statement.executeUpdate("insert into bench_order (id, contact_id, placed_at, customer_ip,"
              + " confirmation_email, total) values " + String.join(", ", orders));
        }
        connection.commit();
        if (database.equals("postgresql")) {
          connection.setAutoCommit(true);
          statement.execute("analyze bench_contact, bench_note, bench_order");
        }
      }
      gdpr = GdprKit.builder().clock(Clock.systemUTC()).transactions(transactions).personalData(provider).build();
    }

    /** Fails the run unless exactly the subjects' rows are gone. */
    @TearDown(Level.Iteration)
    public void check() throws SQLException {
      try (Connection connection = DriverManager.getConnection(url, user, "");
          Statement statement = connection.createStatement()) {
        int[] expected = {KEPT, KEPT * NOTES, KEPT * ORDERS};
        List<String> tables = List.of("bench_contact", "bench_note", "bench_order");
        for (int t = 0; t < tables.size(); t++) {
          try (ResultSet count = statement.executeQuery("select count(*) from " + tables.get(t))) {
            count.next();
            if (count.getLong(1) != expected[t]) {
              throw new IllegalStateException(tables.get(t) + " holds " + count.getLong(1) + " rows, expected "
                  + expected[t]);
            }
          }
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      factory.close();
    }
  }

  static String erasedId(int i) {
    return "contact-" + String.format(Locale.ROOT, "%05d", i);
  }

  /** The generic provider's batch erasure, as the kit calls it, with the contexts the kit makes. */
  @Benchmark
  public List<DefaultErasureContext> providerEraseAll(Host host) {
    List<DefaultErasureContext> contexts = new ArrayList<>(SUBJECTS);
    for (SubjectId subject : host.erased) {
      contexts.add(new DefaultErasureContext(subject, host.provider.describe(), ErasureScope.everything(),
          host.gdpr.purposes(), SubjectConsents.EMPTY, host.gdpr.pseudonymKey(), Clock.systemUTC(), null));
    }
    host.provider.eraseAll(contexts);
    return contexts;
  }

  /** The kit's bulk erasure of the same subjects, through the public API. */
  @Benchmark
  public Map<SubjectId, ErasureReport> kitEraseAll(Host host) {
    Map<SubjectId, ErasureReport> reports = host.gdpr.erasure().eraseAll(host.erased);
    if (reports.size() != SUBJECTS) {
      throw new IllegalStateException("only " + reports.size() + " erasures completed");
    }
    return reports;
  }

  /** What a host writes without the kit: find each subject's entities and remove them one by one. */
  @Benchmark
  public int entityManagerRemove(Host host) {
    int removed = 0;
    for (int from = 0; from < SUBJECTS; from += CHUNK) {
      EntityManager entityManager = host.factory.createEntityManager();
      try {
        entityManager.getTransaction().begin();
        for (SubjectId subject : host.erased.subList(from, Math.min(SUBJECTS, from + CHUNK))) {
          removed += removeAll(entityManager, entityManager.createQuery(
              "select n from BenchNote n where n.contact.id = :subject", BenchNote.class)
              .setParameter("subject", subject.value()).getResultList());
          removed += removeAll(entityManager, entityManager.createQuery(
              "select o from BenchOrder o where o.contact.id = :subject", BenchOrder.class)
              .setParameter("subject", subject.value()).getResultList());
          BenchContact contact = entityManager.find(BenchContact.class, subject.value());
          if (contact != null) {
            entityManager.remove(contact);
            removed++;
          }
        }
        entityManager.getTransaction().commit();
      } finally {
        if (entityManager.getTransaction().isActive()) {
          entityManager.getTransaction().rollback();
        }
        entityManager.close();
      }
    }
    return removed;
  }

  private static int removeAll(EntityManager entityManager, Collection<?> entities) {
    entities.forEach(entityManager::remove);
    return entities.size();
  }

  /**
   * Runs the benchmark with the given JMH options (such as {@code -f 1 -wi 2 -i 5}) and prints, per database, how
   * many times faster than {@code entityManagerRemove} each of the kit's sides erased.
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions options = new CommandLineOptions(args);
    OptionsBuilder builder = new OptionsBuilder();
    if (options.getIncludes().isEmpty()) {
      builder.include(JpaErasureBenchmark.class.getName() + "\\.");
    }
    Collection<RunResult> results = new Runner(builder.parent(options).build()).run();
    Map<String, Map<String, Double>> byDatabase = new TreeMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      byDatabase.computeIfAbsent(result.getParams().getParam("database"), d -> new TreeMap<>())
          .put(method.substring(method.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println("Erasing " + SUBJECTS + " subjects (ms per invocation, ratio = entityManagerRemove / side):");
    byDatabase.forEach((database, scores) -> {
      Double baseline = scores.get("entityManagerRemove");
      scores.forEach((method, score) -> System.out.printf(Locale.ROOT, "  %-10s %-20s %10.1f ms  %s%n", database,
          method, score, baseline == null || method.equals("entityManagerRemove") ? ""
              : String.format(Locale.ROOT, "%.1fx faster", baseline / score)));
    });
  }
}
