package io.gdprkit.crypto;

import io.gdprkit.internal.Preconditions;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with one reused {@link Mac} per thread, and the checks every HMAC key's id and secret pass; shared by
 * the token {@link KeyRing} and the {@link PseudonymKey}.
 */
final class Hmac {

  /** Fewest secret bytes accepted: 256 bits, the HMAC-SHA256 output size. */
  static final int MIN_SECRET_BYTES = 32;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Hmac::newMac);

  private Hmac() {}

  /** Returns HMAC-SHA256 of {@code data} under {@code key}, on this thread's reused instance. */
  static byte[] sha256(SecretKeySpec key, byte[] data) {
    Mac mac = MACS.get();
    try {
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected a 256-bit key", e);
    }
    return mac.doFinal(data);
  }

  /** Returns the id if it is 1 to 32 letters, digits, {@code _} or {@code -}; it travels in tokens and hashes. */
  static String checkId(String id, String what) {
    Preconditions.notBlank(id, what);
    Preconditions.check(ID.matcher(id).matches(), what, "must be 1 to 32 letters, digits, '_' or '-'");
    return id;
  }

  /** Returns a copy of the secret if it has at least {@link #MIN_SECRET_BYTES} bytes. */
  static byte[] checkSecret(byte[] secret) {
    Preconditions.notNull(secret, "secret");
    Preconditions.check(secret.length >= MIN_SECRET_BYTES, "secret",
        "must be at least " + MIN_SECRET_BYTES + " bytes long");
    return secret.clone();
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
