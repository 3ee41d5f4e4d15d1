package io.gdprkit.crypto;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.internal.Preconditions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies compact, URL-safe tokens of one kind: {@code kind.keyId.payload.mac}, where the payload
 * holds an expiry and a few text fields.
 *
 * <p>The MAC is HMAC-SHA256 under a key the {@link KeyRing} derives for {@code kind}, so a token of one
 * kind never verifies as another. It is compared in constant time and checked before the expiry, so a
 * forger learns nothing but "bad signature". Tokens are not encrypted: put ids in them, never personal data.
 * Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * TokenSigner links = TokenSigner.of(gdpr.keys(), "invite1");
 * String token = links.sign(List.of("contact-42", "event-7"), clock.instant().plus(Duration.ofDays(3)));
 * List<String> fields = links.verify(token, clock.instant());
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TokenSigner {

  private static final Pattern KIND = Pattern.compile("[a-z0-9]{1,16}");
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_TOKEN_LENGTH = 2048;
  private static final int MAX_FIELDS = 16;

  private final KeyRing keys;
  private final String kind;

  private TokenSigner(KeyRing keys, String kind) {
    this.keys = keys;
    this.kind = kind;
  }

  /**
   * Returns a signer for one kind of token.
   *
   * @param kind 1 to 16 lower-case letters and digits, such as {@code doi1}; part of every token
   */
  public static TokenSigner of(KeyRing keys, String kind) {
    Preconditions.notNull(keys, "keys");
    Preconditions.check(KIND.matcher(Preconditions.notNull(kind, "kind")).matches(), "token kind",
        "must be 1 to 16 lower-case letters and digits");
    return new TokenSigner(keys, kind);
  }

  /**
   * Signs the fields with the ring's active key.
   *
   * @param fields at most 16 short texts
   * @param expiresAt when the token stops verifying, or {@code null} for as long as its key is in the ring
   * @return the token, URL-safe
   */
  public String sign(List<String> fields, @Nullable Instant expiresAt) {
    Preconditions.check(fields.size() <= MAX_FIELDS, "fields", "must be at most " + MAX_FIELDS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(expiresAt == null ? 0L : expiresAt.getEpochSecond());
      out.writeByte(fields.size());
      for (String field : fields) {
        out.writeUTF(Preconditions.notNull(field, "field"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    String keyId = keys.activeKeyId();
    String signed = kind + '.' + keyId + '.' + Base64Url.encode(bytes.toByteArray());
    return signed + '.' + Base64Url.encode(keys.mac(keyId, kind, signed.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Verifies a token and returns its fields.
   *
   * @throws InvalidTokenException if it is malformed or of another kind, signed by a key not in the ring,
   *     altered, or expired at {@code now}
   */
  public List<String> verify(@Nullable String token, Instant now) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(kind) || parts[1].isEmpty()) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
    byte[] payload = decode(parts[2]);
    byte[] mac = decode(parts[3]);
    byte[] expected;
    try {
      expected = keys.mac(parts[1], kind, (parts[0] + '.' + parts[1] + '.' + parts[2]).getBytes(StandardCharsets.US_ASCII));
    } catch (UnknownKeyException e) {
      throw InvalidTokenException.of(Reason.UNKNOWN_KEY);
    }
    if (!MessageDigest.isEqual(expected, mac)) {
      throw InvalidTokenException.of(Reason.BAD_SIGNATURE);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      long expiresAt = in.readLong();
      if (expiresAt != 0L && now.getEpochSecond() >= expiresAt) {
        throw InvalidTokenException.of(Reason.EXPIRED);
      }
      int count = in.readUnsignedByte();
      List<String> fields = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        fields.add(in.readUTF());
      }
      if (in.available() != 0) {
        throw InvalidTokenException.of(Reason.MALFORMED);
      }
      return List.copyOf(fields);
    } catch (IOException e) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
  }

  private static byte[] decode(String part) {
    try {
      byte[] decoded = DECODER.decode(part);
      // Refuse non-canonical spellings, so that one token has exactly one.
      if (!Base64Url.encode(decoded).equals(part)) {
        throw InvalidTokenException.of(Reason.MALFORMED);
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
  }
}
