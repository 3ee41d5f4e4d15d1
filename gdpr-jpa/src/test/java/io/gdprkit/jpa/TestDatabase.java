package io.gdprkit.jpa;

import static org.junit.jupiter.api.Assumptions.abort;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The databases the JPA stores are tested on: H2 in memory, and the PostgreSQL and MariaDB servers of the machine.
 *
 * <p>A server that cannot be reached skips its tests with a message that says so, unless the environment variable
 * {@value #REQUIRED} is {@code true} ({@code .ci/run} sets it), which fails them instead: CI must not pass by
 * skipping. Each database gets a schema of its own, {@value #SCHEMA}, dropped and created from the jar's scripts once
 * per test run, then validated by Hibernate against the mapping ({@code hibernate.hbm2ddl.auto=validate}).
 *
 * <p>Tests may add tables and entities of their own, such as a host's model: scripts under {@value #TEST_SCRIPTS} run
 * after the jar's, and the classes named in {@value #TEST_ENTITIES}, one a line, join the persistence unit.
 */
public enum TestDatabase {
  H2("h2", "jdbc:h2:mem:" + TestDatabase.SCHEMA + ";DB_CLOSE_DELAY=-1", "sa", ""),
  POSTGRESQL("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
  MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root", "");

  /** The environment variable that makes the server databases mandatory. */
  public static final String REQUIRED = "GDPR_KIT_REQUIRE_SERVICES";

  /** The system property that runs the tests on some databases only, such as {@code -Dgdpr.databases=h2}. */
  public static final String SELECTED = "gdpr.databases";

  static final String SCHEMA = "gdpr_kit_test";

  /**
   * The system property that names the schema on the servers instead of {@value #SCHEMA}, such as
   * {@code -Dgdpr.schema=gdpr_kit_consent}, so that two worktrees can run their tests against the same servers at once
   * without dropping each other's schema.
   */
  public static final String SCHEMA_PROPERTY = "gdpr.schema";

  /** The folder of test-only scripts, per database, run after the jar's. */
  static final String TEST_SCRIPTS = "/db/test/";

  /** The resource naming test-only entity classes, one a line. */
  static final String TEST_ENTITIES = "/db/test/entities.txt";

  private final String vendor;
  private final String url;
  private final String user;
  private final String password;
  private volatile State state;

  TestDatabase(String vendor, String url, String user, String password) {
    this.vendor = vendor;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Returns the resource-local transactions on this database, after skipping or failing when it is unreachable. */
  public JpaTransactions transactions() {
    return state().transactions;
  }

  /** Returns the entity manager factory of this database. */
  public EntityManagerFactory entityManagerFactory() {
    return state().factory;
  }

  /**
   * Returns the rounds a repeated race runs here: a fiftieth of the in-memory count, since every round is a
   * transaction of its own and a loaded 2-core machine runs a few thousand of them a second.
   */
  public int rounds(int inMemory) {
    return Math.max(1, inMemory / 50);
  }

  /** Returns how much longer than in memory a race may take on this database. */
  public int timeoutFactor() {
    return 6;
  }

  /**
   * Returns a new entity manager factory on this database's schema with gdpr-kit's entities plus a test's own host
   * entities and mapping files; Hibernate creates the host entities' tables ({@code update}) and leaves the kit's,
   * which the scripts made, as they are. The caller closes it.
   */
  public EntityManagerFactory hostEntityManagerFactory(String name, List<Class<?>> hostEntities,
      List<String> mappingFiles) {
    return hostEntityManagerFactory(name, hostEntities, mappingFiles, Map.of());
  }

  /**
   * Returns a new entity manager factory as {@link #hostEntityManagerFactory(String, List, List)} does, with the
   * persistence properties given on top, such as a pool setting a host may choose. The caller closes it.
   */
  public EntityManagerFactory hostEntityManagerFactory(String name, List<Class<?>> hostEntities,
      List<String> mappingFiles, Map<String, String> properties) {
    State ready = state();
    PersistenceConfiguration configuration = new PersistenceConfiguration(name + "-" + vendor)
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    GdprEntities.all().forEach(configuration::managedClass);
    hostEntities.forEach(configuration::managedClass);
    mappingFiles.forEach(configuration::mappingFile);
    return configuration
        .property(PersistenceConfiguration.JDBC_URL, ready.url())
        .property(PersistenceConfiguration.JDBC_USER, user)
        .property(PersistenceConfiguration.JDBC_PASSWORD, password)
        .property("hibernate.hbm2ddl.auto", "update")
        .property("hibernate.hikari.maximumPoolSize", "8")
        .properties(Map.copyOf(properties))
        .createEntityManagerFactory();
  }

  /** Empties every gdpr-kit table, so that a test starts on an empty store. */
  public void clean() {
    State ready = state();
    try (Connection connection = ready.connect(); Statement statement = connection.createStatement()) {
      for (int i = ready.tables.size() - 1; i >= 0; i--) { // a table created later may reference an earlier one
        statement.executeUpdate("delete from " + ready.tables.get(i));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the tables on " + this, e);
    }
  }

  /**
   * Returns the JDBC URL of this database's test schema, so that a kit in another JVM connects to the same schema
   * (the kill and many-instances tests of issue 11).
   */
  public String schemaJdbcUrl() {
    state();
    return schemaUrl();
  }

  /** Returns the user the tests connect as. */
  public String user() {
    return user;
  }

  /** Returns the password the tests connect with. */
  public String password() {
    return password;
  }

  private State state() {
    State ready = state;
    if (ready == null) {
      synchronized (this) {
        ready = state;
        if (ready == null) {
          ready = start();
          state = ready;
        }
      }
    }
    return ready;
  }

  private State start() {
    String selected = System.getProperty(SELECTED);
    if (selected != null && !List.of(selected.toUpperCase(java.util.Locale.ROOT).split(",")).contains(name())) {
      abort(this + " is not among the databases selected by -D" + SELECTED + "=" + selected);
    }
    try (Connection admin = DriverManager.getConnection(url, user, password)) {
      recreateSchema(admin);
    } catch (SQLException e) {
      String message = this + " at " + url + " is not reachable (" + e.getMessage() + "); its tests are skipped. Set "
          + REQUIRED + "=true to make them fail instead.";
      if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
        throw new IllegalStateException(message, e);
      }
      abort(message);
    }
    String schemaUrl = schemaUrl();
    List<String> tables = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(schemaUrl, user, password);
        Statement statement = connection.createStatement()) {
      List<String> scripts = new ArrayList<>(scripts("/db/gdpr/" + vendor));
      if (TestDatabase.class.getResource(TEST_SCRIPTS + vendor) != null) {
        scripts.addAll(scripts(TEST_SCRIPTS + vendor));
      }
      for (String script : scripts) {
        for (String sql : statements(script)) {
          statement.execute(sql);
          if (sql.toLowerCase(java.util.Locale.ROOT).startsWith("create table ")) {
            tables.add(sql.substring("create table ".length()).split("[\\s(]", 2)[0]);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the schema scripts of " + this + " failed", e);
    }
    PersistenceConfiguration configuration = new PersistenceConfiguration("gdpr-kit-" + vendor)
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    GdprEntities.all().forEach(configuration::managedClass);
    testEntities().forEach(configuration::managedClass);
    EntityManagerFactory factory = configuration
        .property(PersistenceConfiguration.JDBC_URL, schemaUrl)
        .property(PersistenceConfiguration.JDBC_USER, user)
        .property(PersistenceConfiguration.JDBC_PASSWORD, password)
        .property("hibernate.hbm2ddl.auto", "validate")
        .property("hibernate.hikari.maximumPoolSize", "8")
        .property("hibernate.session_factory.statement_inspector", RecordedSql.class.getName())
        .createEntityManagerFactory();
    return new State(schemaUrl, user, password, factory, List.copyOf(tables));
  }

  private void recreateSchema(Connection admin) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      switch (this) {
        case H2 -> statement.execute("drop all objects");
        case POSTGRESQL -> {
          statement.execute("drop schema if exists " + schema() + " cascade");
          statement.execute("create schema " + schema());
        }
        case MARIADB -> {
          statement.execute("drop database if exists " + schema());
          statement.execute("create database " + schema());
        }
      }
    }
  }

  private static String schema() {
    String schema = System.getProperty(SCHEMA_PROPERTY, SCHEMA);
    if (!schema.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalStateException("-D" + SCHEMA_PROPERTY + " must be a lower-case SQL name");
    }
    return schema;
  }

  private String schemaUrl() {
    return switch (this) {
      case H2 -> url;
      case POSTGRESQL -> url + "?currentSchema=" + schema();
      case MARIADB -> url.substring(0, url.lastIndexOf('/') + 1) + schema();
    };
  }

  /** The entity classes that tests add to the persistence unit. */
  private static List<Class<?>> testEntities() {
    URL list = TestDatabase.class.getResource(TEST_ENTITIES);
    if (list == null) {
      return List.of();
    }
    try (InputStream in = list.openStream()) {
      List<Class<?>> classes = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          classes.add(Class.forName(line.strip()));
        }
      }
      return classes;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("could not load the test entities of " + TEST_ENTITIES, e);
    }
  }

  /** The scripts in a folder for this database, in Flyway's version order. */
  private List<String> scripts(String path) {
    URL folder = TestDatabase.class.getResource(path);
    if (folder == null) {
      throw new IllegalStateException("no scripts for " + vendor);
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.+\\.sql"))
          .sorted(java.util.Comparator.comparing(TestDatabase::version))
          .map(TestDatabase::read)
          .toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("could not list the scripts of " + vendor, e);
    }
  }

  /** Returns the script's version with every part zero-padded, so that versions sort as strings. */
  private static String version(Path script) {
    String name = script.getFileName().toString();
    StringBuilder version = new StringBuilder();
    for (String part : name.substring(1, name.indexOf("__")).split("_")) {
      version.append(String.format("%08d.", Integer.parseInt(part)));
    }
    return version.toString();
  }

  private static String read(Path script) {
    try (InputStream in = Files.newInputStream(script)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + script, e);
    }
  }

  /** Splits a script into statements: comments dropped, split at semicolons that end a line. */
  static List<String> statements(String script) {
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";\\s*\n")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip().replaceAll(";$", ""));
      }
    }
    return statements;
  }

  private record State(String url, String user, String password, EntityManagerFactory factory,
      List<String> tables, JpaTransactions transactions) {

    State(String url, String user, String password, EntityManagerFactory factory, List<String> tables) {
      this(url, user, password, factory, tables, JpaTransactions.resourceLocal(factory));
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }
}
