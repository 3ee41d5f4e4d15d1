package io.gdprkit.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Base64Url;
import io.gdprkit.internal.Preconditions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * The pseudonym key: makes every keyed hash that must stay matchable for as long as the data it protects lives,
 * as {@code versionId:base64url(HMAC-SHA256)}. Suppression entries, tombstones, audit pseudonyms, consent-proof IP
 * hashes, receipt principals, erasure reports and keyed-hash field replacements are made with it.
 *
 * <p>Why a key of its own: the token {@link KeyRing} rotates and retires keys, and a retired key forgets what it
 * hashed; an erased person whose tombstone and suppression entry were hashed under it would be contacted and
 * re-imported again. This key is never retired. It is <em>re-keyed</em>: {@link #rekeyedTo} adds a version whose
 * pseudonyms are {@code HMAC(new, HMAC(old, value))}, so a stored pseudonym can be moved to the new version without
 * the value it hides (the kit has erased that), by a job that re-hashes what it protects
 * ({@code gdpr.suppression().rekeyPseudonyms(500)}, {@code gdpr.erasure().rekeyPseudonyms(500)}). Until the job
 * is done, lookups try every version; a stolen copy of the stores taken after the job is of no use without the
 * newest secret. The secrets of every version stay needed, so the host keeps them all.
 *
 * <p>Each label gets its own key, derived from the secret with HKDF-SHA256 (RFC 5869, info
 * {@code "gdpr-kit/pseudonym/" + label}), so a suppression hash never equals an audit pseudonym of the same text.
 * Immutable and thread-safe.
 *
 * <p><b>Warning:</b> {@link #generate()} makes a key that lives only as long as this JVM; with it, every pseudonym
 * the kit stored stops matching at restart. Production hosts load their secret with {@link #of(String, byte[])}.
 *
 * <p>Usage example: <pre>{@code
 * PseudonymKey key = PseudonymKey.of("p1", secretFromVault);
 * PseudonymKey next = key.rekeyedTo("p2", newSecretFromVault);   // then run the re-keying jobs
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PseudonymKey {

  /** Fewest secret bytes accepted: 256 bits, the HMAC-SHA256 output size. */
  public static final int MIN_SECRET_BYTES = Hmac.MIN_SECRET_BYTES;


  /** Version ids, oldest first. */
  private final List<String> versionIds;
  /** The secret of each version, in the same order. */
  private final List<byte[]> secrets;
  /** Per label, the derived key of each version, in the same order. */
  private final Map<String, SecretKeySpec[]> derived = new ConcurrentHashMap<>();

  private PseudonymKey(List<String> versionIds, List<byte[]> secrets) {
    this.versionIds = List.copyOf(versionIds);
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Returns the key whose only version is {@code secret}.
   *
   * @param versionId letters, digits, {@code _} and {@code -}; at most 32 characters; it prefixes every pseudonym
   * @param secret at least {@link #MIN_SECRET_BYTES} random bytes; copied
   * @throws InvalidInputException if the id or the secret has the wrong shape
   */
  public static PseudonymKey of(String versionId, byte[] secret) {
    return new PseudonymKey(List.of(Hmac.checkId(versionId, "pseudonym key version")),
        List.of(Hmac.checkSecret(secret)));
  }

  /** Returns a key with one random 256-bit version named {@code p1}, for tests and in-memory kits. */
  public static PseudonymKey generate() {
    byte[] secret = new byte[MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return new PseudonymKey(List.of("p1"), List.of(secret));
  }

  /**
   * Returns this key with one more version, {@code secret}, which makes new pseudonyms; pseudonyms of the earlier
   * versions keep matching, and {@link #rehash} moves them to the new one. This key is left as it is.
   *
   * @throws InvalidInputException if the id is taken or either argument has the wrong shape
   */
  public PseudonymKey rekeyedTo(String versionId, byte[] secret) {
    Hmac.checkId(versionId, "pseudonym key version");
    if (versionIds.contains(versionId)) {
      throw InvalidInputException.of("pseudonym key version '" + versionId + "'", "is already a version of this key");
    }
    List<String> ids = new ArrayList<>(versionIds);
    ids.add(versionId);
    List<byte[]> all = new ArrayList<>(secrets);
    all.add(Hmac.checkSecret(secret));
    return new PseudonymKey(ids, all);
  }

  /** Returns the id of the version that makes new pseudonyms. */
  public String versionId() {
    return versionIds.get(versionIds.size() - 1);
  }

  /** Returns the ids of every version, oldest first. */
  public List<String> versionIds() {
    return versionIds;
  }

  /** Returns the ids of the versions before the current one, oldest first; empty until the key is re-keyed. */
  public List<String> earlierVersionIds() {
    return versionIds.subList(0, versionIds.size() - 1);
  }

  /**
   * Returns the pseudonym of {@code value} under the current version.
   *
   * @param label what the pseudonym is for, such as {@code suppression}; different labels give unrelated values
   */
  public String pseudonym(String label, String value) {
    return pseudonym(label, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the pseudonym of {@code bytes} under the current version. */
  public String pseudonym(String label, byte[] bytes) {
    SecretKeySpec[] keys = keys(label);
    byte[] raw = bytes;
    for (SecretKeySpec key : keys) {
      raw = Hmac.sha256(key, raw);
    }
    return versionId() + ':' + Base64Url.encode(raw);
  }

  /**
   * Returns the pseudonyms of {@code value} under every version, the current one first: what a lookup tries while
   * stored pseudonyms have not all been re-hashed. One entry until the key is re-keyed.
   */
  public List<String> everyVersion(String label, String value) {
    SecretKeySpec[] keys = keys(label);
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    String[] all = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      raw = Hmac.sha256(keys[i], raw);
      all[keys.length - 1 - i] = versionIds.get(i) + ':' + Base64Url.encode(raw);
    }
    return List.of(all);
  }

  /**
   * Returns {@code pseudonym}, made under an earlier version for {@code label}, as the current version would have
   * made it from the same value; empty if it is already current or names no version of this key.
   *
   * @throws InvalidInputException if it names an earlier version but is not a pseudonym's shape
   */
  public Optional<String> rehash(String label, String pseudonym) {
    Preconditions.notNull(pseudonym, "pseudonym");
    int colon = pseudonym.indexOf(':');
    int version = colon < 0 ? -1 : versionIds.indexOf(pseudonym.substring(0, colon));
    if (version < 0 || version == versionIds.size() - 1) {
      return Optional.empty();
    }
    byte[] raw = Base64Url.decodeCanonical(pseudonym.substring(colon + 1));
    Preconditions.check(raw != null && raw.length == Hkdf.KEY_BYTES, "pseudonym",
        "must be a version id, ':' and a base64url HMAC-SHA256");
    SecretKeySpec[] keys = keys(label);
    for (int i = version + 1; i < keys.length; i++) {
      raw = Hmac.sha256(keys[i], raw);
    }
    return Optional.of(versionId() + ':' + Base64Url.encode(raw));
  }

  private SecretKeySpec[] keys(String label) {
    Preconditions.notBlank(label, "label");
    return derived.computeIfAbsent(label, l -> {
      SecretKeySpec[] keys = new SecretKeySpec[secrets.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = Hkdf.hmacKey(secrets.get(i), "gdpr-kit/pseudonym/" + l);
      }
      return keys;
    });
  }

  /** Names the versions, never the secrets. */
  @Override
  public String toString() {
    return "PseudonymKey[current=" + versionId() + ", versions=" + versionIds + "]";
  }
}
