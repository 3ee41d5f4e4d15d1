package io.gdprkit.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.export.ExportDelivery;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Completing an erasure or restriction request runs it, unless the host set its own fulfiller. */
class RequestFulfilmentWiringTests {

  private final SubjectId alice = SubjectId.of("contact-42");
  private final Actor staff = Actor.staff("dpo");
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(ProviderDescriptor.of(
      "contacts", "Contacts", List.of(FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS,
          ErasureStrategy.deleteRecord()))));
  private final IdentityVerifier trusting = new IdentityVerifier() {
    @Override
    public void begin(SubjectRequest request) {}

    @Override
    public void check(SubjectRequest request, String token) {}
  };

  private GdprKit.Builder builder() {
    return GdprKit.builder().identityVerifier(trusting).personalData(contacts)
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"));
  }

  private SubjectRequest complete(GdprKit gdpr, RequestKind kind) {
    SubjectRequest request = gdpr.requests().receive(alice, kind, Actor.subject());
    gdpr.requests().startVerification(request.id());
    gdpr.requests().verify(request.id(), "checked in person");
    gdpr.requests().start(request.id(), staff);
    return gdpr.requests().complete(request.id(), staff);
  }

  @Test
  void completingAnErasureRequestErasesTheSubject() {
    GdprKit gdpr = builder().build();
    contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), Instant.EPOCH);

    SubjectRequest done = complete(gdpr, RequestKind.ERASURE);

    assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(contacts.records(alice)).isEmpty();
    assertThat(gdpr.erasure().wasErased(alice)).isTrue();
  }

  @Test
  void completingARestrictionRequestRestrictsTheSubject() {
    GdprKit gdpr = builder().build();

    complete(gdpr, RequestKind.RESTRICTION);

    assertThat(gdpr.decide(alice, "billing").reason()).isEqualTo(DecisionReason.RESTRICTED);
  }

  @Test
  void completingAnAccessRequestDeliversTheExport() {
    java.io.ByteArrayOutputStream delivered = new java.io.ByteArrayOutputStream();
    GdprKit gdpr = builder().exportDelivery((subject, kind) -> ExportDelivery.Sink.of(delivered, failure -> { })).build();
    contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), Instant.EPOCH);

    complete(gdpr, RequestKind.ACCESS);

    assertThat(delivered.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("alice@example.com")
        .contains("\"ACCESS\"");
  }

  @Test
  void aHostsOwnFulfillerWins() {
    GdprKit gdpr = builder().requestFulfiller(RequestKind.ERASURE, request -> { }).build();
    contacts.put(alice, "c-42", Map.of("email", "alice@example.com"), Instant.EPOCH);

    complete(gdpr, RequestKind.ERASURE);

    assertThat(contacts.records(alice)).isNotEmpty();
  }
}
