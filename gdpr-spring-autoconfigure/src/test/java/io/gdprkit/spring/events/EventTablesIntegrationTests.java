package io.gdprkit.spring.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;

import io.gdprkit.consent.ConsentGranted;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.spring.events.internal.JpaEventInbox;
import io.gdprkit.spring.events.internal.JpaSubjectDirectory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The subject directory and the inbox on each database the kit supports, from this module's scripts, in the schema
 * {@code gdpr_kit_starter_events} on the shared servers: each vendor's insert that does nothing for a row already
 * there, and the inbox's one row per event. A server that cannot be reached skips its case, unless
 * {@code GDPR_KIT_REQUIRE_SERVICES=true}.
 */
class EventTablesIntegrationTests {

  private static final String SCHEMA = "gdpr_kit_starter_events";
  private static final Map<Db, EntityManagerFactory> FACTORIES = new EnumMap<>(Db.class);
  private static final SubjectId ALICE = SubjectId.of(TenantId.of("acme"), "alice-" + UUID.randomUUID());

  enum Db {
    H2("h2", "jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1", "sa"),
    POSTGRESQL("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
    MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");

    final String vendor;
    final String url;
    final String user;

    Db(String vendor, String url, String user) {
      this.vendor = vendor;
      this.url = url;
      this.user = user;
    }

    String schemaUrl() {
      return switch (this) {
        case H2 -> url;
        case POSTGRESQL -> url + "?currentSchema=" + SCHEMA;
        case MARIADB -> url.substring(0, url.lastIndexOf('/') + 1) + SCHEMA;
      };
    }
  }

  @AfterAll
  static void closeFactories() {
    FACTORIES.values().forEach(EntityManagerFactory::close);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void findsASubjectByPseudonymUntilItsErasure(Db db) {
    JpaTransactions transactions = transactions(db);
    JpaSubjectDirectory directory = new JpaSubjectDirectory(transactions, subject -> "p:" + subject.value());
    ConsentGranted granted = new ConsentGranted(ALICE, "newsletter", UUID.randomUUID(), 1, Actor.subject(),
        Instant.now());

    transactions.useTransaction(() -> directory.publish(granted));
    transactions.useTransaction(() -> directory.publish(granted)); // a row already there changes nothing
    SubjectId found = directory.resolve(ALICE.tenant(), "p:" + ALICE.value()).orElseThrow();
    transactions.useTransaction(() -> directory.publish(new SubjectErased(ALICE, ErasureScope.everything(),
        UUID.randomUUID(), Instant.now())));

    assertThat(found).isEqualTo(ALICE);
    assertThat(directory.resolve(ALICE.tenant(), "p:" + ALICE.value())).isEmpty();
    assertThat(directory.resolve(TenantId.DEFAULT, "p:" + ALICE.value())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void recordsEachReceivedEventOnce(Db db) {
    JpaTransactions transactions = transactions(db);
    JpaEventInbox inbox = new JpaEventInbox(transactions, Clock.systemUTC());
    ReceivedEvent event = new ReceivedEvent(UUID.randomUUID(), "crm", "ConsentWithdrawn", "default", "{}");

    boolean before = inbox.contains(event.id());
    transactions.useTransaction(() -> inbox.record(event, RemoteEventApplier.Outcome.APPLIED));

    assertThat(before).isFalse();
    assertThat(inbox.contains(event.id())).isTrue();
    assertThatThrownBy(() -> transactions.useTransaction(() -> inbox.record(event,
        RemoteEventApplier.Outcome.APPLIED))).isInstanceOf(RuntimeException.class);
  }

  private static synchronized JpaTransactions transactions(Db db) {
    EntityManagerFactory factory = FACTORIES.get(db);
    if (factory == null) {
      createSchema(db);
      factory = new PersistenceConfiguration("starter-events-tables-" + db.vendor)
          .provider("org.hibernate.jpa.HibernatePersistenceProvider")
          .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
          .property(PersistenceConfiguration.JDBC_URL, db.schemaUrl())
          .property(PersistenceConfiguration.JDBC_USER, db.user)
          .property(PersistenceConfiguration.JDBC_PASSWORD, "")
          .property("hibernate.hikari.maximumPoolSize", "2")
          .createEntityManagerFactory();
      FACTORIES.put(db, factory);
    }
    return JpaTransactions.resourceLocal(factory);
  }

  private static void createSchema(Db db) {
    try (Connection admin = DriverManager.getConnection(db.url, db.user, "");
        Statement statement = admin.createStatement()) {
      switch (db) {
        case H2 -> statement.execute("drop all objects");
        case POSTGRESQL -> {
          statement.execute("drop schema if exists " + SCHEMA + " cascade");
          statement.execute("create schema " + SCHEMA);
        }
        case MARIADB -> {
          statement.execute("drop database if exists " + SCHEMA);
          statement.execute("create database " + SCHEMA);
        }
      }
    } catch (SQLException e) {
      String message = db + " at " + db.url + " is not reachable (" + e.getMessage() + "); its case is skipped. Set "
          + TestBroker.REQUIRED + "=true to make it fail instead.";
      if (Boolean.parseBoolean(System.getenv(TestBroker.REQUIRED))) {
        throw new IllegalStateException(message, e);
      }
      abort(message);
    }
    String script = "/db/gdpr-events/" + db.vendor + "/V1_100__gdpr_events.sql";
    try (Connection connection = DriverManager.getConnection(db.schemaUrl(), db.user, "");
        Statement statement = connection.createStatement()) {
      SqlScripts.run(statement, EventTablesIntegrationTests.class.getResourceAsStream(script));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("the events script failed on " + db, e);
    }
  }
}
