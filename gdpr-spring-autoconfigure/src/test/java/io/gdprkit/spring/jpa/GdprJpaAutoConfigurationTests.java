package io.gdprkit.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.spi.KeyRingSource;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.erasure.JpaErasureStore;
import io.gdprkit.jpa.provider.JpaPersonalDataProvider;
import io.gdprkit.spring.autoconfigure.FailureAnalyses;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.spring.jpa.host.Customer;
import io.gdprkit.spring.events.GdprEventsAutoConfiguration;
import io.gdprkit.spring.events.internal.LazyEventOutbox;
import io.gdprkit.spring.transaction.SpringJpaTransactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which stores the kit gets with and without JPA, and how each backs off for the host's own bean. */
@ExtendWith(OutputCaptureExtension.class)
class GdprJpaAutoConfigurationTests {

  /** Base64 of 32 bytes; a test key only. */
  static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, GdprJpaAutoConfiguration.class,
          GdprEventsAutoConfiguration.class, GdprAutoConfiguration.class))
      .withUserConfiguration(HostEntities.class)
      .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
          "spring.jpa.hibernate.ddl-auto=none",
          "gdpr.purposes.newsletter.basis=CONSENT", "gdpr.purposes.newsletter.description=Monthly newsletter");

  private static String[] keys() {
    return new String[] {"gdpr.keys.token[0].id=t1", "gdpr.keys.token[0].secret=" + KEY,
        "gdpr.keys.pseudonym.id=p1", "gdpr.keys.pseudonym.secret=" + KEY, "gdpr.keys.signing.id=s1",
        "gdpr.keys.signing.key=" + KEY, "gdpr.keys.key-encryption[0].id=kek1",
        "gdpr.keys.key-encryption[0].key=" + KEY};
  }

  @Test
  void putsEveryStoreOnJpaInTheHostsTransactions() {
    runner.withPropertyValues(keys()).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(JpaTransactions.class)).isInstanceOf(SpringJpaTransactions.class);
      assertThat(context.getBean(ConsentStore.class)).isInstanceOf(JpaConsentStore.class);
      assertThat(context.getBean(ErasureStore.class)).isInstanceOf(JpaErasureStore.class);
      assertThat(context.getBean(AuditStore.class)).isInstanceOf(JpaAuditStore.class);
      assertThat(context.getBeansOfType(GdprEventPublisher.class).values())
          .as("the transactional outbox, from the events wiring").hasAtLeastOneElementOfType(LazyEventOutbox.class);
      assertThat(context).hasSingleBean(GdprKit.class);
    });
  }

  @Test
  void findsTheHostsAnnotatedEntities() {
    runner.withPropertyValues(keys()).run(context -> {
      JpaPersonalDataProvider provider = context.getBean(JpaPersonalDataProvider.class);

      assertThat(provider.entities()).extracting(entity -> (Object) entity.javaType()).containsExactly(Customer.class);
      assertThat(context.getBean(GdprKit.class).personalData().providers()).contains(provider);
    });
  }

  @Test
  void leavesTheHostsEntitiesToItselfWhenSwitchedOff() {
    runner.withPropertyValues(keys()).withPropertyValues("gdpr.jpa.provider.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(JpaPersonalDataProvider.class));
  }

  @Test
  void staysInMemoryAndWarnsWithoutJpa(CapturedOutput output) {
    runner.withClassLoader(new FilteredClassLoader("org.hibernate")).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(JpaTransactions.class).doesNotHaveBean(ConsentStore.class);
      assertThat(context).hasSingleBean(GdprKit.class);
    });

    assertThat(output).contains("gdpr-kit runs on in-memory stores");
  }

  @Test
  void staysInMemoryWhenSwitchedOff() {
    runner.withPropertyValues("gdpr.jpa.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsentStore.class));
  }

  @Test
  void staysInMemoryWithoutGdprJpa() {
    runner.withClassLoader(new FilteredClassLoader(JpaTransactions.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsentStore.class));
  }

  @Test
  void doesNotWarnOnPersistentStores(CapturedOutput output) {
    runner.withPropertyValues(keys()).run(context -> assertThat(context).hasNotFailed());

    assertThat(output).doesNotContain("gdpr-kit runs on in-memory stores");
  }

  @Test
  void backsOffForTheHostsStore() {
    ConsentStore own = ConsentStore.inMemory();
    runner.withPropertyValues(keys()).withBean(ConsentStore.class, () -> own).run(context -> {
      assertThat(context.getBean(ConsentStore.class)).isSameAs(own);
      assertThat(context.getBean(ErasureStore.class)).isInstanceOf(JpaErasureStore.class);
    });
  }

  @Test
  void backsOffForTheHostsTransactions() {
    runner.withPropertyValues(keys()).withUserConfiguration(HostTransactionsConfiguration.class).run(context -> {
      assertThat(context.getBean(JpaTransactions.class)).isNotInstanceOf(SpringJpaTransactions.class);
      assertThat(context.getBean(ConsentStore.class)).isInstanceOf(JpaConsentStore.class);
    });
  }

  @Test
  void refusesToStartWithoutKeysOnPersistentStores() {
    runner.run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = analyze(context.getStartupFailure());

      assertThat(analysis.getDescription()).contains("'gdpr.keys.token'").contains("persistent")
          .contains("pseudonymKey").contains("signingKey").contains("keyEncryptionKeys");
      assertThat(analysis.getAction()).contains("gdpr.keys");
    });
  }

  @Test
  void refusesToGenerateTheOtherKeysOnPersistentStores() {
    runner.withPropertyValues("gdpr.keys.pseudonym.id=p1", "gdpr.keys.pseudonym.secret=" + KEY).run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = analyze(context.getStartupFailure());

      assertThat(analysis.getDescription()).contains("'gdpr.keys.token'")
          .contains("keyRing, signingKey, keyEncryptionKeys");
      assertThat(analysis.getAction()).contains("never generates keys");
    });
  }

  @Test
  void takesTheHostsKeyBeansOverProperties() {
    PseudonymKey own = PseudonymKey.generate();
    runner.withPropertyValues(keys()).withBean(PseudonymKey.class, () -> own)
        .run(context -> assertThat(context.getBean(GdprKit.class).pseudonymKey()).isSameAs(own));
  }

  @Test
  void takesTheHostsKeyRingSourceOverTheConfiguredTokenKeys() {
    KeyRing shared = KeyRing.of("vault-1", Base64.getDecoder().decode(KEY));
    KeyRingSource vault = new KeyRingSource() {
      @Override
      public long version() {
        return 1;
      }

      @Override
      public KeyRing load() {
        return shared;
      }
    };
    runner.withPropertyValues(keys()).withBean(KeyRingSource.class, () -> vault).run(context -> {
      assertThat(context).doesNotHaveBean(KeyRing.class);
      assertThat(context.getBean(GdprKit.class).keys().activeKeyId()).isEqualTo("vault-1");
    });
  }

  private static FailureAnalysis analyze(Throwable failure) {
    return FailureAnalyses.analyze(failure);
  }

  @Configuration(proxyBeanMethods = false)
  static class HostTransactionsConfiguration {
    @Bean
    JpaTransactions hostTransactions(EntityManagerFactory entityManagerFactory) {
      return JpaTransactions.resourceLocal(entityManagerFactory);
    }
  }

  /** Registers the host's package for entity scanning, as {@code @SpringBootApplication} does. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage(basePackageClasses = Customer.class)
  static class HostEntities {}
}
