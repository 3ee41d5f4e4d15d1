package io.gdprkit.spring.autoconfigure;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.spi.KeyRingSource;
import io.gdprkit.encryption.KeyEncryptionKeys;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kit's keys from {@code gdpr.keys.*}, as beans, each only when configured and when the host defines no bean of
 * its own; a key neither configured nor defined is left to the builder, which generates it only for in-memory stores.
 */
@Configuration(proxyBeanMethods = false)
final class KitKeys {

  KitKeys() {}

  @Bean
  @ConditionalOnMissingBean({KeyRing.class, KeyRingSource.class})
  @ConditionalOnProperty(prefix = "gdpr.keys", name = "token[0].secret")
  static KeyRing gdprTokenKeys(GdprKeyProperties properties) {
    return tokenRing(properties.getToken());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "gdpr.keys", name = "pseudonym.secret")
  static PseudonymKey gdprPseudonymKey(GdprKeyProperties properties) {
    GdprKeyProperties.Secret key = properties.getPseudonym();
    GdprKeyProperties.requireWhole("gdpr.keys.pseudonym", "secret", key.getId(), key.getSecret());
    return PseudonymKey.of(key.getId(), decode("gdpr.keys.pseudonym.secret", key.getSecret()));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "gdpr.keys", name = "signing.key")
  static SigningKey gdprSigningKey(GdprKeyProperties properties) {
    GdprKeyProperties.Seed key = properties.getSigning();
    GdprKeyProperties.requireWhole("gdpr.keys.signing", "key", key.getId(), key.getKey());
    return SigningKey.of(key.getId(), decode("gdpr.keys.signing.key", key.getKey()));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "gdpr.keys", name = "key-encryption[0].key")
  static KeyEncryptionKeys gdprKeyEncryptionKeys(GdprKeyProperties properties) {
    return keyEncryptionKeys(properties.getKeyEncryption());
  }

  /** Sets on the builder each key found as a bean, the host's or one of the above. */
  static void applyTo(GdprKit.Builder builder, BeanFactory beans) {
    KeyRingSource source = beans.getBeanProvider(KeyRingSource.class).getIfAvailable();
    KeyRing ring = beans.getBeanProvider(KeyRing.class).getIfAvailable();
    if (source != null) {
      builder.keyRingSource(source);
    } else if (ring != null) {
      builder.keyRing(ring);
    }
    beans.getBeanProvider(PseudonymKey.class).ifAvailable(builder::pseudonymKey);
    beans.getBeanProvider(SigningKey.class).ifAvailable(builder::signingKey);
    beans.getBeanProvider(KeyEncryptionKeys.class).ifAvailable(builder::keyEncryptionKeys);
  }

  private static KeyRing tokenRing(List<GdprKeyProperties.Secret> secrets) {
    KeyRing ring = null;
    for (int i = 0; i < secrets.size(); i++) {
      GdprKeyProperties.Secret secret = secrets.get(i);
      String property = "gdpr.keys.token[" + i + "]";
      GdprKeyProperties.requireWhole(property, "secret", secret.getId(), secret.getSecret());
      byte[] bytes = decode(property + ".secret", secret.getSecret());
      if (ring == null) {
        ring = KeyRing.of(secret.getId(), bytes);
      } else {
        ring.rotate(secret.getId(), bytes); // the last one listed signs
      }
    }
    return ring;
  }

  private static KeyEncryptionKeys keyEncryptionKeys(List<GdprKeyProperties.Seed> seeds) {
    KeyEncryptionKeys keys = null;
    for (int i = 0; i < seeds.size(); i++) {
      GdprKeyProperties.Seed seed = seeds.get(i);
      String property = "gdpr.keys.key-encryption[" + i + "]";
      GdprKeyProperties.requireWhole(property, "key", seed.getId(), seed.getKey());
      byte[] bytes = decode(property + ".key", seed.getKey());
      if (keys == null) {
        keys = KeyEncryptionKeys.of(seed.getId(), bytes);
      } else {
        keys.rotate(seed.getId(), bytes); // the last one listed wraps new data keys
      }
    }
    return keys;
  }

  /** Decodes a validated base64 value; the value itself never reaches a message. */
  private static byte[] decode(String property, @Nullable String base64) {
    try {
      return Base64.getDecoder().decode(base64 == null ? "" : base64);
    } catch (IllegalArgumentException e) {
      throw GdprConfigurationException.of(property, "is not valid base64",
          "Set it to the base64 of random bytes (openssl rand -base64 32), from a secret store.");
    }
  }
}
