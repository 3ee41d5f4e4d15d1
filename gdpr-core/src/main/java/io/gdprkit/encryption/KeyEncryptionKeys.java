package io.gdprkit.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.UnknownKeyException;
import io.gdprkit.encryption.internal.Gcm;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * The key-encryption keys (KEKs): AES-256 keys, each with an id, one of them active, that wrap the per-subject
 * data keys before those reach the {@link io.gdprkit.encryption.spi.SubjectKeyStore}.
 *
 * <p>Keeping KEKs apart from the key store means a stolen copy of the store (or of its backup) holds only wrapped
 * keys. New data keys are wrapped under the active KEK; {@link #rotate rotating} adds a new active KEK and keeps
 * the old ones, so nothing becomes unreadable, and {@link FieldEncryption#rewrap(int)} then moves the data keys
 * to it without touching a single ciphertext. The KEKs never leave this object: it wraps and unwraps itself.
 * Thread-safe.
 *
 * <p><b>Warning:</b> {@link #generate()} makes a KEK that lives only as long as this JVM. Production hosts load
 * theirs from a secret manager with {@link #of(String, byte[])}.
 *
 * <p>Usage example: <pre>{@code
 * KeyEncryptionKeys keks = KeyEncryptionKeys.of("kek-2026", kekFromVault);
 * keks.rotate("kek-2027", newKek);          // new data keys use kek-2027
 * gdpr.encryption().rewrap(500);            // existing ones move over, 500 at a time
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KeyEncryptionKeys {

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private volatile String activeKeyId;

  private KeyEncryptionKeys(String keyId, byte[] key) {
    keys.put(keyId, Gcm.key(key));
    this.activeKeyId = keyId;
  }

  /**
   * Returns a ring whose only, active KEK is {@code key}.
   *
   * @param keyId letters, digits, {@code _} and {@code -}; at most 32 characters; stored next to each wrapped key
   * @param key exactly 32 random bytes (AES-256); copied
   * @throws InvalidInputException if the id or the key has the wrong shape
   */
  public static KeyEncryptionKeys of(String keyId, byte[] key) {
    return new KeyEncryptionKeys(checkId(keyId), checkKey(key));
  }

  /** Returns a ring with one random KEK named {@code kek1}, for tests and single-JVM demos. */
  public static KeyEncryptionKeys generate() {
    return new KeyEncryptionKeys("kek1", Gcm.newKey());
  }

  /**
   * Adds a KEK and makes it the active one; data keys wrapped by earlier KEKs still unwrap.
   *
   * @throws InvalidInputException if the id is taken or either argument has the wrong shape
   */
  public synchronized void rotate(String keyId, byte[] key) {
    checkId(keyId);
    byte[] copy = checkKey(key);
    if (keys.containsKey(keyId)) {
      throw InvalidInputException.of("key id", Messages.quote(keyId) + " is already in the key-encryption key ring");
    }
    keys.put(keyId, Gcm.key(copy));
    activeKeyId = keyId;
  }

  /**
   * Removes a KEK from the ring; data keys it still wraps can no longer be unwrapped.
   *
   * <p><b>Warning:</b> use {@link FieldEncryption#retireKek(String)}, which first checks that no data key is still
   * wrapped by it. Retiring here directly is for a KEK known to be unused, such as one never put to work.
   *
   * @throws InvalidInputException if it is the active KEK
   * @throws UnknownKeyException if no KEK has this id
   */
  public synchronized void retire(String keyId) {
    Preconditions.notNull(keyId, "keyId");
    if (keyId.equals(activeKeyId)) {
      throw InvalidInputException.of("key id", Messages.quote(keyId) + " is the active key-encryption key; rotate first");
    }
    if (keys.remove(keyId) == null) {
      throw UnknownKeyException.of(keyId);
    }
  }

  /** Returns the id of the KEK that wraps new data keys. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** Returns the ids of every KEK in the ring. */
  public synchronized Set<String> keyIds() {
    return Set.copyOf(keys.keySet());
  }

  /**
   * Wraps a data key under a KEK, bound to {@code context}; used by the field encryption service.
   *
   * @param keyId the KEK to use, usually {@link #activeKeyId()}
   * @param dataKey the raw data key
   * @param context associated data the unwrap must repeat (it names the subject and key version)
   * @return {@code iv || wrapped key || tag}
   * @throws UnknownKeyException if no KEK has this id
   */
  @API(status = INTERNAL, since = "0.1")
  public byte[] wrap(String keyId, byte[] dataKey, byte[] context) {
    return Gcm.seal(key(keyId), dataKey, context);
  }

  /**
   * Unwraps what {@link #wrap} made; used by the field encryption service.
   *
   * @throws UnknownKeyException if no KEK has this id
   * @throws AEADBadTagException if the wrapped key or the context differ, or the KEK of this id holds other bytes
   */
  @API(status = INTERNAL, since = "0.1")
  public byte[] unwrap(String keyId, byte[] wrapped, byte[] context) throws AEADBadTagException {
    return Gcm.open(key(keyId), wrapped, context);
  }

  private synchronized SecretKeySpec key(String keyId) {
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw UnknownKeyException.of(keyId);
    }
    return key;
  }

  private static String checkId(String keyId) {
    Preconditions.notBlank(keyId, "key id");
    Preconditions.check(KEY_ID.matcher(keyId).matches(), "key id", "must be 1 to 32 letters, digits, '_' or '-'");
    return keyId;
  }

  private static byte[] checkKey(byte[] key) {
    Preconditions.notNull(key, "key");
    Preconditions.check(key.length == Gcm.KEY_BYTES, "key", "must be exactly " + Gcm.KEY_BYTES + " bytes (AES-256)");
    return key.clone();
  }

  /** Names the KEK ids, never the keys. */
  @Override
  public String toString() {
    return "KeyEncryptionKeys[active=" + activeKeyId + ", keys=" + keyIds() + "]";
  }
}
