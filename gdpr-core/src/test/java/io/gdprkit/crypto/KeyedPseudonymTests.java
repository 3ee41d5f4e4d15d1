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
 * Audit subjects, suppression entries and tombstones are HMAC-SHA256 pseudonyms under the pseudonym key, which
 * carry its version; the token key ring can rotate and retire keys without the kit forgetting anyone it erased.
 */
class KeyedPseudonymTests {

  private final KeyRing keys = KeyRing.of("k1", secret(1));
  private final PseudonymKey pseudonyms = PseudonymKey.of("p1", secret(9));
  private final GdprKit gdpr = GdprKit.builder().keyRing(keys).pseudonymKey(pseudonyms)
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
  private final SubjectId alice = SubjectId.of("contact-42");

  static byte[] secret(int seed) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) seed);
    return secret;
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  /** HMAC-SHA256 under the HKDF-SHA256 key derived for a label, both computed here by hand with the JDK. */
  static String expectedPseudonym(String version, byte[] secret, String label, String value) throws Exception {
    byte[] prk = hmac(new byte[32], secret);
    byte[] derived = hmac(prk, ("gdpr-kit/pseudonym/" + label + (char) 1).getBytes(StandardCharsets.UTF_8));
    return version + ':' + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(hmac(derived, value.getBytes(StandardCharsets.UTF_8)));
  }

  private List<AuditEntry> trail() {
    return gdpr.audit().entries(TenantId.DEFAULT, 0, 100);
  }

  @Test
  void namesAuditSubjectsByAKeyedHashUnderThePseudonymKeyThatCarriesItsVersion() throws Exception {
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());

    String pseudonym = trail().get(0).record().subjectPseudonym();

    assertThat(pseudonym).isEqualTo(expectedPseudonym("p1", secret(9), "audit-subject", "default/contact-42"));
  }

  @Test
  void namesTheSameSubjectAlikeAcrossATokenKeyRotationAndStillVerifiesTheChain() {
    // Issue 9: the audit trail names a subject by the pseudonym key, which token-key rotation leaves alone
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
    keys.rotate("k2", secret(2));
    keys.retire("k1");

    gdpr.consents().withdraw(alice, "newsletter");

    List<AuditEntry> trail = trail();
    assertThat(trail.get(1).record().subjectPseudonym()).isEqualTo(trail.get(0).record().subjectPseudonym())
        .startsWith("p1:");
    assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(2));
  }

  @Test
  void keepsRecognisingErasedAndSuppressedPeopleAfterTheTokenKeyIsRetired() throws Exception {
    // Issue 9: retiring a token key, as KeyRing advises, made suppression and wasErased answer false
    SuppressionEntry before = gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("Alice@Example.com"));
    gdpr.erasure().erase(alice);

    keys.rotate("k2", secret(2));
    keys.retire("k1");

    assertThat(before.hash()).isEqualTo(expectedPseudonym("p1", secret(9), "suppression", "email:alice@example.com"));
    assertThat(gdpr.suppression().isSuppressed(TenantId.DEFAULT, ContactPoint.email("alice@example.com "))).isTrue();
    assertThat(gdpr.suppression().suppress(TenantId.DEFAULT, ContactPoint.email("alice@example.com"))).isEqualTo(before);
    assertThat(gdpr.erasure().wasErased(alice)).isTrue();
    assertThat(gdpr.erasure().records().get(0).subjectPseudonym())
        .isEqualTo(expectedPseudonym("p1", secret(9), "subject", "default/contact-42"));
  }
}
