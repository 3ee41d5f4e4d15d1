package io.gdprkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gdprkit.jpa.GdprEntities;
import io.gdprkit.jpa.JpaTransactions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The PostgreSQL side of the JPA benchmarks (issue 11): a schema of their own, made from the scripts in gdpr-jpa's
 * jar, and two HikariCP pools of one size and one configuration, one under Hibernate and one for the bare JDBC
 * baseline, so that neither side has more connections or another pool.
 *
 * <p>The server is {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}, overridable with
 * {@code -Dgdpr.bench.url}, {@code -Dgdpr.bench.user} and {@code -Dgdpr.bench.password}; the schema is
 * {@value #DEFAULT_SCHEMA} unless {@code -Dgdpr.schema} names another. It is dropped and created again at every trial.
 */
final class PostgresBench implements AutoCloseable {

  static final String DEFAULT_SCHEMA = "gdpr_kit_bench";

  final String schema;
  final HikariDataSource jpaPool;
  final HikariDataSource jdbcPool;
  final EntityManagerFactory factory;
  final JpaTransactions transactions;

  private PostgresBench(String schema, HikariDataSource jpaPool, HikariDataSource jdbcPool,
      EntityManagerFactory factory) {
    this.schema = schema;
    this.jpaPool = jpaPool;
    this.jdbcPool = jdbcPool;
    this.factory = factory;
    this.transactions = JpaTransactions.resourceLocal(factory);
  }

  /** Drops and creates the schema, runs the kit's scripts, and opens both pools with {@code poolSize} connections. */
  static PostgresBench start(int poolSize) {
    String url = System.getProperty("gdpr.bench.url", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getProperty("gdpr.bench.user", "postgres");
    String password = System.getProperty("gdpr.bench.password", "");
    String schema = System.getProperty("gdpr.schema", DEFAULT_SCHEMA);
    if (!schema.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalStateException("-Dgdpr.schema must be a lower-case SQL name");
    }
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try (Connection admin = DriverManager.getConnection(url, user, password);
        Statement statement = admin.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the schema " + schema + " at " + url, e);
    }
    try (Connection connection = DriverManager.getConnection(schemaUrl, user, password);
        Statement statement = connection.createStatement()) {
      for (String script : scripts()) {
        statement.execute(script); // PostgreSQL runs a script of many statements as one simple query
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the schema scripts failed", e);
    }
    HikariDataSource jpaPool = pool("jpa", schemaUrl, user, password, poolSize);
    HikariDataSource jdbcPool = pool("jdbc", schemaUrl, user, password, poolSize);
    PersistenceConfiguration configuration = new PersistenceConfiguration("gdpr-kit-bench")
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    GdprEntities.all().forEach(configuration::managedClass);
    EntityManagerFactory factory = configuration
        .property("hibernate.connection.datasource", jpaPool)
        .property("hibernate.hbm2ddl.auto", "validate")
        .createEntityManagerFactory();
    return new PostgresBench(schema, jpaPool, jdbcPool, factory);
  }

  /** One pool; both sides get one made here with the same settings. */
  private static HikariDataSource pool(String name, String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-" + name);
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    return new HikariDataSource(config);
  }

  /** The kit's PostgreSQL scripts from gdpr-jpa's jar (or folder), in Flyway's version order. */
  private static List<String> scripts() {
    URL folder = PostgresBench.class.getResource("/db/gdpr/postgresql");
    if (folder == null) {
      throw new IllegalStateException("gdpr-jpa's PostgreSQL scripts are not on the class path");
    }
    try {
      URI uri = folder.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.provider().getPath(uri));
        }
      }
      return read(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("could not read gdpr-jpa's PostgreSQL scripts", e);
    }
  }

  private static List<String> read(Path folder) throws IOException {
    List<String> scripts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.+\\.sql"))
          .sorted(Comparator.comparing(PostgresBench::version, Arrays::compare)).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return scripts;
  }

  /** The script's version as numbers, {@code V1_13__x.sql} as {1, 13}, which {@link Arrays#compare} orders. */
  private static int[] version(Path script) {
    String name = script.getFileName().toString();
    return Arrays.stream(name.substring(1, name.indexOf("__")).split("_")).mapToInt(Integer::parseInt).toArray();
  }

  /** Runs SQL on a connection of the baseline's pool, outside the measurement. */
  void execute(String... sql) {
    try (Connection connection = jdbcPool.getConnection(); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("set-up SQL failed", e);
    }
  }

  @Override
  public void close() {
    factory.close();
    jpaPool.close();
    jdbcPool.close();
  }
}
