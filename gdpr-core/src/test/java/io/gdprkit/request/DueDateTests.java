package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.InvalidInputException;
import io.gdprkit.request.IllegalRequestTransitionException.Reason;
import io.gdprkit.subject.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DueDateTests {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String REASON = "Forty requests arrived after the newsletter incident.";

  @Nested
  class OneMonthFromReceipt {

    @ParameterizedTest(name = "received {0}, due {1}")
    @CsvSource({
        "2026-01-15T10:00:00Z, 2026-02-15",
        "2026-01-31T10:00:00Z, 2026-02-28",
        "2028-01-31T10:00:00Z, 2028-02-29",
        "2028-02-29T10:00:00Z, 2028-03-29",
        "2026-03-31T10:00:00Z, 2026-04-30",
        "2026-12-31T23:59:59Z, 2027-01-31",
        "2026-02-28T00:00:00Z, 2026-03-28"})
    void isDueOnTheSameDateNextMonthOrTheLastDayOfAShorterMonth(String receivedAt, String dueDate) {
      Instant received = Instant.parse(receivedAt);

      Instant dueAt = DueDates.dueAt(received, ZoneOffset.UTC);

      assertThat(DueDates.dueDate(received, ZoneOffset.UTC)).isEqualTo(LocalDate.parse(dueDate));
      assertThat(dueAt).isEqualTo(LocalDate.parse(dueDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      assertThat(DueDates.dueDateOf(dueAt, ZoneOffset.UTC)).isEqualTo(LocalDate.parse(dueDate));
    }

    @Test
    void endsAtTheEndOfTheDueDate() {
      RequestFixture fixture = RequestFixture.at("2026-01-31T10:00:00Z");

      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
      assertThat(request.isOverdueAt(Instant.parse("2026-02-28T23:59:59.999999999Z"))).isFalse();
      assertThat(request.isOverdueAt(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
    }

    @Test
    void countsFromTheLocalDateOfALateEveningReceiptWestOfUtc() {
      // 23:30 on 31 January in New York is already 1 February in UTC.
      RequestFixture fixture = RequestFixture.at("2026-02-01T04:30:00Z", builder -> builder.requestZone(NEW_YORK));

      SubjectRequest request = fixture.receive(RequestKind.ERASURE);

      assertThat(DueDates.dueDateOf(request.dueAt(), NEW_YORK)).isEqualTo(LocalDate.parse("2026-02-28"));
      assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
      assertThat(DueDates.dueAt(request.receivedAt(), ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void countsFromTheLocalDateOfALateEveningReceiptEastOfUtc() {
      // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin (summer time).
      RequestFixture fixture = RequestFixture.at("2026-03-31T22:30:00Z", builder -> builder.requestZone(BERLIN));

      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      assertThat(DueDates.dueDateOf(request.dueAt(), BERLIN)).isEqualTo(LocalDate.parse("2026-05-01"));
      assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-05-01T22:00:00Z"));
    }

    @Test
    void endsAtLocalMidnightAcrossAChangeToSummerTime() {
      // Received in winter time (UTC+1), due in summer time (UTC+2).
      RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z", builder -> builder.requestZone(BERLIN));

      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-04-02T22:00:00Z"));
    }
  }

  @Nested
  class Extension {

    private final RequestFixture fixture = RequestFixture.at("2026-01-31T10:00:00Z");
    private final RequestService requests = fixture.requests;

    @Test
    void addsTwoMonthsToTheOriginalDueDate() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      fixture.clock.advance(Duration.ofDays(10));

      SubjectRequest extended = requests.extend(request.id(), 2, REASON, DPO);

      assertThat(extended.dueAt()).isEqualTo(request.dueAt());
      assertThat(extended.deadline()).isEqualTo(Instant.parse("2026-04-29T00:00:00Z"));
      assertThat(extended.extension()).isEqualTo(
          new SubjectRequest.Extension(Instant.parse("2026-04-29T00:00:00Z"), REASON, fixture.clock.instant()));
      assertThat(extended.state()).isEqualTo(RequestState.RECEIVED);
      assertThat(extended.transitions().get(1)).returns(RequestState.RECEIVED, RequestTransition::from)
          .returns(RequestState.RECEIVED, RequestTransition::to)
          .returns(fixture.clock.instant(), RequestTransition::at)
          .returns(DPO, RequestTransition::by)
          .satisfies(t -> assertThat(t.note()).contains(REASON, "2026-04-29"));
      assertThat(requests.find(request.id())).contains(extended);
    }

    @Test
    void addsOneMonthToTheOriginalDueDate() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      SubjectRequest extended = requests.extend(request.id(), 1, REASON, DPO);

      assertThat(DueDates.dueDateOf(extended.deadline(), ZoneOffset.UTC)).isEqualTo(LocalDate.parse("2026-03-28"));
    }

    @Test
    void countsTheExtensionInTheRequestZone() {
      RequestFixture berlin = RequestFixture.at("2026-01-31T10:00:00Z", builder -> builder.requestZone(BERLIN));
      SubjectRequest request = berlin.receive(RequestKind.ACCESS);

      SubjectRequest extended = berlin.requests.extend(request.id(), 2, REASON, DPO);

      assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
      assertThat(extended.deadline()).isEqualTo(Instant.parse("2026-04-28T22:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 12})
    void allowsOnlyOneOrTwoMonths(int months) {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      Throwable thrown = catchThrowable(() -> requests.extend(request.id(), months, REASON, DPO));

      assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("months"));
      assertThat(requests.find(request.id())).contains(request);
    }

    @Test
    void needsAReason() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      Throwable blank = catchThrowable(() -> requests.extend(request.id(), 2, " ", DPO));
      Throwable missing = catchThrowable(() -> requests.extend(request.id(), 2, null, DPO));

      assertThat(blank).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("extension reason"));
      assertThat(missing).isInstanceOf(NullPointerException.class);
      assertThat(requests.find(request.id())).contains(request);
    }

    @Test
    void isAllowedOnce() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      SubjectRequest extended = requests.extend(request.id(), 1, REASON, DPO);

      Throwable thrown = catchThrowable(() -> requests.extend(request.id(), 1, "Still busy.", DPO));

      assertThat(thrown).isInstanceOfSatisfying(IllegalRequestTransitionException.class, e -> {
        assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXTENDED);
        assertThat(e.action()).isEqualTo(IllegalRequestTransitionException.Action.EXTEND);
      });
      assertThat(requests.find(request.id())).contains(extended);
    }

    @Test
    void isAllowedUntilJustBeforeTheFirstDeadline() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      fixture.clock.advance(Duration.between(fixture.clock.instant(), request.dueAt()).minusNanos(1));

      SubjectRequest extended = requests.extend(request.id(), 2, REASON, DPO);

      assertThat(extended.extension()).isNotNull();
    }

    @Test
    void isRefusedOnceTheFirstDeadlineHasPassed() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);
      fixture.clock.advance(Duration.between(fixture.clock.instant(), request.dueAt()));

      Throwable atDeadline = catchThrowable(() -> requests.extend(request.id(), 2, REASON, DPO));
      fixture.clock.advance(Duration.ofDays(3));
      Throwable after = catchThrowable(() -> requests.extend(request.id(), 1, REASON, DPO));

      assertThat(atDeadline).isInstanceOfSatisfying(IllegalRequestTransitionException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.FIRST_DEADLINE_PASSED));
      assertThat(after).isInstanceOfSatisfying(IllegalRequestTransitionException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.FIRST_DEADLINE_PASSED));
      assertThat(requests.find(request.id())).contains(request);
    }

    @Test
    void keepsTheExtensionThroughLaterSteps() {
      SubjectRequest request = fixture.receive(RequestKind.RESTRICTION);
      SubjectRequest extended = requests.extend(request.id(), 2, REASON, Actor.staff("dpo-2"));

      requests.reject(request.id(), "Not the subject.", DPO);

      assertThat(requests.find(request.id()).orElseThrow().extension()).isEqualTo(extended.extension());
    }
  }

  @Test
  void refusesExtensionsOutsideOneToTwoMonthsWhenComputing() {
    Instant dueAt = DueDates.dueAt(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);

    Throwable none = catchThrowable(() -> DueDates.extendedDueAt(dueAt, ZoneOffset.UTC, 0));
    Throwable three = catchThrowable(() -> DueDates.extendedDueAt(dueAt, ZoneOffset.UTC, 3));

    assertThat(none).isInstanceOf(InvalidInputException.class);
    assertThat(three).isInstanceOf(InvalidInputException.class);
    assertThat(DueDates.extendedDueAt(dueAt, ZoneOffset.UTC, 2)).isEqualTo(Instant.parse("2026-04-29T00:00:00Z"));
  }
}
