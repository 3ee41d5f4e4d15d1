package io.gdprkit.crypto.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.KeyRing;
import org.apiguardian.api.API;

/**
 * Where every application instance reads the token keys from, so that a rotation made once reaches them all
 * without a restart: a secret manager, a vault path, a configuration service or a database row.
 *
 * <p>The kit asks {@link #version()} once per refresh interval (and at most once a second when a token names a
 * key it does not hold) and calls {@link #load()} only when the version changed. Rotating is then: add the new
 * key to the source, make it active, bump the version; retire the old key there once its tokens may lapse.
 * Implementations must be thread-safe.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().keyRingSource(vaultSource, Duration.ofSeconds(30))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface KeyRingSource {

  /**
   * Returns a number that changes whenever the keys change, such as a row version, a secret's version or a file's
   * modification time; called often, so it should be cheap.
   */
  long version();

  /**
   * Returns the keys as they are now, the active one included; built with {@link KeyRing#of(String, byte[])} and
   * {@link KeyRing#rotate(String, byte[])}. Called at start and whenever {@link #version()} changed.
   */
  KeyRing load();
}
