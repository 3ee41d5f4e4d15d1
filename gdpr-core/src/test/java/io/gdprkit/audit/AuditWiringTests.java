package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.export.ExportDelivery;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.subject.Actor;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Map;
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
        assertThat(p).startsWith(gdpr.pseudonymKey().versionId() + ":").doesNotContain("contact-42"));
    assertThat(trail.stream().map(Object::toString)).noneMatch(text -> text.contains("contact-42"));
    assertThat(trail.get(0).record().subjectPseudonym()).isEqualTo(trail.get(2).record().subjectPseudonym());
    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(3));
  }

  @Test
  void recordsEveryRequestStepAndTheExportDeliveredForIt() {
    GdprKit kit = requestKit(new java.io.ByteArrayOutputStream());
    contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), java.time.Instant.EPOCH);

    complete(kit, RequestKind.ACCESS);

    List<AuditEntry> trail = kit.audit().entries(TenantId.DEFAULT, 0, 100);
    assertThat(trail).extracting(e -> e.record().kind()).containsExactly(AuditKind.REQUEST_CHANGED,
        AuditKind.REQUEST_CHANGED, AuditKind.REQUEST_CHANGED, AuditKind.REQUEST_CHANGED, AuditKind.EXPORTED,
        AuditKind.REQUEST_CHANGED);
    assertThat(trail).extracting(e -> e.record().details().get("state")).containsExactly("RECEIVED", "RECEIVED",
        "IDENTITY_VERIFIED", "IN_PROGRESS", null, "COMPLETED");
    assertThat(trail.get(4).record().details()).containsEntry("kind", "ACCESS").containsEntry("format", "JSON");
    assertThat(trail.get(5).record().actor()).isEqualTo(Actor.staff("dpo"));
    assertThat(kit.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(6));
  }

  @Test
  void recordsAnExportOnlyWhenItWasWrittenToTheEnd() {
    GdprKit kit = requestKit(new java.io.ByteArrayOutputStream());
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("disk full");
      }
    };

    kit.exports().write(alice, io.gdprkit.export.ExportFormat.CSV, new java.io.ByteArrayOutputStream());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kit.exports().write(alice,
        io.gdprkit.export.ExportFormat.JSON, broken)).isInstanceOf(io.gdprkit.export.ExportFailedException.class);

    assertThat(kit.audit().entries(TenantId.DEFAULT, 0, 10)).singleElement().satisfies(entry -> {
      assertThat(entry.record().kind()).isEqualTo(AuditKind.EXPORTED);
      assertThat(entry.record().details()).containsEntry("format", "CSV");
    });
  }

  /**
   * An erasure request erases the subject; the trail of the subject's consents, request steps and erasure still
   * verifies, names the subject by one pseudonym only, and an auditor can be shown the erasure entry.
   */
  @Test
  void erasingASubjectLeavesAVerifiableTrailThatHoldsNoRawSubjectId() {
    GdprKit kit = requestKit(new java.io.ByteArrayOutputStream());
    contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), java.time.Instant.EPOCH);
    kit.consents().grant(alice, "billing-news", ConsentProof.webForm("f", "1").build());

    complete(kit, RequestKind.ERASURE);

    List<AuditEntry> trail = kit.audit().entries(TenantId.DEFAULT, 0, 100);
    assertThat(trail).extracting(e -> e.record().kind()).contains(AuditKind.CONSENT_CHANGED, AuditKind.ERASED,
        AuditKind.REQUEST_CHANGED);
    assertThat(trail).extracting(e -> e.record().subjectPseudonym()).containsOnly(trail.get(0).record()
        .subjectPseudonym());
    for (AuditEntry entry : trail) {
      String canonical = new String(io.gdprkit.audit.internal.EntryHashing.canonicalBytes(entry),
          java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(canonical).doesNotContain("contact-42", "alice");
      assertThat(entry.toString()).doesNotContain("contact-42", "alice");
    }
    assertThat(contacts.records(alice)).isEmpty();
    assertThat(kit.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(trail.size()));
    Checkpoint checkpoint = kit.audit().checkpoint(TenantId.DEFAULT);
    AuditEntry erased = trail.stream().filter(e -> e.record().kind() == AuditKind.ERASED).findFirst().orElseThrow();
    AuditProofVerifier.verifyInclusion(erased, kit.audit().inclusionProof(TenantId.DEFAULT, erased.position(),
        checkpoint), checkpoint, kit.signingKey().verificationKey());
  }

  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts", List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS,
          ErasureStrategy.deleteRecord()))));

  private GdprKit requestKit(java.io.OutputStream delivered) {
    IdentityVerifier trusting = new IdentityVerifier() {
      @Override
      public void begin(SubjectRequest request) {}

      @Override
      public void check(SubjectRequest request, String token) {}
    };
    return GdprKit.builder().identityVerifier(trusting).personalData(contacts)
        .purpose(Purpose.of("billing-news", LegalBasis.CONSENT, "News"))
        .exportDelivery((subject, kind) -> ExportDelivery.Sink.of(delivered, failure -> { })).build();
  }

  private static void complete(GdprKit kit, RequestKind kind) {
    SubjectRequest request = kit.requests().receive(SubjectId.of("contact-42"), kind, Actor.subject());
    kit.requests().startVerification(request.id());
    kit.requests().verify(request.id(), "checked in person");
    kit.requests().start(request.id(), Actor.staff("dpo"));
    kit.requests().complete(request.id(), Actor.staff("dpo"));
  }

  @Test
  void recordsBulkGrantsToo() {
    gdpr.consents().bulkUpdate(io.gdprkit.consent.BulkUpdate.of("newsletter", LegalBasis.CONSENT,
        io.gdprkit.source.Origin.importFile("f.csv"), java.time.Instant.now().minusSeconds(60),
        io.gdprkit.subject.Actor.staff("u")), java.util.stream.Stream.of(alice, SubjectId.of("b")), (s, c) -> true);

    assertThat(gdpr.audit().size(TenantId.DEFAULT)).isEqualTo(2);
  }
}
