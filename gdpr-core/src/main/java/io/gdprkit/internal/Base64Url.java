package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Base64;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Unpadded base64url (RFC 4648 section 5), the one text form of bytes in tokens, pseudonyms, ciphertexts, JWS and
 * JWKs; decoding is strict, so that no two texts stand for the same bytes.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Base64Url {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  /** Returns the unpadded base64url text of the bytes. */
  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Returns the bytes of unpadded base64url text, or {@code null} when it is not exactly the text {@link #encode}
   * writes for them: another alphabet, padding, or a last character with stray low bits are all refused.
   */
  public static byte @Nullable [] decodeCanonical(String text) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return encode(bytes).equals(text) ? bytes : null;
  }
}
