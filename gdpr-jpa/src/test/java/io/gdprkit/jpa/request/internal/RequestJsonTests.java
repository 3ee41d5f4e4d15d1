package io.gdprkit.jpa.request.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprStoreException;
import io.gdprkit.export.ExportKind;
import io.gdprkit.request.Fulfilment;
import io.gdprkit.request.IdentityCheck;
import io.gdprkit.request.RequestChannel;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestNotice;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestJsonTests {

  private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final SubjectId ALICE = SubjectId.of(TenantId.of("acme"), "alice");
  private static final Actor DPO = Actor.staff("dpo-1");

  @Test
  @DisplayName("a request reads back equal with the evidence of every step (Art. 12(3), 12(6); Regulation 2025/2518),"
      + " its version and its claim")
  void roundTripsEveryKindOfEvidence() {
    RequestIntake intake = RequestIntake.of(RequestChannel.EMAIL).withReference("TICKET-4711")
        .withTextKept("Bitte löschen Sie alles über mich — \"sofort\".\n");
    SubjectRequest received = SubjectRequest.received(RequestId.random(), ALICE, RequestKind.ACCESS, AT,
        AT.plus(Duration.ofDays(31)), Actor.staff("clerk-7"), intake);
    SubjectRequest verified = received
        .step(RequestState.RECEIVED, minute(1), Actor.system("gdpr-kit"), "identity verification started",
            new IdentityCheck("email-token", IdentityCheck.Outcome.STARTED))
        .step(RequestState.IDENTITY_VERIFIED, minute(2), Actor.subject(), null,
            new IdentityCheck("email-token", IdentityCheck.Outcome.VERIFIED))
        .extended(new SubjectRequest.Extension(AT.plus(Duration.ofDays(90)), "Five systems to search.", minute(3)),
            DPO)
        .step(RequestState.IN_PROGRESS, minute(4), DPO, null);
    List<SubjectRequest> requests = List.of(received, verified,
        verified.claimed(new SubjectRequest.Claim("node-a", AT.plus(Duration.ofMinutes(5)))),
        verified.claimed(new SubjectRequest.Claim("node-b", minute(9))).unclaimed(),
        completed(verified, new Fulfilment.Erased(new UUID(7, 9), 3, 2, 1)),
        completed(verified, new Fulfilment.Exported(ExportKind.PORTABILITY, "ab".repeat(32), 4096)),
        completed(verified, Fulfilment.performed("Corrected in the CRM", "JIRA-12")),
        completed(verified, Fulfilment.performed("Restricted", null)),
        completed(verified, new Fulfilment.Recorded()),
        verified.rejected("Manifestly unfounded.", minute(6), DPO)
            .noticeSent(RequestNotice.of(RequestNotice.Kind.REJECTION, RequestChannel.POST, "No."), minute(7), DPO));

    for (SubjectRequest request : requests) {
      assertThat(RequestJson.read(request.id(), request.subject(), request.version(), RequestJson.write(request)))
          .isEqualTo(request);
    }
  }

  @Test
  @DisplayName("a stored request with an evidence type it does not know fails as a store error naming the field")
  void failsOnAnUnknownEvidenceType() {
    String json = RequestJson.write(SubjectRequest.received(RequestId.random(), ALICE, RequestKind.ERASURE, AT,
        AT.plus(Duration.ofDays(31)), Actor.subject(), RequestIntake.of(RequestChannel.API)))
        .replace("\"INTAKE\"", "\"TELEPATHY\"");

    assertThatThrownBy(() -> RequestJson.read(RequestId.random(), ALICE, 1, json))
        .isInstanceOf(GdprStoreException.class).cause().hasMessageContaining("type")
        .hasMessageNotContaining("TELEPATHY");
  }

  private static SubjectRequest completed(SubjectRequest inProgress, Fulfilment fulfilment) {
    return inProgress.step(RequestState.COMPLETED, minute(5), DPO, null, fulfilment);
  }

  private static Instant minute(int n) {
    return AT.plus(Duration.ofMinutes(n));
  }
}
