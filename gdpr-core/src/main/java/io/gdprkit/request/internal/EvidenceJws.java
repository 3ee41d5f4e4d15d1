package io.gdprkit.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.internal.Base64Url;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.InvalidEvidenceException;
import io.gdprkit.request.InvalidEvidenceException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Signs an evidence bundle's JSON as an RFC 7515 compact JWS with {@code alg} {@code EdDSA} (RFC 8037, Ed25519) and
 * checks one.
 *
 * <p>The header is exactly {@code {"alg":"EdDSA","kid":<key id>,"cty":"request-evidence+json"}}: the content type
 * keeps a consent receipt signed by the same key from passing as evidence. Verification accepts only what signing
 * produces (three segments of canonical unpadded base64url, that exact header for a trusted key), and checks the
 * signature before anything of the payload is returned. The receipts' JWS is not reused: it is bound to the receipt
 * and its errors, and this one needs no JSON parsing at all.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EvidenceJws {

  /** The content type in the header. */
  public static final String CONTENT_TYPE = "request-evidence+json";

  /** A bundle with a kept request text is at most some hundred kilobytes; far larger input is refused undecoded. */
  static final int MAX_LENGTH = 4 * 1024 * 1024;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private EvidenceJws() {}

  /** Returns {@code json} signed by {@code key} as a compact JWS. */
  public static String sign(byte[] json, SigningKey key) {
    String signingInput = Base64Url.encode(header(key.keyId())) + '.' + Base64Url.encode(json);
    byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + '.' + Base64Url.encode(signature);
  }

  /**
   * Verifies a compact JWS with the trusted key its header names and returns the signed JSON.
   *
   * @throws InvalidEvidenceException naming the first check that failed
   */
  public static String verify(String jws, VerificationKeys keys) {
    Preconditions.notNull(jws, "jws");
    Preconditions.notNull(keys, "keys");
    if (jws.length() > MAX_LENGTH) {
      throw InvalidEvidenceException.of(Reason.MALFORMED, "the JWS is longer than " + MAX_LENGTH + " characters");
    }
    int first = jws.indexOf('.');
    int second = first < 0 ? -1 : jws.indexOf('.', first + 1);
    if (first < 0 || second < 0 || jws.indexOf('.', second + 1) >= 0) {
      throw InvalidEvidenceException.of(Reason.MALFORMED, "a compact JWS has exactly three segments");
    }
    byte[] header = decode(jws.substring(0, first), "header");
    byte[] payload = decode(jws.substring(first + 1, second), "payload");
    byte[] signature = decode(jws.substring(second + 1), "signature");
    VerificationKey key = keyFor(header, keys);
    if (key == null) {
      throw InvalidEvidenceException.of(Reason.UNKNOWN_KEY, "the header is not the kit's evidence header for any"
          + " trusted key: another algorithm, content type or form, or a key that is not trusted");
    }
    if (!key.verify(jws.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature)) {
      throw InvalidEvidenceException.of(Reason.BAD_SIGNATURE,
          "the signature is not the trusted key's signature of this header and payload");
    }
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Returns the trusted key whose evidence header is exactly {@code header}, or {@code null}. */
  private static @Nullable VerificationKey keyFor(byte[] header, VerificationKeys keys) {
    for (VerificationKey key : keys.keys()) {
      if (Arrays.equals(header, header(key.keyId()))) {
        return key;
      }
    }
    return null;
  }

  private static byte[] header(String keyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeStringProperty("alg", "EdDSA");
      json.writeStringProperty("kid", keyId);
      json.writeStringProperty("cty", CONTENT_TYPE);
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static byte[] decode(String segment, String name) {
    byte[] bytes = Base64Url.decodeCanonical(segment);
    if (bytes == null) {
      throw InvalidEvidenceException.of(Reason.MALFORMED, "the " + name + " is not canonical unpadded base64url");
    }
    return bytes;
  }
}
