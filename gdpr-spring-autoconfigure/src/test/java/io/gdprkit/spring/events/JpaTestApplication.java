package io.gdprkit.spring.events;

import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.jpa.GdprEntities;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.jpa.breach.JpaBreachStore;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.erasure.JpaErasureStore;
import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.jpa.request.JpaRequestStore;
import io.gdprkit.jpa.source.JpaSourceStore;
import io.gdprkit.jpa.suppression.JpaSuppressionStore;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A host application's JPA side, as the starter's core will give it: an H2 database of its own named by
 * {@code test.database}, created once per JVM from gdpr-jpa's scripts and this module's, the kit's stores on it, and
 * the outbox relay polled every 100 ms. Both applications of a test share one pseudonym key, as two systems of one
 * controller do, so that each can match the other's events to its own subjects.
 */
@Configuration(proxyBeanMethods = false)
class JpaTestApplication {

  static final PseudonymKey SHARED_PSEUDONYM_KEY = PseudonymKey.of("shared-1", new byte[32]);

  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

  @Bean(destroyMethod = "close")
  EntityManagerFactory entityManagerFactory(@Value("${test.database}") String database) {
    String url = "jdbc:h2:mem:gdpr_kit_starter_events_" + database + ";DB_CLOSE_DELAY=-1";
    if (CREATED.add(url)) {
      runScripts(url);
    }
    PersistenceConfiguration configuration = new PersistenceConfiguration("starter-events-" + database)
        .provider("org.hibernate.jpa.HibernatePersistenceProvider")
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
    GdprEntities.all().forEach(configuration::managedClass);
    return configuration
        .property(PersistenceConfiguration.JDBC_URL, url)
        .property(PersistenceConfiguration.JDBC_USER, "sa")
        .property(PersistenceConfiguration.JDBC_PASSWORD, "")
        .property("hibernate.hbm2ddl.auto", "validate")
        .property("hibernate.hikari.maximumPoolSize", "4")
        .createEntityManagerFactory();
  }

  @Bean
  JpaTransactions jpaTransactions(EntityManagerFactory factory) {
    return JpaTransactions.resourceLocal(factory);
  }

  @Bean
  GdprKitCustomizer jpaStores(JpaTransactions transactions) {
    Clock clock = Clock.systemUTC();
    return builder -> builder
        .pseudonymKey(SHARED_PSEUDONYM_KEY)

        .consentStore(new JpaConsentStore(transactions))
        .sourceStore(new JpaSourceStore(transactions))
        .suppressionStore(new JpaSuppressionStore(transactions))
        .erasureStore(new JpaErasureStore(transactions, clock))
        .auditOutbox(new JpaAuditOutbox(transactions))
        .auditStore(new JpaAuditStore(transactions))
        .checkpointStore(new JpaCheckpointStore(transactions))
        .requestStore(new JpaRequestStore(transactions))
        .breachStore(new JpaBreachStore(transactions));
  }

  /** Polls the outbox as the starter's scheduled relay does; a failed batch waits for the next poll. */
  @Bean
  SmartLifecycle relayPoller(EventOutboxRelay relay) {
    return new SmartLifecycle() {
      private volatile ScheduledExecutorService scheduler;

      @Override
      public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(() -> {
          try {
            relay.relayAll(100, 10);
          } catch (RuntimeException e) {
            // the batch stays in the outbox; the broker or the database is back at a later poll
            LoggerFactory.getLogger(JpaTestApplication.class).debug("relay failed: {}", e.toString());
          }
        }, 100, 100, TimeUnit.MILLISECONDS);
      }

      @Override
      public void stop() {
        scheduler.shutdown();
        try {
          scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
      }
    };
  }

  private static void runScripts(String url) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> scripts = new ArrayList<>();
    try {
      for (String folder : List.of("classpath*:db/gdpr/h2/*.sql", "classpath*:db/gdpr-events/h2/*.sql")) {
        List<Resource> found = new ArrayList<>(Arrays.asList(resolver.getResources(folder)));
        found.sort(Comparator.comparing(JpaTestApplication::version));
        scripts.addAll(found);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the schema scripts", e);
    }
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      for (Resource script : scripts) {
        SqlScripts.run(statement, script.getInputStream());
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("the schema scripts failed on " + url, e);
    }
  }

  /** Returns {@code V1_13__x.sql}'s version as a sortable string: 0001.0013. */
  private static String version(Resource script) {
    String[] parts = script.getFilename().substring(1).split("__")[0].split("_");
    StringBuilder sortable = new StringBuilder();
    for (String part : parts) {
      sortable.append(String.format("%04d.", Integer.parseInt(part)));
    }
    return sortable.toString();
  }
}
