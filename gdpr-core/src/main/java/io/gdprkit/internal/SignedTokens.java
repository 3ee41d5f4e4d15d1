package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.UnknownKeyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Compact HMAC-signed tokens: {@code kind.keyId.payload.mac}, base64url, with an expiry inside the payload.
 *
 * <p>The MAC covers everything before it and is keyed by a key derived for {@code kind}, so a token of one
 * kind never verifies as another. The MAC is compared in constant time, and checked before the expiry so
 * that an attacker learns nothing from a forged token but "bad signature".
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SignedTokens {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_TOKEN_LENGTH = 2048;

  private final KeyRing keys;
  private final String kind;

  public SignedTokens(KeyRing keys, String kind) {
    this.keys = keys;
    this.kind = kind;
  }

  /**
   * Signs {@code body} with the active key.
   *
   * @param expiresAt when the token stops verifying, or {@code null} for never
   */
  public String sign(byte[] body, @Nullable Instant expiresAt) {
    ByteBuffer payload = ByteBuffer.allocate(Long.BYTES + body.length);
    payload.putLong(expiresAt == null ? 0L : expiresAt.getEpochSecond()).put(body);
    String keyId = keys.activeKeyId();
    String signed = kind + '.' + keyId + '.' + ENCODER.encodeToString(payload.array());
    byte[] mac = keys.mac(keyId, kind, signed.getBytes(StandardCharsets.US_ASCII));
    return signed + '.' + ENCODER.encodeToString(mac);
  }

  /**
   * Verifies a token and returns its body.
   *
   * @throws InvalidTokenException if it is malformed, signed by an unknown key, altered, or expired at {@code now}
   */
  public byte[] verify(String token, Instant now) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(kind) || parts[1].isEmpty()) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
    byte[] payload = decode(parts[2]);
    byte[] mac = decode(parts[3]);
    if (payload.length < Long.BYTES) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
    byte[] expected;
    try {
      expected = keys.mac(parts[1], kind,
          (parts[0] + '.' + parts[1] + '.' + parts[2]).getBytes(StandardCharsets.US_ASCII));
    } catch (UnknownKeyException e) {
      throw InvalidTokenException.of(Reason.UNKNOWN_KEY);
    }
    if (!MessageDigest.isEqual(expected, mac)) {
      throw InvalidTokenException.of(Reason.BAD_SIGNATURE);
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    long expiresAt = buffer.getLong();
    if (expiresAt != 0L && now.getEpochSecond() >= expiresAt) {
      throw InvalidTokenException.of(Reason.EXPIRED);
    }
    byte[] body = new byte[buffer.remaining()];
    buffer.get(body);
    return body;
  }

  private static byte[] decode(String part) {
    try {
      byte[] decoded = DECODER.decode(part);
      // Reject non-canonical encodings so that one token has exactly one spelling.
      if (!ENCODER.encodeToString(decoded).equals(part)) {
        throw InvalidTokenException.of(Reason.MALFORMED);
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
  }
}
