package io.gdprkit.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Thrown by {@code GdprKit.Builder.build()} when a store that outlives the JVM is configured but a key was left to
 * be generated: a generated key dies with the JVM, and with it every data key it wrapped (each subject silently
 * crypto-shredded), every suppression hash and tombstone (erased people recognised no more), and every signature.
 *
 * <p>The message names each missing key and the builder method that supplies it; it holds no key material.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().consentStore(jpa).build()  // throws, naming the four keys}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KeyConfigurationException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final List<String> missingKeys;

  private KeyConfigurationException(List<String> missingKeys, String message) {
    super(message);
    this.missingKeys = List.copyOf(missingKeys);
  }

  /**
   * Creates the exception.
   *
   * @param missingKeys the builder methods not called, such as {@code pseudonymKey}
   * @param howToSupply one line per missing key, saying how to supply it
   */
  public static KeyConfigurationException missing(List<String> missingKeys, List<String> howToSupply) {
    return new KeyConfigurationException(missingKeys, "a store that outlives this JVM is configured, so every key "
        + "must come from the host, but " + String.join(", ", missingKeys)
        + (missingKeys.size() == 1 ? " was" : " were") + " not supplied and would be generated and lost at restart: " + String.join("; ", howToSupply)
        + " (tests on such stores may call allowGeneratedKeys())");
  }

  /** Returns the builder methods that were not called, such as {@code pseudonymKey}. */
  public List<String> missingKeys() {
    return missingKeys;
  }
}
