package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE;
import static io.gdprkit.request.RequestFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RejectionNoticeTests {

  private static final String REASON = "We could not confirm that the request comes from you.";

  @Test
  void tellsTheSubjectWhatWasRefusedWhyAndWhereToComplain() {
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
    SubjectRequest request = fixture.receive(RequestKind.ERASURE);
    fixture.clock.advance(Duration.ofDays(9));

    RejectionNotice notice = fixture.requests.reject(request.id(), REASON, DPO);

    assertThat(notice.requestId()).isEqualTo(request.id());
    assertThat(notice.kind()).isEqualTo(RequestKind.ERASURE);
    assertThat(notice.reason()).isEqualTo(REASON);
    assertThat(notice.date()).isEqualTo(LocalDate.parse("2026-03-11"));
    assertThat(notice.text())
        .contains("On 2026-03-02 you asked us to erase your personal data (Art. 17 GDPR")
        .contains("our reference: " + request.id())
        .contains("On 2026-03-11 we decided not to act on your request")
        .contains(REASON)
        .contains("lodge a complaint with a supervisory authority")
        .contains("judicial remedy (Art. 12(4) GDPR)")
        .doesNotContain(ALICE.value());
  }

  @Test
  void givesTheDatesInTheRequestZone() {
    // Received 23:30 on 1 March and rejected 00:30 on 1 April, Berlin time.
    RequestFixture fixture = RequestFixture.at("2026-03-01T22:30:00Z",
        builder -> builder.requestZone(ZoneId.of("Europe/Berlin")));
    SubjectRequest request = fixture.receive(RequestKind.OBJECTION);
    fixture.clock.advance(Duration.ofDays(30));

    RejectionNotice notice = fixture.requests.reject(request.id(), REASON, DPO);

    assertThat(notice.date()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(notice.text()).contains("On 2026-03-01 you asked us to object to the processing");
  }

  @Test
  void canBeWrittenAgainFromTheStoredRequest() {
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
    SubjectRequest request = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ACCESS);
    RejectionNotice notice = fixture.requests.reject(request.id(), REASON, DPO);

    RejectionNotice again = RejectionNotice.of(fixture.requests.find(request.id()).orElseThrow(), ZoneOffset.UTC);

    assertThat(again).isEqualTo(notice);
  }

  @Test
  void isOnlyWrittenForARejectedRequest() {
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
    SubjectRequest request = fixture.receive(RequestKind.ACCESS);

    Throwable thrown = catchThrowable(() -> RejectionNotice.of(request, ZoneOffset.UTC));

    assertThat(thrown).isInstanceOf(InvalidInputException.class).hasMessageContaining("must be rejected");
  }

  @Test
  void leavesTheReasonOutOfItsDescription() {
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
    SubjectRequest request = fixture.receive(RequestKind.ACCESS);

    RejectionNotice notice = fixture.requests.reject(request.id(), REASON, DPO);

    assertThat(notice.toString()).contains(request.id().toString()).doesNotContain(REASON);
  }
}
