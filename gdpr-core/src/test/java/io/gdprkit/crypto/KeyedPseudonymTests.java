package io.gdprkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressionEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Audit subjects and suppression entries are keyed HMAC-SHA256 pseudonyms that carry their key version; rotating the
 * key ring changes new pseudonyms, keeps old ones recognised, and retiring the old key ends that.
 */
class KeyedPseudonymTests {

  private final KeyRing keys = KeyRing.of("k1", secret(1));
  private final GdprKit gdpr = GdprKit.builder().keyRing(keys)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
  private final SubjectId alice = SubjectId.of("contact-42");

  private static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) seed);
    return secret;
  }

  /** HMAC-SHA256 under the key the ring derives for a label, computed here by hand. */
  private static String expectedPseudonym(String keyId, byte[] secret, String label, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] derived = mac.doFinal(("gdpr-kit/" + label).getBytes(StandardCharsets.UTF_8));
    mac.init(new SecretKeySpec(derived, "HmacSHA256"));
    return keyId + ':' + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  private List<AuditEntry> trail() {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 100);
  }

  @Test
  void namesAuditSubjectsByAKeyedHashThatCarriesTheKeyVersion() throws Exception {
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

    String pseudonym = trail().get(0).record().subjectPseudonym();

    assertThat(pseudonym).isEqualTo(expectedPseudonym("k1", secret(1), "audit-subject", "default/contact-42"));
  }

  @Test
  void namesTheSameSubjectDifferentlyAfterARotationAndStillVerifiesTheChain() {
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
    keys.rotate("k2", secret(2));

    gdpr.consents().withdraw(alice, "newsletter");

    List<AuditEntry> trail = trail();
    assertThat(trail.get(0).record().subjectPseudonym()).startsWith("k1:");
    assertThat(trail.get(1).record().subjectPseudonym()).startsWith("k2:")
        .isNotEqualTo("k2:" + trail.get(0).record().subjectPseudonym().substring(3));
    assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(2));
  }

  @Test
  void keepsRecognisingSuppressedContactsAfterARotationUntilTheOldKeyIsRetired() throws Exception {
    SuppressionEntry before = gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("Alice@Example.com"));
    keys.rotate("k2", secret(2));

    SuppressionEntry again = gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("alice@example.com "));
    SuppressionEntry fresh = gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("bob@example.com"));
    keys.retire("k1");
    boolean aliceAfterRetire = gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("alice@example.com"));

    assertThat(before.hash()).isEqualTo(expectedPseudonym("k1", secret(1), "suppression", "email:alice@example.com"));
    assertThat(again).isEqualTo(before);
    assertThat(fresh.hash()).isEqualTo(expectedPseudonym("k2", secret(2), "suppression", "email:bob@example.com"));
    assertThat(aliceAfterRetire).as("a k1 hash means nothing once k1 is gone").isFalse();
    assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("bob@example.com"))).isTrue();
  }
}
