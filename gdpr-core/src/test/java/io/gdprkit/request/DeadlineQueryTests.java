package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.InvalidInputException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeadlineQueryTests {

  private final RequestFixture fixture = RequestFixture.at("2026-01-05T09:00:00Z");
  private final RequestService requests = fixture.requests;

  @Test
  void listsOpenRequestsPastTheirDeadlineEarliestFirst() {
    SubjectRequest first = fixture.receive(RequestKind.ACCESS);           // due 2026-02-05
    fixture.clock.advance(Duration.ofDays(10));
    SubjectRequest second = fixture.receive(RequestKind.ERASURE);         // due 2026-02-15
    fixture.clock.advance(Duration.ofDays(10));
    SubjectRequest notYetDue = fixture.receive(RequestKind.OBJECTION);    // due 2026-02-25
    fixture.clock.advance(Duration.ofDays(30));                           // now 2026-02-24

    List<SubjectRequest> overdue = requests.overdue().toList();

    assertThat(overdue).extracting(SubjectRequest::id).containsExactly(first.id(), second.id());
    assertThat(overdue).noneMatch(r -> r.id().equals(notYetDue.id()));
  }

  @Test
  void countsARequestOverdueFromTheEndOfItsDueDate() {
    SubjectRequest request = fixture.receive(RequestKind.ACCESS);
    fixture.clock.advance(Duration.between(fixture.clock.instant(), request.dueAt()).minusNanos(1));
    List<SubjectRequest> justBefore = requests.overdue().toList();

    fixture.clock.advance(Duration.ofNanos(1));
    List<SubjectRequest> atTheDeadline = requests.overdue().toList();

    assertThat(justBefore).isEmpty();
    assertThat(atTheDeadline).extracting(SubjectRequest::id).containsExactly(request.id());
  }

  @Test
  void leavesOutCompletedAndRejectedRequests() {
    SubjectRequest open = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ACCESS);
    SubjectRequest completed = fixture.inState(RequestState.COMPLETED, RequestKind.ACCESS);
    SubjectRequest rejected = fixture.inState(RequestState.REJECTED, RequestKind.ACCESS);
    fixture.clock.advance(Duration.ofDays(60));

    List<SubjectRequest> overdue = requests.overdue().toList();
    List<SubjectRequest> dueSoon = requests.dueWithin(Duration.ofDays(365)).toList();

    assertThat(overdue).extracting(SubjectRequest::id).containsExactly(open.id());
    assertThat(dueSoon).extracting(SubjectRequest::id).containsExactly(open.id());
    assertThat(requests.find(completed.id()).orElseThrow().isOverdueAt(fixture.clock.instant())).isFalse();
    assertThat(requests.find(rejected.id()).orElseThrow().isOverdueAt(fixture.clock.instant())).isFalse();
  }

  @Test
  void judgesAnExtendedRequestByItsNewDeadline() {
    SubjectRequest extended = fixture.receive(RequestKind.ACCESS);     // due 2026-02-05, extended to 2026-04-05
    SubjectRequest plain = fixture.receive(RequestKind.ERASURE);       // due 2026-02-05
    requests.extend(extended.id(), 2, "Complex request spanning five systems.", DPO);
    fixture.clock.advance(Duration.ofDays(45));                        // now 2026-02-19

    List<SubjectRequest> overdue = requests.overdue().toList();
    List<SubjectRequest> within60Days = requests.dueWithin(Duration.ofDays(60)).toList();

    assertThat(overdue).extracting(SubjectRequest::id).containsExactly(plain.id());
    assertThat(within60Days).extracting(SubjectRequest::id).containsExactly(plain.id(), extended.id());
  }

  @Test
  void listsRequestsDueWithinAWindowWithTheOverdueOnesFirst() {
    SubjectRequest overdue = fixture.receive(RequestKind.ACCESS);       // deadline 2026-02-06T00:00Z
    fixture.clock.advance(Duration.ofDays(20));
    SubjectRequest dueIn5 = fixture.receive(RequestKind.ACCESS);        // deadline 2026-02-26T00:00Z
    fixture.clock.advance(Duration.ofDays(3));
    SubjectRequest dueIn8 = fixture.receive(RequestKind.ACCESS);        // deadline 2026-03-01T00:00Z
    fixture.clock.advance(Duration.ofDays(4));
    SubjectRequest dueIn9 = fixture.receive(RequestKind.ACCESS);        // deadline 2026-03-02T00:00Z
    fixture.clock.advance(Duration.ofDays(19).plusHours(15));
    assertThat(fixture.clock.instant()).isEqualTo(Instant.parse("2026-02-21T00:00:00Z"));

    List<SubjectRequest> within7Days = requests.dueWithin(Duration.ofDays(7)).toList();
    List<SubjectRequest> within9Days = requests.dueWithin(Duration.ofDays(9)).toList();
    List<SubjectRequest> nothingAhead = requests.dueWithin(Duration.ZERO).toList();

    assertThat(within7Days).extracting(SubjectRequest::id).containsExactly(overdue.id(), dueIn5.id());
    assertThat(within9Days).extracting(SubjectRequest::id)
        .containsExactly(overdue.id(), dueIn5.id(), dueIn8.id(), dueIn9.id());
    assertThat(nothingAhead).extracting(SubjectRequest::id).containsExactly(overdue.id());
  }

  @Test
  void readsEveryOverdueRequestOnceAcrossManyPages() {
    // Three receipts a day: ties on the deadline, broken by id, across page boundaries.
    List<SubjectRequest> received = IntStream.range(0, 250).mapToObj(i -> {
      fixture.clock.advance(Duration.ofHours(8));
      return requests.receive(SubjectId.of("subject-" + i), RequestKind.ACCESS, Actor.subject());
    }).toList();
    fixture.clock.advance(Duration.ofDays(40));
    List<RequestId> expected = received.stream()
        .sorted(Comparator.comparing(SubjectRequest::deadline).thenComparing(SubjectRequest::id))
        .map(SubjectRequest::id).toList();

    List<RequestId> overdue = requests.overdue().map(SubjectRequest::id).toList();

    assertThat(overdue).containsExactlyElementsOf(expected);
    assertThat(expected).doesNotHaveDuplicates().hasSize(250);
  }

  @Test
  void refusesANegativeWindow() {
    Throwable thrown = catchThrowable(() -> requests.dueWithin(Duration.ofDays(-1)));

    assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo("window"));
  }

  @Test
  void findsNothingWhenNothingIsDue() {
    fixture.receive(RequestKind.ACCESS);

    assertThat(requests.overdue()).isEmpty();
    assertThat(requests.dueWithin(Duration.ofDays(30))).isEmpty();
    assertThat(requests.dueWithin(Duration.ofDays(32))).hasSize(1);
    assertThat(fixture.clock.instant()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
  }
}
