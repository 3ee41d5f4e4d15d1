package io.gdprkit.receipt;

import static io.gdprkit.receipt.ReceiptFixture.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.receipt.InvalidReceiptException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Receipts signed before a signing-key rotation verify against the kit's published key set after it. */
class ReceiptKeyRotationTests {

  private final ReceiptFixture before = new ReceiptFixture();
  private final SigningKey key2027 = SigningKey.of("receipts-2027", filled(8));
  private final GdprKit after = GdprKit.builder().clock(before.clock).keyRing(KeyRing.of("ring-1", filled(3)))
      .signingKey(key2027).trustedKeys(VerificationKeys.of(before.signingKey.verificationKey()))
      .purpose(ReceiptFixture.NEWSLETTER).purpose(ReceiptFixture.HEALTH_TIPS).receipts(ReceiptFixture.OPTIONS)
      .build();

  @Test
  void receiptsOfTheOldAndTheNewKeyVerifyAgainstThePublishedSet() {
    String old = before.jws();
    String current = after.receipts().issue(after.consents().grant(ReceiptFixture.ALICE, "newsletter",
        io.gdprkit.consent.ConsentProof.webForm("signup-form", "v3").build())).jws();

    VerificationKeys published = VerificationKeys.fromJwks(after.verificationKeys().toJwks());

    assertThat(ReceiptVerifier.verify(old, published).publicKey())
        .isEqualTo(before.signingKey.verificationKey().publicKeyBase64Url());
    assertThat(ReceiptVerifier.verify(current, published).publicKey()).isEqualTo(key2027.verificationKey()
        .publicKeyBase64Url());
  }

  @Test
  void aReceiptOfAKeyOutsideTheSetIsRejectedNamingItsId() {
    String old = before.jws();
    VerificationKeys withoutOld = VerificationKeys.of(key2027.verificationKey());

    assertThatThrownBy(() -> ReceiptVerifier.verify(old, withoutOld))
        .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
        .hasMessageContaining("receipts-2026");
  }

  @Test
  void aHeaderRenamedToAnotherTrustedKeyDoesNotVerify() {
    String old = before.jws();
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"EdDSA\",\"kid\":\"receipts-2027\"}".getBytes(StandardCharsets.UTF_8));
    String renamed = header + old.substring(old.indexOf('.'));

    assertThatThrownBy(() -> ReceiptVerifier.verify(renamed, after.verificationKeys()))
        .isInstanceOfSatisfying(InvalidReceiptException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void aHeaderWithoutAKidIsMalformed() {
    String old = before.jws();
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> ReceiptVerifier.verify(header + old.substring(old.indexOf('.')),
        after.verificationKeys())).isInstanceOfSatisfying(InvalidReceiptException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }
}
