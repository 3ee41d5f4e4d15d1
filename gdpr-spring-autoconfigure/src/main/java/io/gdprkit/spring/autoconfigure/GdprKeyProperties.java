package io.gdprkit.spring.autoconfigure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.keys.*} properties: the kit's keys, as base64 from the configuration (best from a secret store
 * that Spring reads, never from a file in the repository).
 *
 * <p>Why: with persistent stores every key must survive a restart, or what it hashed, signed or wrapped is lost: a
 * generated pseudonym key would let an erased person be re-imported past the suppression list (Art. 17), a generated
 * key-encryption key would shred every subject's data. So with JPA stores the kit never generates a key: start-up
 * fails until each is configured here or supplied as a bean ({@code KeyRing}, {@code KeyRingSource},
 * {@code PseudonymKey}, {@code SigningKey}, {@code KeyEncryptionKeys}), which wins over these properties.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.keys.pseudonym.version=p1
 * gdpr.keys.pseudonym.secret=${GDPR_PSEUDONYM_KEY}   # 32 random bytes, base64: openssl rand -base64 32
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr.keys")
public class GdprKeyProperties {

  /** Base64 of at least 32 bytes, padded or not; 43 characters carry 32 bytes. */
  static final String BASE64 = "[A-Za-z0-9+/]+={0,2}";
  static final String KEY_ID = "[A-Za-z0-9_-]{1,32}";
  private static final String SECRET_FIX =
      "Set it to the base64 of at least 32 random bytes (openssl rand -base64 32), from a secret store.";
  private static final String EXACT_FIX =
      "Set it to the base64 of exactly 32 random bytes (openssl rand -base64 32), from a secret store.";
  private static final String ID_FIX = "Name the key with 1 to 32 letters, digits, '_' or '-'.";

  /**
   * The token keys (double opt-in, unsubscribe and identity tokens), oldest first: the last signs, the others still
   * verify until removed.
   */
  private List<@Valid Secret> token = new ArrayList<>();

  /** The pseudonym key behind suppression hashes, tombstones and audit pseudonyms; never retire it. */
  private @Valid Secret pseudonym = new Secret();

  /** The Ed25519 key that signs audit checkpoints and consent receipts. */
  private @Valid Seed signing = new Seed();

  /** The key-encryption keys that wrap per-subject data keys, oldest first: the last wraps new keys. */
  private List<@Valid Seed> keyEncryption = new ArrayList<>();

  public List<Secret> getToken() {
    return token;
  }

  public void setToken(List<Secret> token) {
    this.token = token;
  }

  public Secret getPseudonym() {
    return pseudonym;
  }

  public void setPseudonym(Secret pseudonym) {
    this.pseudonym = pseudonym;
  }

  public Seed getSigning() {
    return signing;
  }

  public void setSigning(Seed signing) {
    this.signing = signing;
  }

  public List<Seed> getKeyEncryption() {
    return keyEncryption;
  }

  public void setKeyEncryption(List<Seed> keyEncryption) {
    this.keyEncryption = keyEncryption;
  }

  /** A keyed-hash secret and its id. */
  public static class Secret {

    /** The key's id (its version), which travels with every token or pseudonym it makes. */
    @Pattern(regexp = KEY_ID, message = ID_FIX)
    private @Nullable String id;

    /** The secret, base64 of at least 32 random bytes. */
    @Pattern(regexp = BASE64, message = SECRET_FIX)
    @Size(min = 43, message = SECRET_FIX)
    private @Nullable String secret;

    public @Nullable String getId() {
      return id;
    }

    public void setId(@Nullable String id) {
      this.id = id;
    }

    public @Nullable String getSecret() {
      return secret;
    }

    public void setSecret(@Nullable String secret) {
      this.secret = secret;
    }

    /** Returns whether id or secret is set, so both must be. */
    boolean configured() {
      return id != null || secret != null;
    }

    @Override
    public String toString() {
      return "Secret[id=" + id + ", secret=(redacted)]";
    }
  }

  /** A 32-byte key (an Ed25519 seed or an AES-256 key) and its id. */
  public static class Seed {

    /** The key's id, which travels with every signature or wrapped key it makes. */
    @Pattern(regexp = KEY_ID, message = ID_FIX)
    private @Nullable String id;

    /** The key, base64 of exactly 32 random bytes. */
    @Pattern(regexp = BASE64, message = EXACT_FIX)
    @Size(min = 43, max = 44, message = EXACT_FIX)
    private @Nullable String key;

    public @Nullable String getId() {
      return id;
    }

    public void setId(@Nullable String id) {
      this.id = id;
    }

    public @Nullable String getKey() {
      return key;
    }

    public void setKey(@Nullable String key) {
      this.key = key;
    }

    /** Returns whether id or key is set, so both must be. */
    boolean configured() {
      return id != null || key != null;
    }

    @Override
    public String toString() {
      return "Seed[id=" + id + ", key=(redacted)]";
    }
  }

  /**
   * Checks that a key given partly is given whole.
   *
   * @throws GdprConfigurationException naming the half that is missing
   */
  static void requireWhole(String property, String valueName, @Nullable String id, @Nullable String value) {
    if (id == null || value == null) {
      throw GdprConfigurationException.of(property + (id == null ? ".id" : "." + valueName),
          "is missing while the other half of the key is set",
          "Set both the key's id and its base64 " + valueName + ", or neither.");
    }
  }
}
