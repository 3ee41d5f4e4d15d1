package io.gdprkit.spring.jpa;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.jpa.GdprEntities;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.audit.JpaAuditStore;
import io.gdprkit.jpa.audit.JpaCheckpointStore;
import io.gdprkit.jpa.authorisation.JpaAuthorisationStore;
import io.gdprkit.jpa.breach.JpaBreachStore;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.jpa.encryption.JpaSubjectKeyStore;
import io.gdprkit.jpa.erasure.JpaErasureStore;
import io.gdprkit.jpa.gpc.JpaGpcStore;
import io.gdprkit.jpa.processing.JpaProcessingRecordStore;
import io.gdprkit.jpa.provider.JpaEncryption;
import io.gdprkit.jpa.provider.JpaPersonalDataProvider;
import io.gdprkit.jpa.recipient.JpaDisclosureStore;
import io.gdprkit.jpa.recipient.JpaRecipientStore;
import io.gdprkit.jpa.request.JpaRequestStore;
import io.gdprkit.jpa.retention.JpaRetentionStore;
import io.gdprkit.jpa.source.JpaSourceStore;
import io.gdprkit.jpa.suppression.JpaSuppressionStore;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.spring.autoconfigure.GdprConfigurationException;
import io.gdprkit.spring.transaction.SpringJpaTransactions;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every store of the kit on JPA, in the host's database and the host's Spring transactions, when the host has a
 * DataSource, JPA and gdpr-jpa: consents with their proofs, erasure jobs, the audit trail and the rest outlive the
 * JVM, as accountability requires (Art. 5(2)). Each store backs off when the host defines a bean of its SPI type; the
 * kit's unit of work backs off when the host defines a {@link JpaTransactions}. {@code gdpr.jpa.enabled=false} keeps
 * the kit in memory although JPA is there (for tests of something else; never in production).
 *
 * <p>The kit's entities are added to the host's persistence unit by registering {@code io.gdprkit.jpa} as an
 * auto-configuration package, which Spring Boot's entity scan reads; a host that lists its packages with
 * {@code @EntityScan} adds {@code GdprEntities.class} there. The tables are the host's to create: it runs the scripts
 * in {@code db/gdpr/<database>} of gdpr-jpa (Flyway-style names) with its own migrations.
 *
 * <p>The host's entities annotated with {@code @DataSubject} and {@code @PersonalData} are exported and erased by a
 * {@link JpaPersonalDataProvider} (id {@code jpa}), switched off with {@code gdpr.jpa.provider.enabled=false}; their
 * {@code @Encrypted} columns are encrypted under each subject's key by the installed {@link JpaEncryption}.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@AutoConfiguration(before = GdprAutoConfiguration.class,
    afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({EntityManagerFactory.class, JpaTransactions.class, PlatformTransactionManager.class,
    SpringJpaTransactions.class})
@ConditionalOnBean({EntityManagerFactory.class, PlatformTransactionManager.class})
@ConditionalOnProperty(name = "gdpr.jpa.enabled", havingValue = "true", matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = GdprEntities.class)
public final class GdprJpaAutoConfiguration {

  GdprJpaAutoConfiguration() {}

  /** The kit's unit of work, joining the host's Spring transactions. */
  @Bean
  @ConditionalOnMissingBean(JpaTransactions.class)
  static SpringJpaTransactions gdprTransactions(PlatformTransactionManager transactionManager,
      EntityManagerFactory entityManagerFactory) {
    return new SpringJpaTransactions(transactionManager, entityManagerFactory);
  }

  @Bean
  @ConditionalOnMissingBean
  static ConsentStore gdprConsentStore(JpaTransactions transactions) {
    return new JpaConsentStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.source.spi.SourceStore gdprSourceStore(JpaTransactions transactions) {
    return new JpaSourceStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.suppression.spi.SuppressionStore gdprSuppressionStore(JpaTransactions transactions) {
    return new JpaSuppressionStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static ErasureStore gdprErasureStore(JpaTransactions transactions, ObjectProvider<Clock> clock) {
    return new JpaErasureStore(transactions, clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  static AuditStore gdprAuditStore(JpaTransactions transactions) {
    return new JpaAuditStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static CheckpointStore gdprCheckpointStore(JpaTransactions transactions) {
    return new JpaCheckpointStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static AuditOutbox gdprAuditOutbox(JpaTransactions transactions) {
    return new JpaAuditOutbox(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.retention.spi.RetentionStore gdprRetentionStore(JpaTransactions transactions) {
    return new JpaRetentionStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.request.spi.RequestStore gdprRequestStore(JpaTransactions transactions) {
    return new JpaRequestStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.recipient.spi.RecipientStore gdprRecipientStore(JpaTransactions transactions) {
    return new JpaRecipientStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.recipient.spi.DisclosureStore gdprDisclosureStore(JpaTransactions transactions,
      ObjectProvider<Clock> clock) {
    return new JpaDisclosureStore(transactions, clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  static AuthorisationStore gdprAuthorisationStore(JpaTransactions transactions) {
    return new JpaAuthorisationStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static io.gdprkit.processing.spi.ProcessingRecordStore gdprProcessingRecordStore(JpaTransactions transactions) {
    return new JpaProcessingRecordStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static BreachStore gdprBreachStore(JpaTransactions transactions) {
    return new JpaBreachStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static SubjectKeyStore gdprSubjectKeyStore(JpaTransactions transactions) {
    return new JpaSubjectKeyStore(transactions);
  }

  @Bean
  @ConditionalOnMissingBean
  static GpcStore gdprGpcStore(JpaTransactions transactions) {
    return new JpaGpcStore(transactions);
  }

  /**
   * The encryption of the host's {@code @Encrypted} columns under each subject's data key (crypto-shredding,
   * Art. 17 and 32(1)(a)), installed for the converter and listener that JPA creates; switched off with
   * {@code gdpr.jpa.encryption.enabled=false}.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = "gdpr.jpa.encryption.enabled", havingValue = "true", matchIfMissing = true)
  static JpaEncryption gdprJpaEncryption(GdprKit gdpr) {
    return JpaEncryption.of(gdpr).install();
  }

  /** The host's entities annotated with {@code @DataSubject}, exported and erased with every other provider. */
  @Bean
  @ConditionalOnMissingBean(JpaPersonalDataProvider.class)
  @ConditionalOnProperty(name = "gdpr.jpa.provider.enabled", havingValue = "true", matchIfMissing = true)
  static JpaPersonalDataProvider gdprJpaPersonalDataProvider(JpaTransactions transactions,
      EntityManagerFactory entityManagerFactory) {
    return JpaPersonalDataProvider.builder(transactions).metamodel(entityManagerFactory.getMetamodel()).build();
  }
}
