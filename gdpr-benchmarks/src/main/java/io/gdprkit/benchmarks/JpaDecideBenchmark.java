package io.gdprkit.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.Decision;
import io.gdprkit.jpa.consent.CachingConsentStore;
import io.gdprkit.jpa.consent.ConsentCacheOptions;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The consent decision on PostgreSQL (issue 11), uncached and cached, each side by side with what a host would
 * write instead.
 *
 * <p>{@value #SUBJECTS} subjects, each with the snapshot row of a granted {@code newsletter} consent in
 * {@code gdpr_consent_snapshot} (one granted through the kit, the others copies of its row), so every decision
 * allows. Both sides of each group walk the same pre-drawn random sequence of subjects, one thread each, in one
 * fork, at the same time:
 * <ul>
 *   <li>{@code uncached}: {@code GdprKit.decide} on {@link JpaConsentStore} (a JPQL read of the row by primary key
 *       on Hibernate, the body decoded, the rules applied) against a bare JDBC {@code select body} of the same row
 *       by primary key, a prepared statement on a connection borrowed from a HikariCP pool for each read, as host
 *       code would. Both pools are HikariCP with {@value #POOL} connections. Target: within 1.3×.</li>
 *   <li>{@code cached}: {@code GdprKit.decide} over {@link CachingConsentStore} filled with every subject (staleness
 *       bound five minutes, so that the measurement sees hits only) against {@code ConcurrentHashMap.get} on a map of
 *       the same {@code SubjectId} keys. Target: within 2×, and 0 bytes per decision ({@code -prof gc}).</li>
 *   <li>{@code caffeine}: an extra line beside {@code cached}, not a replacement of its baseline: the same cached
 *       {@code decide} against what a host that wants a bounded cache of decisions with a staleness bound would
 *       likely write instead, a Caffeine {@code Cache<SubjectId, Boolean>} with the kit cache's maximum size and
 *       {@code expireAfterWrite} of the same bound, read with {@code getIfPresent}.</li>
 *   <li>{@code inMemory}: for reference, {@code GdprKit.decide} on the kit's in-memory store holding the same
 *       subjects against the same bare map: what a decision costs with no cache in front of the store.</li>
 * </ul>
 *
 * <p>Run (PostgreSQL at 127.0.0.1:5432, user postgres, database test; schema {@code gdpr_kit_bench}): <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * flock /tmp/jmh.lock java -jar gdpr-benchmarks/target/benchmarks.jar JpaDecideBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaDecideBenchmark {

  static final int SUBJECTS = 100_000;
  static final int POOL = 4;
  static final String NEWSLETTER = "newsletter";
  static final int SEQUENCE = 1 << 20;
  static final int MASK = SEQUENCE - 1;

  /** The database with every subject's snapshot row, the subjects, and the random sequence both sides walk. */
  @State(Scope.Benchmark)
  public static class Database {
    PostgresBench db;
    SubjectId[] subjects;
    int[] sequence;

    @Setup(Level.Trial)
    public void setUp() {
      db = PostgresBench.start(POOL);
      subjects = new SubjectId[SUBJECTS];
      for (int i = 0; i < SUBJECTS; i++) {
        subjects[i] = SubjectId.of("contact-" + i);
      }
      GdprKit seeding = kit(new JpaConsentStore(db.transactions));
      seeding.consents().grant(subjects[0], NEWSLETTER, ConsentProof.webForm("signup", "v3").build());
      copySnapshot(subjects[0].value());
      SplittableRandom random = new SplittableRandom(20261207L);
      sequence = new int[SEQUENCE];
      for (int i = 0; i < SEQUENCE; i++) {
        sequence[i] = random.nextInt(SUBJECTS);
      }
    }

    /** Copies the template subject's snapshot row to every other subject, in one statement. */
    private void copySnapshot(String template) {
      List<String> columns = new ArrayList<>();
      try (Connection connection = db.jdbcPool.getConnection();
          PreparedStatement query = connection.prepareStatement("select column_name from information_schema.columns"
              + " where table_schema = ? and table_name = 'gdpr_consent_snapshot' order by ordinal_position")) {
        query.setString(1, db.schema);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            columns.add(rows.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      String select = String.join(", ", columns.stream()
          .map(column -> column.equals("subject") ? "'contact-' || g" : "s." + column).toList());
      db.execute("insert into gdpr_consent_snapshot (" + String.join(", ", columns) + ") select " + select
          + " from gdpr_consent_snapshot s, generate_series(1, " + (SUBJECTS - 1) + ") g where s.subject = '"
          + template + "'", "analyze gdpr_consent_snapshot");
    }

    GdprKit kit(io.gdprkit.consent.spi.ConsentStore store) {
      return GdprKit.builder()
          .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter"))
          .transactions(db.transactions)
          .consentStore(store)
          .allowGeneratedKeys()
          .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      db.close();
    }
  }

  /** A kit deciding on the JPA store, one indexed read a decision. */
  @State(Scope.Benchmark)
  public static class Uncached {
    GdprKit gdpr;

    @Setup(Level.Trial)
    public void setUp(Database database) {
      gdpr = database.kit(new JpaConsentStore(database.db.transactions));
      for (SubjectId subject : List.of(database.subjects[0], database.subjects[SUBJECTS - 1])) {
        if (!gdpr.decide(subject, NEWSLETTER).allowed()) {
          throw new IllegalStateException("set-up failed: a decision denies");
        }
      }
    }
  }

  /** A kit deciding through the decision cache, filled with every subject. */
  @State(Scope.Benchmark)
  public static class Cached {
    GdprKit gdpr;
    CachingConsentStore cache;

    @Setup(Level.Trial)
    public void setUp(Database database) {
      cache = new CachingConsentStore(new JpaConsentStore(database.db.transactions),
          ConsentCacheOptions.defaults().withStaleness(ConsentCacheOptions.MAX_STALENESS));
      gdpr = database.kit(cache);
      for (SubjectId subject : database.subjects) {
        if (!gdpr.decide(subject, NEWSLETTER).allowed()) {
          throw new IllegalStateException("set-up failed: a decision denies");
        }
      }
      if (cache.size() != SUBJECTS) {
        throw new IllegalStateException("set-up failed: the cache holds " + cache.size() + " subjects");
      }
      System.gc(); // measure on a compacted heap, as for the bare map
    }

    @TearDown(Level.Trial)
    public void checkHits() {
      if (cache.size() != SUBJECTS) {
        throw new IllegalStateException("the cache lost subjects during the run: " + cache.size());
      }
    }
  }

  /**
   * The kit on its in-memory store with the same subjects granted: what {@code decide} costs with no database and no
   * cache in front of it, the reference for what the cache adds.
   */
  @State(Scope.Benchmark)
  public static class InMemory {
    GdprKit gdpr;

    @Setup(Level.Trial)
    public void setUp(Database database) {
      gdpr = GdprKit.builder().purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "Monthly newsletter")).build();
      ConsentProof proof = ConsentProof.webForm("signup", "v3").build();
      for (SubjectId subject : database.subjects) {
        gdpr.consents().grant(subject, NEWSLETTER, proof);
      }
      System.gc();
    }
  }

  /** The bare JDBC read of the snapshot row. */
  @State(Scope.Benchmark)
  public static class Jdbc {
    static final String SELECT = "select body from gdpr_consent_snapshot where tenant = ? and subject = ?";
  }

  /** A bare map of the same subjects. */
  @State(Scope.Benchmark)
  public static class BareMap {
    ConcurrentHashMap<SubjectId, Boolean> map;

    @Setup(Level.Trial)
    public void setUp(Database database) {
      map = new ConcurrentHashMap<>(SUBJECTS * 2);
      for (SubjectId subject : database.subjects) {
        map.put(subject, Boolean.TRUE);
      }
      System.gc();
    }
  }

  /**
   * The decisions a host would cache itself with a staleness bound: Caffeine, bounded to the kit cache's maximum size,
   * each entry expiring the bound after it was written. An extra baseline; the bare map stays the issue's.
   */
  @State(Scope.Benchmark)
  public static class CaffeineDecisions {
    Cache<SubjectId, Boolean> cache;

    @Setup(Level.Trial)
    public void setUp(Database database) {
      cache = Caffeine.newBuilder()
          .maximumSize(ConsentCacheOptions.DEFAULT_SIZE)
          .expireAfterWrite(ConsentCacheOptions.MAX_STALENESS)
          .build();
      for (SubjectId subject : database.subjects) {
        cache.put(subject, Boolean.TRUE);
      }
      cache.cleanUp();
      System.gc();
    }
  }

  /** Each thread's position in the sequence. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** The thread's next subject in the sequence. */
  private static SubjectId next(Database database, Cursor cursor) {
    return database.subjects[database.sequence[cursor.next++ & MASK]];
  }

  private static Decision decide(Database database, GdprKit gdpr, Cursor cursor) {
    return gdpr.decide(next(database, cursor), NEWSLETTER);
  }

  @Benchmark
  @Group("uncached")
  @GroupThreads(1)
  public Decision jpaDecide(Database database, Uncached kit, Cursor cursor) {
    return decide(database, kit.gdpr, cursor);
  }

  @Benchmark
  @Group("uncached")
  @GroupThreads(1)
  public String jdbcSelect(Database database, Jdbc jdbc, Cursor cursor) throws SQLException {
    SubjectId subject = next(database, cursor);
    try (Connection connection = database.db.jdbcPool.getConnection();
        PreparedStatement select = connection.prepareStatement(Jdbc.SELECT)) {
      select.setString(1, subject.tenant().value());
      select.setString(2, subject.value());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no row");
        }
        return row.getString(1);
      }
    }
  }

  @Benchmark
  @Group("cached")
  @GroupThreads(1)
  public Decision cachedDecide(Database database, Cached kit, Cursor cursor) {
    return decide(database, kit.gdpr, cursor);
  }

  @Benchmark
  @Group("caffeine")
  @GroupThreads(1)
  public Decision cachedDecideBesideCaffeine(Database database, Cached kit, Cursor cursor) {
    return decide(database, kit.gdpr, cursor);
  }

  @Benchmark
  @Group("caffeine")
  @GroupThreads(1)
  public Boolean caffeineGet(Database database, CaffeineDecisions caffeine, Cursor cursor) {
    return caffeine.cache.getIfPresent(next(database, cursor));
  }

  @Benchmark
  @Group("inMemory")
  @GroupThreads(1)
  public Decision inMemoryDecide(Database database, InMemory kit, Cursor cursor) {
    return decide(database, kit.gdpr, cursor);
  }

  @Benchmark
  @Group("inMemory")
  @GroupThreads(1)
  public Boolean inMemoryMapGet(Database database, BareMap bare, Cursor cursor) {
    return mapGet(database, bare, cursor);
  }

  @Benchmark
  @Group("cached")
  @GroupThreads(1)
  public Boolean mapGet(Database database, BareMap bare, Cursor cursor) {
    return bare.map.get(next(database, cursor));
  }
}
