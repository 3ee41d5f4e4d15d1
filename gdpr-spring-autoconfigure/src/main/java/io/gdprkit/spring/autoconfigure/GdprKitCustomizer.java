package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Changes the {@link io.gdprkit.GdprKit.Builder} before the auto-configured kit is built: the way a host, and the
 * other auto-configurations of this module (stores, transactions, keys), add to the kit without replacing it.
 * Customizers run in {@link org.springframework.core.Ordered order}.
 *
 * <p>Usage example: <pre>{@code @Bean GdprKitCustomizer region() { return b -> b.defaultPhoneRegion("PL"); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface GdprKitCustomizer {

  /** Changes the builder. */
  void customize(io.gdprkit.GdprKit.Builder builder);
}
