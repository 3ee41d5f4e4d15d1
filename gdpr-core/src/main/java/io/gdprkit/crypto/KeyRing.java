package io.gdprkit.crypto;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * Secret keys for HMAC-SHA256, each with an id, one of them active: new tokens and keyed hashes use
 * the active key, verification uses whichever key the token names.
 *
 * <p>Rotation adds a new active key and keeps the old ones for verification, so tokens already sent
 * (a confirmation link in an inbox) keep working until their key is {@linkplain #retire retired}.
 * Every use derives its own key from the secret and a label ({@code HMAC(secret, "gdpr-kit/" + label)}),
 * so a confirmation token can never be replayed as an unsubscribe token. Thread-safe.
 *
 * <p><b>Warning:</b> {@link #generate()} makes a key that lives only as long as this JVM; tokens
 * signed with it die at restart. Production hosts load their secrets with {@link #of(String, byte[])}.
 *
 * <p>Usage example: <pre>{@code
 * KeyRing keys = KeyRing.of("2026-11", secretFromVault);
 * keys.rotate("2027-05", newSecret);   // old tokens still verify
 * keys.retire("2026-11");              // now they do not
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class KeyRing {

  /** Fewest secret bytes accepted: 256 bits, the HMAC-SHA256 output size. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final String ALGORITHM = "HmacSHA256";
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(KeyRing::newMac);

  private final Map<String, byte[]> secrets = new LinkedHashMap<>();
  private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();
  private volatile String activeKeyId;

  private KeyRing(String keyId, byte[] secret) {
    secrets.put(keyId, secret);
    this.activeKeyId = keyId;
  }

  /**
   * Returns a ring whose only, active key is {@code secret}.
   *
   * @param keyId letters, digits, {@code _} and {@code -}; at most 32 characters; it travels inside tokens
   * @param secret at least {@link #MIN_SECRET_BYTES} random bytes; copied
   * @throws InvalidInputException if the id or the secret has the wrong shape
   */
  public static KeyRing of(String keyId, byte[] secret) {
    return new KeyRing(checkId(keyId), checkSecret(secret));
  }

  /** Returns a ring with one random 256-bit key named {@code k1}, for tests and single-JVM demos. */
  public static KeyRing generate() {
    byte[] secret = new byte[MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return new KeyRing("k1", secret);
  }

  /**
   * Adds a key and makes it the active one; earlier keys keep verifying.
   *
   * @throws InvalidInputException if the id is taken or either argument has the wrong shape
   */
  public synchronized void rotate(String keyId, byte[] secret) {
    checkId(keyId);
    byte[] copy = checkSecret(secret);
    if (secrets.containsKey(keyId)) {
      throw InvalidInputException.of("key id", Messages.quote(keyId) + " is already in the key ring");
    }
    secrets.put(keyId, copy);
    activeKeyId = keyId;
  }

  /**
   * Removes a key: whatever it signed no longer verifies.
   *
   * @throws InvalidInputException if it is the active key
   * @throws UnknownKeyException if no key has this id
   */
  public synchronized void retire(String keyId) {
    if (keyId.equals(activeKeyId)) {
      throw InvalidInputException.of("key id", Messages.quote(keyId) + " is the active key; rotate to another key first");
    }
    byte[] secret = secrets.remove(keyId);
    if (secret == null) {
      throw UnknownKeyException.of(keyId);
    }
    Arrays.fill(secret, (byte) 0);
    derived.keySet().removeIf(name -> name.startsWith(keyId + '/'));
  }

  /** Returns the id of the key that signs new tokens. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** Returns the ids of every key that still verifies. */
  public synchronized Set<String> keyIds() {
    return Set.copyOf(secrets.keySet());
  }

  /**
   * Returns HMAC-SHA256 over {@code data} under the key derived for {@code label} from key {@code keyId}.
   *
   * @param keyId the key to use
   * @param label what the MAC is for, such as {@code doi-token}; different labels give unrelated MACs
   * @param data the bytes to authenticate
   * @return the 32-byte MAC
   * @throws UnknownKeyException if no key has this id
   */
  public byte[] mac(String keyId, String label, byte[] data) {
    Mac mac = MACS.get();
    try {
      mac.init(derivedKey(keyId, label));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected a 256-bit key", e);
    }
    return mac.doFinal(data);
  }

  private SecretKeySpec derivedKey(String keyId, String label) {
    String name = keyId + '/' + label;
    SecretKeySpec key = derived.get(name);
    if (key != null) {
      return key;
    }
    byte[] secret;
    synchronized (this) {
      secret = secrets.get(keyId);
      if (secret == null) {
        throw UnknownKeyException.of(keyId);
      }
      Mac mac = newMac();
      try {
        mac.init(new SecretKeySpec(secret, ALGORITHM));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 rejected a 256-bit key", e);
      }
      key = new SecretKeySpec(mac.doFinal(("gdpr-kit/" + label).getBytes(StandardCharsets.UTF_8)), ALGORITHM);
      derived.put(name, key);
      return key;
    }
  }

  private static String checkId(String keyId) {
    Preconditions.notBlank(keyId, "key id");
    Preconditions.check(KEY_ID.matcher(keyId).matches(), "key id",
        "must be 1 to 32 letters, digits, '_' or '-'");
    return keyId;
  }

  private static byte[] checkSecret(byte[] secret) {
    Preconditions.notNull(secret, "secret");
    Preconditions.check(secret.length >= MIN_SECRET_BYTES, "secret",
        "must be at least " + MIN_SECRET_BYTES + " bytes long");
    return secret.clone();
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  /** Returns a description naming the key ids, never the secrets. */
  @Override
  public String toString() {
    return "KeyRing[active=" + activeKeyId + ", keys=" + keyIds() + "]";
  }
}
