package io.gdprkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VerificationKeysTests {

  private static final VerificationKey OLD = SigningKey.of("audit-2026", filled(1)).verificationKey();
  private static final VerificationKey NEW = SigningKey.of("audit-2027", filled(2)).verificationKey();
  private static final String X = OLD.publicKeyBase64Url();

  @Test
  void writesAJwkSetOfPublicEd25519KeysAndReadsItBack() {
    VerificationKeys keys = VerificationKeys.of(NEW, OLD);

    String jwks = keys.toJwks();

    assertThat(jwks).startsWith("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"use\":\"sig\",\"alg\":\"EdDSA\","
        + "\"kid\":\"audit-2027\",\"x\":\"" + NEW.publicKeyBase64Url() + "\"}");
    assertThat(VerificationKeys.fromJwks(jwks)).isEqualTo(keys);
    assertThat(VerificationKeys.fromJwks(jwks).keys()).containsExactly(NEW, OLD);
  }

  @Test
  void findsKeysByIdAndNamesAnUnknownOne() {
    VerificationKeys keys = VerificationKeys.of(NEW, OLD);

    assertThat(keys.find("audit-2026")).contains(OLD);
    assertThat(keys.find("audit-2025")).isEmpty();
    assertThat(keys.contains("audit-2027")).isTrue();
    assertThatThrownBy(() -> keys.get("audit-2025")).isInstanceOfSatisfying(UnknownKeyException.class,
        e -> assertThat(e.keyId()).isEqualTo("audit-2025"));
  }

  @Test
  void readsTheRfc8037ExampleKeyAndIgnoresMembersItDoesNotUse() {
    // RFC 8037 appendix A.2, with a kid added and unknown members the RFC says to ignore
    String jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"rfc8037\",\"x\":"
        + "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"key_ops\":[\"verify\"],\"ext\":true}],\"extra\":{}}";

    VerificationKeys keys = VerificationKeys.fromJwks(jwks);

    assertThat(keys.get("rfc8037").publicKeyBase64Url()).isEqualTo("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "not json|jwks",
      "[]|jwks",
      "{}|jwks.keys",
      "{\"keys\":{}}|jwks.keys",
      "{\"keys\":[]}|jwks.keys",
      "{\"keys\":[1]}|jwks.keys[0]",
      "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\"}]}|jwks.keys[0].kty",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"k\",\"x\":\"X\"}]}|jwks.keys[0].crv",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\",\"d\":\"X\"}]}|jwks.keys[0].d",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\",\"use\":\"enc\"}]}|jwks.keys[0].use",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\",\"alg\":\"ES256\"}]}|jwks.keys[0].alg",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"X\"}]}|jwks.keys[0].kid",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"a b\",\"x\":\"X\"}]}|jwks.keys[0].kid",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":7,\"x\":\"X\"}]}|jwks.keys[0].kid",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\"}]}|jwks.keys[0].x",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X=\"}]}|jwks.keys[0].x",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"AAAA\"}]}|jwks.keys[0].x",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\"},"
          + "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\"}]}|keys",
      "{\"keys\":[{\"kty\":\"OKP\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\"}]}|jwks",
      "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"X\"}]} {}|jwks"})
  void refusesAnythingButPublicEd25519SignatureKeysNamingTheMember(String jwks, String field) {
    String text = jwks.replace("\"X\"", "\"" + X + "\"").replace("\"X=\"", "\"" + X + "=\"");

    assertThatThrownBy(() -> VerificationKeys.fromJwks(text)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void refusesAnXThatIsNotCanonicalOrNotAPoint() {
    char last = X.charAt(X.length() - 1);
    String stray = X.substring(0, X.length() - 1) + (char) (last + 1);
    byte[] notAPoint = new byte[32];
    Arrays.fill(notAPoint, (byte) 0xFF);
    String offCurve = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(notAPoint);

    for (String x : new String[] {stray, offCurve}) {
      String jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k\",\"x\":\"" + x + "\"}]}";
      assertThatThrownBy(() -> VerificationKeys.fromJwks(jwks)).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("jwks.keys[0].x"));
    }
  }

  @Test
  void refusesAnEmptySetTwoKeysWithOneIdAndAnOversizedDocument() {
    VerificationKey sameId = SigningKey.of("audit-2026", filled(5)).verificationKey();

    assertThatThrownBy(VerificationKeys::of).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> VerificationKeys.of(OLD, sameId)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("audit-2026");
    assertThatThrownBy(() -> VerificationKeys.fromJwks(" ".repeat(70_000) + "{}"))
        .isInstanceOf(InvalidInputException.class);
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
