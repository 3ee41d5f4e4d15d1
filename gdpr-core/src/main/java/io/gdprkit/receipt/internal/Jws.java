package io.gdprkit.receipt.internal;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.receipt.ConsentReceipt;
import io.gdprkit.receipt.InvalidReceiptException;
import io.gdprkit.receipt.InvalidReceiptException.Reason;
import io.gdprkit.receipt.internal.JsonValues.Fields;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Signs and verifies receipts as RFC 7515 compact JWS with {@code alg} {@code EdDSA} (RFC 8037, Ed25519).
 *
 * <p>The header is {@code {"alg":"EdDSA","kid":<key id>}} and nothing else. Verification accepts only what signing
 * produces: exactly three segments of canonical unpadded base64url (RFC 7515 section 2 forbids padding; a last
 * character with stray low bits is refused, so no two encodings of one JWS verify), that exact header, and a
 * payload in the kit's one JSON form. Checks run cheapest first and the signature is checked before the payload is
 * parsed, so a forged payload is never interpreted.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Jws {

  /** The only algorithm accepted. */
  public static final String ALGORITHM = "EdDSA";

  /** Receipts are a few kilobytes; anything far larger is refused before it is decoded. */
  static final int MAX_LENGTH = 64 * 1024;


  private Jws() {}

  /** Returns the receipt signed as a compact JWS. */
  static String sign(ConsentReceipt receipt, SigningKey key) {
    String signingInput = Base64Url.encode(header(key.keyId())) + '.'
        + Base64Url.encode(ReceiptJson.write(receipt));
    byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + '.' + Base64Url.encode(signature);
  }

  /**
   * Verifies a compact JWS and returns the receipt it carries.
   *
   * @throws InvalidReceiptException naming the first check that failed
   */
  public static ConsentReceipt verify(String jws, VerificationKey key) {
    Preconditions.notNull(key, "key");
    return verify(jws, kid -> key);
  }

  /**
   * Verifies a compact JWS with the key of {@code keys} that its header's {@code kid} names.
   *
   * @throws InvalidReceiptException with {@link Reason#UNKNOWN_KEY} if the set holds no key of that id, otherwise
   *     naming the first check that failed
   */
  public static ConsentReceipt verify(String jws, VerificationKeys keys) {
    Preconditions.notNull(keys, "keys");
    return verify(jws, kid -> {
      if (kid == null) {
        throw InvalidReceiptException.of(Reason.MALFORMED, "the header names no kid");
      }
      return keys.find(kid).orElseThrow(() -> InvalidReceiptException.of(Reason.UNKNOWN_KEY,
          "the header names key " + Messages.quote(kid) + ", which is not among the trusted keys"));
    });
  }

  /** Picks the verification key for the header's {@code kid}, which may be absent, or throws. */
  private interface KeyChoice {
    VerificationKey forKeyId(@Nullable String kid);
  }

  private static ConsentReceipt verify(String jws, KeyChoice keys) {
    Preconditions.notNull(jws, "jws");
    if (jws.length() > MAX_LENGTH) {
      throw InvalidReceiptException.of(Reason.MALFORMED, "the JWS is longer than " + MAX_LENGTH + " characters");
    }
    int first = jws.indexOf('.');
    int second = first < 0 ? -1 : jws.indexOf('.', first + 1);
    if (first < 0 || second < 0 || jws.indexOf('.', second + 1) >= 0) {
      throw InvalidReceiptException.of(Reason.MALFORMED, "a compact JWS has exactly three segments");
    }
    byte[] header = decode(jws, 0, first, "header");
    byte[] payload = decode(jws, first + 1, second, "payload");
    byte[] signature = decode(jws, second + 1, jws.length(), "signature");
    String kid = headerKeyId(header);
    VerificationKey key = keys.forKeyId(kid);
    if (!key.keyId().equals(kid)) {
      throw InvalidReceiptException.of(Reason.WRONG_KEY_ID, "the header does not name key " + Messages.quote(key.keyId()));
    }
    if (!Arrays.equals(header, header(key.keyId()))) {
      throw InvalidReceiptException.of(Reason.MALFORMED, "the header must hold alg and kid only, in the kit's form");
    }
    byte[] signingInput = jws.substring(0, second).getBytes(StandardCharsets.US_ASCII);
    if (!key.verify(signingInput, signature)) {
      throw InvalidReceiptException.of(Reason.BAD_SIGNATURE,
          "the signature is not key " + Messages.quote(key.keyId()) + "'s signature of this header and payload");
    }
    ConsentReceipt receipt = ReceiptJson.read(payload);
    if (!receipt.publicKey().equals(key.publicKeyBase64Url())) {
      throw InvalidReceiptException.of(Reason.INVALID_CONTENT, "the receipt's publicKey is not the verifying key");
    }
    return receipt;
  }

  /** Checks the header's algorithm and returns the key id it names, if any. */
  private static @Nullable String headerKeyId(byte[] header) {
    Fields fields = new Fields(JsonValues.parseObject(header, Reason.MALFORMED, "the header"), "header.");
    String alg;
    String kid;
    try {
      alg = fields.optionalString("alg");
      kid = fields.optionalString("kid");
    } catch (InvalidReceiptException e) {
      throw InvalidReceiptException.of(Reason.MALFORMED, "the header's alg and kid must be strings");
    }
    if (!ALGORITHM.equals(alg)) {
      throw InvalidReceiptException.of(Reason.UNSUPPORTED_ALGORITHM, "the header's alg must be " + ALGORITHM);
    }
    return kid;
  }

  private static byte[] header(String keyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator json = JsonValues.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeStringProperty("alg", ALGORITHM);
      json.writeStringProperty("kid", keyId);
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  /** Decodes one segment, refusing anything but canonical unpadded base64url. */
  private static byte[] decode(String jws, int from, int to, String segment) {
    byte[] bytes = Base64Url.decodeCanonical(jws.substring(from, to));
    if (bytes == null) {
      throw InvalidReceiptException.of(Reason.MALFORMED, "the " + segment + " is not canonical unpadded base64url");
    }
    return bytes;
  }

}
