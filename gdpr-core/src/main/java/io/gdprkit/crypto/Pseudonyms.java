package io.gdprkit.crypto;

import io.gdprkit.internal.Base64Url;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Keyed pseudonyms: {@code keyId:base64url(HMAC-SHA256)} under a key the ring derives for a label, so the
 * key version travels with the value and equal inputs match while any key of the ring remains.
 *
 * <p>Erasure records, tombstones and the suppression list name people this way: nothing can be read back,
 * yet the same person is recognised again. Destroying every key of the ring makes the pseudonyms anonymous.
 *
 * <p>Usage example: <pre>{@code String p = Pseudonyms.of(gdpr.keys(), "audit-subject", subject.value());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Pseudonyms {


  private Pseudonyms() {}

  /** Returns the pseudonym of {@code value} under the ring's active key. */
  public static String of(KeyRing keys, String label, String value) {
    return of(keys, keys.activeKeyId(), label, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the pseudonym of {@code bytes} under the ring's active key. */
  public static String of(KeyRing keys, String label, byte[] bytes) {
    return of(keys, keys.activeKeyId(), label, bytes);
  }

  /** Returns the pseudonyms of {@code value} under every key of the ring, the active one first. */
  public static List<String> underEveryKey(KeyRing keys, String label, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    String active = keys.activeKeyId();
    List<String> all = new ArrayList<>();
    all.add(of(keys, active, label, bytes));
    for (String keyId : keys.keyIds()) {
      if (!keyId.equals(active)) {
        all.add(of(keys, keyId, label, bytes));
      }
    }
    return all;
  }

  private static String of(KeyRing keys, String keyId, String label, byte[] bytes) {
    return keyId + ':' + Base64Url.encode(keys.mac(keyId, label, bytes));
  }
}
