package io.gdprkit.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.receipt.InvalidReceiptException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptVerifierTests {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final ReceiptFixture fixture = new ReceiptFixture();
  private final VerificationKey key = fixture.signingKey.verificationKey();
  private final String jws = fixture.jws();

  @Test
  void rejectsEveryReceiptWithOneChangedCharacter() {
    List<String> accepted = new ArrayList<>();

    for (int position = 0; position < jws.length(); position++) {
      char original = jws.charAt(position);
      // one bit flipped, and the next letter of the alphabet: each is a different byte at this position
      char flipped = (char) (original ^ 1);
      char next = original == '.' ? 'A' : ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % ALPHABET.length());
      for (char replacement : new char[] {flipped, next}) {
        String altered = jws.substring(0, position) + replacement + jws.substring(position + 1);
        if (verifies(altered)) {
          accepted.add(position + ":" + replacement);
        }
      }
    }

    assertThat(jws.length()).isGreaterThan(1000);
    assertThat(accepted).as("altered receipts that verified").isEmpty();
  }

  @Test
  void rejectsEveryReceiptWithOneChangedPayloadByte() {
    String[] parts = jws.split("\\.");
    byte[] payload = DECODER.decode(parts[1]);
    List<Integer> accepted = new ArrayList<>();

    for (int position = 0; position < payload.length; position++) {
      byte[] altered = payload.clone();
      altered[position] ^= 0x20;
      if (verifies(parts[0] + '.' + ENCODER.encodeToString(altered) + '.' + parts[2])) {
        accepted.add(position);
      }
    }

    assertThat(accepted).as("payload positions whose change verified").isEmpty();
  }

  @Test
  void rejectsEveryTruncatedReceipt() {
    List<Integer> accepted = new ArrayList<>();

    for (int length = 0; length < jws.length(); length++) {
      if (verifies(jws.substring(0, length))) {
        accepted.add(length);
      }
    }

    assertThat(accepted).isEmpty();
  }

  @Test
  void rejectsExtraSegmentsAndPadding() {
    String[] parts = jws.split("\\.");

    assertThat(reason(jws + ".AAAA")).isEqualTo(Reason.MALFORMED);
    assertThat(reason(jws + ".")).isEqualTo(Reason.MALFORMED);
    assertThat(reason(parts[0] + "." + parts[1])).isEqualTo(Reason.MALFORMED);
    assertThat(reason(parts[0] + "=." + parts[1] + "." + parts[2])).isEqualTo(Reason.MALFORMED);
    assertThat(reason(jws + "==")).isEqualTo(Reason.MALFORMED);
    assertThat(reason(" " + jws)).isEqualTo(Reason.MALFORMED);
    assertThat(reason(jws.substring(0, jws.length() - 1) + "+")).isEqualTo(Reason.MALFORMED);
    assertThat(reason(jws.substring(0, jws.length() - 1) + "/")).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsNonCanonicalBase64WithTheSameBytes() {
    // 64 signature bytes are 86 characters; the last one carries 2 bits and 4 bits that must be zero
    String[] parts = jws.split("\\.");
    String signature = parts[2];
    char last = signature.charAt(signature.length() - 1);
    char sameBytes = ALPHABET.charAt(ALPHABET.indexOf(last) | 0x01);
    String altered = parts[0] + "." + parts[1] + "." + signature.substring(0, signature.length() - 1) + sameBytes;

    assertThat(DECODER.decode(altered.split("\\.")[2])).isEqualTo(DECODER.decode(signature));
    assertThat(reason(altered)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsTheNoneAlgorithm() {
    String payload = jws.split("\\.")[1];
    String header = encode("{\"alg\":\"none\",\"kid\":\"receipts-2026\"}");

    assertThat(reason(header + "." + payload + ".")).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reason(encode("{\"alg\":\"none\"}") + "." + payload + ".")).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsAnotherAlgorithmEvenWhenTheSignatureIsGood() {
    String header = encode("{\"alg\":\"HS256\",\"kid\":\"receipts-2026\"}");

    String forged = signed(header, jws.split("\\.")[1], fixture.signingKey);

    assertThat(reason(forged)).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsAHeaderThatIsNotTheExpectedJson() {
    String payload = jws.split("\\.")[1];
    String signature = jws.split("\\.")[2];

    assertThat(reason(encode("{\"alg\":1}") + "." + payload + "." + signature)).isEqualTo(Reason.MALFORMED);
    assertThat(reason(encode("[\"EdDSA\"]") + "." + payload + "." + signature)).isEqualTo(Reason.MALFORMED);
    assertThat(reason(encode("{\"alg\":\"EdDSA\",\"alg\":\"none\"}") + "." + payload + "." + signature))
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsAnotherKeyId() {
    VerificationKey renamed = VerificationKey.of("receipts-2027", key.publicKey());

    assertThat(reason(jws, renamed)).isEqualTo(Reason.WRONG_KEY_ID);
  }

  @Test
  void rejectsAnotherKeyOfTheSameId() {
    VerificationKey other = SigningKey.of("receipts-2026", ReceiptFixture.filled(8)).verificationKey();

    assertThat(reason(jws, other)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAHeaderWithMoreThanAlgAndKidEvenWhenSigned() {
    String header = encode("{\"alg\":\"EdDSA\",\"kid\":\"receipts-2026\",\"crit\":[\"exp\"]}");

    String forged = signed(header, jws.split("\\.")[1], fixture.signingKey);

    assertThat(reason(forged)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void rejectsASignedPayloadThatIsNotInTheKitsForm() {
    String header = jws.split("\\.")[0];
    String payload = new String(DECODER.decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);

    String spaced = signed(header, encode(payload.replace(",\"", ", \"")), fixture.signingKey);
    String extra = signed(header, encode(payload.replaceFirst("\\{", "{\"admin\":true,")), fixture.signingKey);
    String missing = signed(header, encode(payload.replace("\"sensitive\":false,", "")), fixture.signingKey);
    String lying = signed(header, encode(payload.replace("\"sensitive\":false", "\"sensitive\":true")),
        fixture.signingKey);
    String notJson = signed(header, encode("receipt"), fixture.signingKey);
    String otherRecord = signed(header, encode(payload.replaceFirst("\"record_id\":\"[^\"]+\"",
        "\"record_id\":\"00000000-0000-0000-0000-000000000000\"")), fixture.signingKey);
    String otherKey = signed(header, encode(payload.replace(key.publicKeyBase64Url(),
        SigningKey.of("receipts-2026", ReceiptFixture.filled(9)).verificationKey().publicKeyBase64Url())),
        fixture.signingKey);

    assertThat(reason(spaced)).isEqualTo(Reason.INVALID_CONTENT);
    assertThat(reason(extra)).isEqualTo(Reason.INVALID_CONTENT);
    assertThat(reason(missing)).isEqualTo(Reason.INVALID_CONTENT);
    assertThat(reason(lying)).isEqualTo(Reason.INVALID_CONTENT);
    assertThat(reason(notJson)).isEqualTo(Reason.MALFORMED);
    assertThat(reason(otherRecord)).isEqualTo(Reason.INVALID_CONTENT);
    assertThat(reason(otherKey)).isEqualTo(Reason.INVALID_CONTENT);
  }

  @Test
  void saysWhatFailedWithoutTheReceiptsContent() {
    String payload = jws.split("\\.")[1];
    String tampered = jws.replace(payload, payload.substring(0, 10) + (payload.charAt(10) == 'A' ? 'B' : 'A')
        + payload.substring(11));

    assertThatThrownBy(() -> ReceiptVerifier.verify(tampered, key)).isInstanceOf(InvalidReceiptException.class)
        .hasMessageContaining("BAD_SIGNATURE").hasMessageNotContaining("Acme").hasMessageNotContaining("newsletter");
  }

  @Test
  void refusesAnOverlongReceiptBeforeDecodingIt() {
    String huge = "A".repeat(70_000) + "." + "A".repeat(4) + "." + "A".repeat(4);

    assertThat(reason(huge)).isEqualTo(Reason.MALFORMED);
  }

  private boolean verifies(String candidate) {
    try {
      ReceiptVerifier.verify(candidate, key);
      return true;
    } catch (InvalidReceiptException expected) {
      return false;
    }
  }

  private Reason reason(String candidate) {
    return reason(candidate, key);
  }

  private static Reason reason(String candidate, VerificationKey with) {
    try {
      ReceiptVerifier.verify(candidate, with);
    } catch (InvalidReceiptException e) {
      return e.reason();
    }
    throw new AssertionError("the receipt verified");
  }

  private static String encode(String json) {
    return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String signed(String header, String payload, SigningKey key) {
    String input = header + "." + payload;
    return input + "." + ENCODER.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }
}
