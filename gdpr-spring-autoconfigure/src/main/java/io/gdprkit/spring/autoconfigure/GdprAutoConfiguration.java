package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyConfigurationException;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.suppression.spi.SuppressionStore;
import io.gdprkit.transaction.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apiguardian.api.API;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The kit itself, as one {@link GdprKit} bean assembled from the {@code gdpr.*} properties, the stores, keys,
 * transactions and personal-data providers found as beans, and the {@link GdprKitCustomizer} beans; a host that
 * defines its own {@code GdprKit} bean replaces it.
 *
 * <p>Each store is taken from a bean of its SPI type when there is one (the host's own, or the JPA stores of
 * {@code GdprJpaAutoConfiguration}), and is in memory otherwise: then the kit logs a warning at start-up, since
 * nothing it records (consents with their proof, erasures, the audit trail) survives a restart (Art. 5(2), Art. 7(1)).
 * Once a store is durable, every key must come from {@code gdpr.keys.*} or a bean; a missing one stops start-up.
 *
 * <p>Usage example: <pre>{@code @Autowired GdprKit gdpr; gdpr.decide(SubjectId.of("c-42"), "newsletter");}</pre>
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@AutoConfiguration
@Import(KitKeys.class)
@EnableConfigurationProperties({GdprProperties.class, GdprKeyProperties.class, GdprRetentionProperties.class,
    GdprErasureProperties.class, GdprSignalProperties.class})
public final class GdprAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(GdprAutoConfiguration.class);

  GdprAutoConfiguration() {}

  /** The kit, built from the beans found, the properties and every customizer in order. */
  @Bean
  @ConditionalOnMissingBean
  GdprKit gdprKit(GdprProperties core, GdprRetentionProperties retention,
      GdprErasureProperties erasure, GdprSignalProperties signals, BeanFactory beans,
      ObjectProvider<PersonalDataProvider> providers, ObjectProvider<GdprKitCustomizer> customizers) {
    GdprKit.Builder builder = GdprKit.builder();
    Stores stores = Stores.of(beans);
    stores.applyTo(builder);
    KitKeys.applyTo(builder, beans);
    providers.orderedStream().forEach(builder::personalData);
    new KitProperties(core, retention, erasure, signals).applyTo(builder);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    if (!stores.durable()) {
      LOG.warn("gdpr-kit runs on in-memory stores: consents, their proofs, erasures and the audit trail are lost at"
          + " restart. Add gdpr-jpa with a DataSource and JPA, or define the store beans, before going live.");
    }
    try {
      return builder.build();
    } catch (KeyConfigurationException e) {
      throw GdprConfigurationException.of("gdpr.keys." + KeyNames.property(e.missingKeys().get(0)),
          "is not set, while the stores are persistent (missing: " + String.join(", ", e.missingKeys()) + ")",
          "Set gdpr.keys.* to base64 keys from a secret store, or define the key beans; a persistent kit never"
              + " generates keys, which would be lost at restart with everything they protect.");
    }
  }

  /** Which {@code gdpr.keys.*} property supplies a key the builder names. */
  static final class KeyNames {

    private KeyNames() {}

    static String property(String builderName) {
      return switch (builderName) {
        case "keyRing" -> "token";
        case "pseudonymKey" -> "pseudonym";
        case "signingKey" -> "signing";
        case "keyEncryptionKeys" -> "key-encryption";
        default -> builderName;
      };
    }
  }

  /** What a store bean sets on the builder. */
  interface Setter<T> {
    void set(GdprKit.Builder builder, T value);
  }

  /** The store beans found, applied to the builder in one go. */
  static final class Stores {

    private final BeanFactory beans;
    private final List<Consumer<GdprKit.Builder>> settings = new ArrayList<>();
    private boolean durable;

    private Stores(BeanFactory beans) {
      this.beans = beans;
    }

    static Stores of(BeanFactory beans) {
      Stores stores = new Stores(beans);
      stores.store(ConsentStore.class, GdprKit.Builder::consentStore);
      stores.store(SourceStore.class, GdprKit.Builder::sourceStore);
      stores.store(SuppressionStore.class, GdprKit.Builder::suppressionStore);
      stores.store(ErasureStore.class, GdprKit.Builder::erasureStore);
      stores.store(AuditStore.class, GdprKit.Builder::auditStore);
      stores.store(CheckpointStore.class, GdprKit.Builder::checkpointStore);
      stores.store(AuditOutbox.class, GdprKit.Builder::auditOutbox);
      stores.store(RetentionStore.class, GdprKit.Builder::retentionStore);
      stores.store(RequestStore.class, GdprKit.Builder::requestStore);
      stores.store(RecipientStore.class, GdprKit.Builder::recipientStore);
      stores.store(DisclosureStore.class, GdprKit.Builder::disclosureStore);
      stores.store(AuthorisationStore.class, GdprKit.Builder::authorisationStore);
      stores.store(ProcessingRecordStore.class, GdprKit.Builder::processingRecordStore);
      stores.store(BreachStore.class, GdprKit.Builder::breachStore);
      stores.store(SubjectKeyStore.class, GdprKit.Builder::subjectKeyStore);
      stores.store(GpcStore.class, GdprKit.Builder::gpcStore);
      stores.setting(TransactionRunner.class, GdprKit.Builder::transactions);
      // Event publishers: GdprEventsAutoConfiguration joins every GdprEventPublisher bean into one.
      // The host's clock when it has exactly one: a host may keep several clocks for other ends.
      java.time.Clock clock = beans.getBeanProvider(java.time.Clock.class).getIfUnique();
      if (clock != null) {
        stores.settings.add(b -> b.clock(clock));
      }
      return stores;
    }

    private <T> void store(Class<T> type, Setter<T> setter) {
      T store = beans.getBeanProvider(type).getIfAvailable();
      if (store != null) {
        // The core's marker of its in-memory stores: a host bean of one is as volatile as none.
        durable |= !(store instanceof io.gdprkit.internal.InMemoryStore);
        settings.add(b -> setter.set(b, store));
      }
    }

    private <T> void setting(Class<T> type, Setter<T> setter) {
      T value = beans.getBeanProvider(type).getIfAvailable();
      if (value != null) {
        settings.add(b -> setter.set(b, value));
      }
    }

    /** Returns whether any store outlives the JVM. */
    boolean durable() {
      return durable;
    }

    void applyTo(GdprKit.Builder builder) {
      settings.forEach(setting -> setting.accept(builder));
    }
  }
}
