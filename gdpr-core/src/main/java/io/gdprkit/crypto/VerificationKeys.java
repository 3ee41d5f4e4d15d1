package io.gdprkit.crypto;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A published set of Ed25519 verification keys by key id: the current one and the earlier ones whose signatures
 * are still trusted, so checkpoints and receipts signed before a key rotation keep verifying after it.
 *
 * <p>Why a set: a signing key is rotated when it may have leaked or simply ages out, but what it signed stays
 * evidence. Every checkpoint and receipt names its key id, so a verifier picks the matching key from the set, and a
 * signature by a key outside the set is refused by name. The set travels as an RFC 7517 JWK Set of RFC 8037
 * {@code OKP}/{@code Ed25519} keys, the form a host publishes at a well-known URL. Parsing is strict: anything but
 * public Ed25519 signature keys with a valid id, a canonical 32-byte {@code x} and a distinct {@code kid} is refused
 * with an {@link InvalidInputException} naming the member; a JWK carrying a private part {@code d} is refused too,
 * since publishing it would give the key away. Members the RFC lets a set carry but the kit does not use are ignored.
 * Immutable and thread-safe; iteration follows the order the keys were given.
 *
 * <p>Usage example: <pre>{@code
 * String published = gdpr.verificationKeys().toJwks();          // serve at /.well-known/gdpr-keys.json
 * VerificationKeys keys = VerificationKeys.fromJwks(published); // an auditor's side
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VerificationKeys {

  /** Key sets are a few hundred bytes per key; anything far larger is refused before it is parsed. */
  static final int MAX_JWKS_LENGTH = 64 * 1024;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final Map<String, VerificationKey> byId;

  private VerificationKeys(Map<String, VerificationKey> byId) {
    this.byId = byId;
  }

  /**
   * Returns the set of the given keys, in that order.
   *
   * @throws InvalidInputException if there is no key or two keys share an id
   */
  public static VerificationKeys of(VerificationKey... keys) {
    Preconditions.notNull(keys, "keys");
    return of(List.of(keys));
  }

  /**
   * Returns the set of the given keys, in iteration order.
   *
   * @throws InvalidInputException if there is no key or two keys share an id
   */
  public static VerificationKeys of(Collection<VerificationKey> keys) {
    Preconditions.notNull(keys, "keys");
    Preconditions.check(!keys.isEmpty(), "keys", "must hold at least one key");
    Map<String, VerificationKey> byId = new LinkedHashMap<>();
    for (VerificationKey key : keys) {
      Preconditions.notNull(key, "key");
      if (byId.putIfAbsent(key.keyId(), key) != null) {
        throw InvalidInputException.of("keys", "must not hold two keys with id " + Messages.quote(key.keyId()));
      }
    }
    return new VerificationKeys(byId);
  }

  /** Returns the key with id {@code keyId}, or empty when the set does not trust that id. */
  public Optional<VerificationKey> find(String keyId) {
    Preconditions.notNull(keyId, "keyId");
    return Optional.ofNullable(byId.get(keyId));
  }

  /**
   * Returns the key with id {@code keyId}.
   *
   * @throws UnknownKeyException if the set holds no key with that id
   */
  public VerificationKey get(String keyId) {
    return find(keyId).orElseThrow(() -> UnknownKeyException.of(keyId));
  }

  /** Returns whether the set holds a key with id {@code keyId}. */
  public boolean contains(String keyId) {
    return find(keyId).isPresent();
  }

  /** Returns the keys in order; an unmodifiable list. */
  public List<VerificationKey> keys() {
    return List.copyOf(byId.values());
  }

  /** Returns how many keys the set holds. */
  public int size() {
    return byId.size();
  }

  /**
   * Returns the set as an RFC 7517 JWK Set: {@code {"keys":[{"kty":"OKP","crv":"Ed25519","use":"sig",
   * "alg":"EdDSA","kid":…,"x":…}]}}, in order, with nothing secret in it.
   */
  public String toJwks() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 * byId.size());
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeArrayPropertyStart("keys");
      for (VerificationKey key : byId.values()) {
        json.writeStartObject();
        json.writeStringProperty("kty", "OKP");
        json.writeStringProperty("crv", "Ed25519");
        json.writeStringProperty("use", "sig");
        json.writeStringProperty("alg", "EdDSA");
        json.writeStringProperty("kid", key.keyId());
        json.writeStringProperty("x", key.publicKeyBase64Url());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads a JWK Set of public Ed25519 signature keys, as {@link #toJwks()} writes and RFC 8037 defines them.
   *
   * @throws InvalidInputException naming the member that is missing, malformed or not allowed: not JSON, no
   *     {@code keys} array or an empty one, a key that is not {@code OKP}/{@code Ed25519}, a {@code use} other than
   *     {@code sig}, an {@code alg} other than {@code EdDSA}, a private part {@code d}, a {@code kid} that is
   *     missing, malformed or repeated, an {@code x} that is not 32 bytes of canonical unpadded base64url or not a
   *     point on the curve
   */
  public static VerificationKeys fromJwks(String jwks) {
    Preconditions.notNull(jwks, "jwks");
    if (jwks.length() > MAX_JWKS_LENGTH) {
      throw InvalidInputException.of("jwks", "must be at most " + MAX_JWKS_LENGTH + " characters long");
    }
    List<VerificationKey> keys = new ArrayList<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), jwks)) {
      expect(json.nextToken() == JsonToken.START_OBJECT, "jwks", "must be a JSON object");
      boolean sawKeys = false;
      for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if ("keys".equals(name)) {
          expect(value == JsonToken.START_ARRAY, "jwks.keys", "must be an array");
          sawKeys = true;
          for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
            String field = "jwks.keys[" + keys.size() + "]";
            expect(next == JsonToken.START_OBJECT, field, "must be a JSON object");
            keys.add(readKey(json, field));
          }
        } else {
          json.skipChildren();
        }
      }
      expect(json.nextToken() == null, "jwks", "must end after its JSON object");
      expect(sawKeys, "jwks.keys", "is missing");
    } catch (JacksonException e) {
      throw InvalidInputException.of("jwks", "is not valid JSON or repeats a member name");
    }
    expect(!keys.isEmpty(), "jwks.keys", "must hold at least one key");
    return of(keys);
  }

  private static VerificationKey readKey(JsonParser json, String field) {
    Map<String, String> members = new LinkedHashMap<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.VALUE_STRING) {
        members.put(name, json.getString());
      } else {
        expect(!isKnown(name), field + "." + name, "must be a string");
        json.skipChildren();
      }
    }
    expect("OKP".equals(members.get("kty")), field + ".kty", "must be OKP");
    expect("Ed25519".equals(members.get("crv")), field + ".crv", "must be Ed25519");
    expect(!members.containsKey("d"), field + ".d", "must not be present: a published key set holds public keys only");
    String use = members.get("use");
    expect(use == null || use.equals("sig"), field + ".use", "must be sig when present");
    String alg = members.get("alg");
    expect(alg == null || alg.equals("EdDSA"), field + ".alg", "must be EdDSA when present");
    String kid = members.get("kid");
    expect(kid != null, field + ".kid", "is missing");
    expect(SigningKey.KEY_ID.matcher(kid).matches(), field + ".kid",
        "must be 1 to 64 letters, digits, '_', '.' or '-'");
    byte[] x = decodeX(members.get("x"), field + ".x");
    try {
      return VerificationKey.of(kid, x);
    } catch (InvalidInputException e) {
      throw InvalidInputException.of(field + ".x", "is not a valid Ed25519 public key");
    }
  }

  private static boolean isKnown(String name) {
    return switch (name) {
      case "kty", "crv", "x", "d", "kid", "use", "alg" -> true;
      default -> false;
    };
  }

  private static byte[] decodeX(@Nullable String x, String field) {
    expect(x != null, field, "is missing");
    byte[] bytes = Base64Url.decodeCanonical(x);
    expect(bytes != null, field, "must be canonical unpadded base64url");
    expect(bytes.length == SigningKey.KEY_BYTES, field, "must encode " + SigningKey.KEY_BYTES + " bytes");
    return bytes;
  }

  private static void expect(boolean condition, String field, String rule) {
    if (!condition) {
      throw InvalidInputException.of(field, rule);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerificationKeys that && byId.equals(that.byId);
  }

  @Override
  public int hashCode() {
    return byId.hashCode();
  }

  /** Names the key ids, in order. */
  @Override
  public String toString() {
    return "VerificationKeys" + byId.keySet();
  }
}
