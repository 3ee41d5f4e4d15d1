package io.gdprkit.encryption.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * AES-256-GCM on the JDK's provider, with one {@link Cipher} and one {@link SecureRandom} per thread, so no call
 * creates either.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Gcm {

  /** AES-256 key length in bytes. */
  public static final int KEY_BYTES = 32;
  /** The 96-bit IV GCM is built for. */
  public static final int IV_BYTES = 12;
  /** The full 128-bit tag. */
  public static final int TAG_BYTES = 16;

  private static final int TAG_BITS = TAG_BYTES * 8;
  private static final ThreadLocal<Gcm> PER_THREAD = ThreadLocal.withInitial(Gcm::new);

  private final Cipher cipher = newCipher();
  private final SecureRandom random = new SecureRandom();
  private final byte[] iv = new byte[IV_BYTES];

  private Gcm() {}

  /** Returns this thread's instance: its cipher, random source and IV buffer, all found by one look-up. */
  public static Gcm local() {
    return PER_THREAD.get();
  }

  /** Returns this thread's AES/GCM/NoPadding cipher; callers {@code init} it before every use. */
  public Cipher cipher() {
    return cipher;
  }

  /** Writes a fresh random IV into {@code out} at {@code offset}, allocating nothing. */
  public void randomIv(byte[] out, int offset) {
    random.nextBytes(iv);
    System.arraycopy(iv, 0, out, offset, IV_BYTES);
  }

  /** Returns a fresh random AES-256 key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    local().random.nextBytes(key);
    return key;
  }

  /** Returns GCM parameters for the IV at {@code offset} in {@code bytes}, with the full tag. */
  public static GCMParameterSpec iv(byte[] bytes, int offset) {
    return new GCMParameterSpec(TAG_BITS, bytes, offset, IV_BYTES);
  }

  /** Returns {@code iv || ciphertext || tag} of {@code plaintext} under a fresh random IV. */
  public static byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] associatedData) {
    byte[] sealed = new byte[IV_BYTES + plaintext.length + TAG_BYTES];
    Gcm local = local();
    local.randomIv(sealed, 0);
    Cipher cipher = local.cipher;
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, iv(sealed, 0));
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to encrypt with a 256-bit key", e);
    }
  }

  /**
   * Opens what {@link #seal} made.
   *
   * @throws AEADBadTagException if it does not authenticate under this key and associated data
   */
  public static byte[] open(SecretKeySpec key, byte[] sealed, byte[] associatedData) throws AEADBadTagException {
    if (sealed.length < IV_BYTES + TAG_BYTES) {
      throw new AEADBadTagException("too short");
    }
    Cipher cipher = local().cipher;
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, iv(sealed, 0));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to decrypt with a 256-bit key", e);
    }
  }

  /** Wraps raw key bytes for the JCA. */
  public static SecretKeySpec key(byte[] bytes) {
    return new SecretKeySpec(bytes, "AES");
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
    }
  }
}
