package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditWiringTests {

  private final GdprKit gdpr = GdprKit.builder()
      .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News"))
      .build();
  private final SubjectId alice = SubjectId.of("contact-42");

  @Test
  void recordsConsentChangesAndErasuresByPseudonymAndStillVerifiesAfterErasure() {
    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
    gdpr.consents().withdraw(alice, "newsletter");

    gdpr.erasure().erase(alice);

    List<AuditEntry> trail = gdpr.audit().entries(TenantId.DEFAULT, 0, 100);
    assertThat(trail).extracting(e -> e.record().kind())
        .containsExactly(AuditKind.CONSENT_CHANGED, AuditKind.CONSENT_CHANGED, AuditKind.ERASED);
    assertThat(trail).extracting(e -> e.record().details().get("type")).containsExactly("GRANTED", "WITHDRAWN", null);
    assertThat(trail).extracting(e -> e.record().subjectPseudonym()).allSatisfy(p ->
        assertThat(p).startsWith(gdpr.keys().activeKeyId() + ":").doesNotContain("contact-42"));
    assertThat(trail.stream().map(Object::toString)).noneMatch(text -> text.contains("contact-42"));
    assertThat(trail.get(0).record().subjectPseudonym()).isEqualTo(trail.get(2).record().subjectPseudonym());
    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(3));
  }

  @Test
  void recordsBulkGrantsToo() {
    gdpr.consents().bulkUpdate(io.gdprkit.consent.BulkUpdate.of("newsletter", LegalBasis.CONSENT,
        io.gdprkit.source.Origin.importFile("f.csv"), java.time.Instant.now().minusSeconds(60),
        io.gdprkit.subject.Actor.staff("u")), java.util.stream.Stream.of(alice, SubjectId.of("b")), (s, c) -> true);

    assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(2);
  }
}
