package io.gdprkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Subkeys come from HKDF-SHA256 as RFC 5869 defines it, not from an ad-hoc HMAC of a label. */
class HkdfTests {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void matchesTheRfc5869TestVectorA1() {
    // Issue 9: RFC 5869, Appendix A.1 (basic test case with SHA-256)
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

    byte[] okm = Hkdf.sha256(ikm, salt, info, 42);

    assertThat(HEX.formatHex(okm)).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void matchesTheRfc5869TestVectorA3WithoutSaltOrInfo() {
    // Issue 9: RFC 5869, Appendix A.3: a zero-length salt is the all-zero salt the kit's derivation uses
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

    byte[] okm = Hkdf.sha256(ikm, null, new byte[0], 42);

    assertThat(HEX.formatHex(okm)).isEqualTo(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }
}
