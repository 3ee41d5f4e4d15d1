package io.gdprkit.crypto;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.jspecify.annotations.Nullable;

/**
 * HKDF with SHA-256 (RFC 5869) through Bouncy Castle: how every purpose-specific subkey is derived from a key's
 * secret, so that a token key, a pseudonym key and each label's use of them never share key material.
 *
 * <p>Derivation runs once per key and label (callers cache the result), never per MAC.
 */
final class Hkdf {

  /** Bytes of every derived HMAC-SHA256 key. */
  static final int KEY_BYTES = 32;

  private Hkdf() {}

  /** Returns {@code length} bytes of HKDF-SHA256 output; a {@code null} salt means RFC 5869's zero salt. */
  static byte[] sha256(byte[] ikm, byte @Nullable [] salt, byte[] info, int length) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    hkdf.generateBytes(out, 0, length);
    return out;
  }

  /** Returns the HMAC-SHA256 key derived from {@code secret} for {@code info}, such as {@code gdpr-kit/token/doi}. */
  static SecretKeySpec hmacKey(byte[] secret, String info) {
    return new SecretKeySpec(sha256(secret, null, info.getBytes(StandardCharsets.UTF_8), KEY_BYTES), "HmacSHA256");
  }
}
