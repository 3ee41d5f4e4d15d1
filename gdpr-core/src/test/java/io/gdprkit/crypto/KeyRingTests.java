package io.gdprkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyRingTests {

  private static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) seed);
    return secret;
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  @Test
  void derivesOneKeyPerLabelFromTheSecret() throws Exception {
    KeyRing keys = KeyRing.of("k1", secret(7));
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);

    // HKDF-SHA256 (RFC 5869) by hand: zero salt, extract, one expand block
    byte[] prk = hmac(new byte[32], secret(7));
    byte[] expectedKey = hmac(prk, ("gdpr-kit/token/doi" + (char) 1).getBytes(StandardCharsets.UTF_8));

    assertThat(keys.mac("k1", "doi", data)).isEqualTo(hmac(expectedKey, data));
    assertThat(keys.mac("k1", "doi", data)).isNotEqualTo(keys.mac("k1", "unsubscribe", data));
  }

  @Test
  void rotatesAndRetires() {
    KeyRing keys = KeyRing.of("k1", secret(1));
    byte[] data = {1, 2, 3};
    byte[] before = keys.mac("k1", "x", data);

    keys.rotate("k2", secret(2));

    assertThat(keys.activeKeyId()).isEqualTo("k2");
    assertThat(keys.keyIds()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(keys.mac("k1", "x", data)).isEqualTo(before);

    keys.retire("k1");

    assertThatThrownBy(() -> keys.mac("k1", "x", data)).isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("k1");
    assertThatThrownBy(() -> keys.retire("k2")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("active");
    assertThatThrownBy(() -> keys.retire("k9")).isInstanceOf(UnknownKeyException.class);
  }

  @Test
  void refusesShortSecretsBadIdsAndDuplicateIds() {
    assertThatThrownBy(() -> KeyRing.of("k1", new byte[31])).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> KeyRing.of("k.1", secret(1))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> KeyRing.of("", secret(1))).isInstanceOf(InvalidInputException.class);
    KeyRing keys = KeyRing.of("k1", secret(1));
    assertThatThrownBy(() -> keys.rotate("k1", secret(2))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void copiesTheSecretAndNeverPrintsIt() {
    byte[] secret = secret(5);
    KeyRing keys = KeyRing.of("k1", secret);
    byte[] before = keys.mac("k1", "x", new byte[] {1});

    Arrays.fill(secret, (byte) 0);

    assertThat(keys.mac("k1", "x", new byte[] {1})).isEqualTo(before);
    assertThat(keys.toString()).contains("k1").doesNotContain(HexFormat.of().formatHex(secret(5)));
  }
}
