package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE;
import static io.gdprkit.request.RequestFixture.DPO;
import static io.gdprkit.request.RequestFixture.NOBODY;
import static io.gdprkit.request.RequestFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.request.IllegalRequestTransitionException.Action;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLifecycleTests {

  private static final String REASON = "The request repeats one answered last week.";
  private static final Actor SECOND_DPO = Actor.staff("dpo-2");

  /** The states in which each step is allowed. */
  private static final Map<Action, Set<RequestState>> LEGAL = Map.of(
      Action.START_VERIFICATION, EnumSet.of(RequestState.RECEIVED),
      Action.VERIFY, EnumSet.of(RequestState.RECEIVED),
      Action.START, EnumSet.of(RequestState.IDENTITY_VERIFIED),
      Action.COMPLETE, EnumSet.of(RequestState.IN_PROGRESS),
      Action.REJECT, EnumSet.of(RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS),
      Action.EXTEND, EnumSet.of(RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS));

  private final RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
  private final RequestService requests = fixture.requests;

  @Test
  void recordsEveryStepOfTheHappyPathWithItsTimeAndActor() {
    Instant received = fixture.clock.instant();
    SubjectRequest request = fixture.receive(RequestKind.ACCESS);
    fixture.clock.advance(Duration.ofMinutes(1));
    Instant mailed = fixture.clock.instant();
    requests.startVerification(request.id());
    fixture.clock.advance(Duration.ofHours(2));
    Instant verified = fixture.clock.instant();
    requests.verify(request.id(), tokenOf(fixture.lastMail()));
    fixture.clock.advance(Duration.ofDays(1));
    Instant started = fixture.clock.instant();
    requests.start(request.id(), DPO);
    fixture.clock.advance(Duration.ofDays(3));
    Instant completed = fixture.clock.instant();

    SubjectRequest done = requests.complete(request.id(), SECOND_DPO);

    assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
    // Five steps, and the claim under which the verification mail was sent, a version of its own.
    assertThat(done.version()).isEqualTo(6);
    assertThat(done.claim()).isNull();
    assertThat(done.transitions()).extracting(RequestTransition::from, RequestTransition::to, RequestTransition::at,
        RequestTransition::by, RequestTransition::note).containsExactly(
        tuple(null, RequestState.RECEIVED, received, Actor.subject(), null),
        tuple(RequestState.RECEIVED, RequestState.RECEIVED, mailed, Actor.system("gdpr-kit"),
            "identity verification started"),
        tuple(RequestState.RECEIVED, RequestState.IDENTITY_VERIFIED, verified, Actor.subject(), null),
        tuple(RequestState.IDENTITY_VERIFIED, RequestState.IN_PROGRESS, started, DPO, null),
        tuple(RequestState.IN_PROGRESS, RequestState.COMPLETED, completed, SECOND_DPO, null));
    assertThat(requests.find(request.id())).contains(done);
  }

  @Test
  void receivesARequestWithItsKindSubjectActorAndDeadline() {
    Actor clerk = Actor.staff("clerk-7");

    SubjectRequest request = requests.receive(ALICE, RequestKind.RECTIFICATION, clerk);

    assertThat(request.subject()).isEqualTo(ALICE);
    assertThat(request.kind()).isEqualTo(RequestKind.RECTIFICATION);
    assertThat(request.state()).isEqualTo(RequestState.RECEIVED);
    assertThat(request.receivedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-04-03T00:00:00Z"));
    assertThat(request.extension()).isNull();
    assertThat(request.rejection()).isNull();
    assertThat(request.transitions()).singleElement().returns(clerk, RequestTransition::by);
    assertThat(requests.find(request.id())).contains(request);
  }

  @Test
  void listsASubjectsRequestsOldestFirstAndNoOneElses() {
    SubjectRequest first = fixture.receive(RequestKind.ACCESS);
    fixture.clock.advance(Duration.ofSeconds(1));
    requests.receive(NOBODY, RequestKind.ERASURE, Actor.subject());
    SubjectRequest second = fixture.receive(RequestKind.OBJECTION);

    assertThat(requests.forSubject(ALICE)).extracting(SubjectRequest::id).containsExactly(first.id(), second.id());
    assertThat(requests.forSubject(SubjectId.of("contact-1"))).isEmpty();
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("legalSteps")
  void takesEveryLegalStep(RequestState state, Action action) {
    Prepared prepared = prepare(state);
    fixture.clock.advance(Duration.ofMinutes(5));

    perform(action, prepared.request().id(), prepared.token());

    SubjectRequest after = requests.find(prepared.request().id()).orElseThrow();
    RequestState expected = switch (action) {
      case START_VERIFICATION, EXTEND -> state;
      case VERIFY -> RequestState.IDENTITY_VERIFIED;
      case START -> RequestState.IN_PROGRESS;
      case COMPLETE -> RequestState.COMPLETED;
      case REJECT -> RequestState.REJECTED;
    };
    assertThat(after.state()).isEqualTo(expected);
    assertThat(after.transitions()).hasSize(prepared.request().transitions().size() + 1);
    assertThat(after.version()).isGreaterThan(prepared.request().version());
    assertThat(after.claim()).isNull();
    assertThat(after.transitions().get(after.transitions().size() - 1))
        .returns(state, RequestTransition::from)
        .returns(expected, RequestTransition::to)
        .returns(fixture.clock.instant(), RequestTransition::at);
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("illegalSteps")
  void refusesEveryIllegalStepAndWritesNothing(RequestState state, Action action) {
    Prepared prepared = prepare(state);
    int mailsBefore = fixture.mailer.sent().size();

    Throwable thrown = catchThrowable(() -> perform(action, prepared.request().id(), prepared.token()));

    if (action == Action.VERIFY && state != RequestState.REJECTED) {
      // Verified before: the link was clicked twice.
      assertThat(thrown).isInstanceOfSatisfying(InvalidTokenException.class,
          e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.ALREADY_USED));
    } else {
      assertThat(thrown).isInstanceOfSatisfying(IllegalRequestTransitionException.class, e -> {
        assertThat(e.requestId()).isEqualTo(prepared.request().id());
        assertThat(e.state()).isEqualTo(state);
        assertThat(e.action()).isEqualTo(action);
        assertThat(e.reason()).isEqualTo(IllegalRequestTransitionException.Reason.WRONG_STATE);
        assertThat(e.getMessage()).contains(prepared.request().id().toString(), state.name());
      });
    }
    assertThat(requests.find(prepared.request().id())).contains(prepared.request());
    assertThat(fixture.mailer.sent()).hasSize(mailsBefore);
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void refusesEveryStepOnAnUnknownRequest(Action action) {
    RequestId unknown = RequestId.random();

    Throwable thrown = catchThrowable(() -> perform(action, unknown, "dsar1.k2026.AAAA.AAAA"));

    assertThat(thrown).isInstanceOfSatisfying(UnknownRequestException.class,
        e -> assertThat(e.requestId()).isEqualTo(unknown));
    assertThat(requests.find(unknown)).isEmpty();
    assertThat(fixture.mailer.sent()).isEmpty();
  }

  @Nested
  class Rejection {

    @Test
    void keepsTheReasonAndWhoRejected() {
      SubjectRequest request = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ERASURE);
      fixture.clock.advance(Duration.ofDays(2));

      requests.reject(request.id(), REASON, SECOND_DPO);

      SubjectRequest rejected = requests.find(request.id()).orElseThrow();
      assertThat(rejected.rejection()).isEqualTo(new SubjectRequest.Rejection(REASON, fixture.clock.instant()));
      assertThat(rejected.transitions().get(rejected.transitions().size() - 1)).isEqualTo(new RequestTransition(
          RequestState.IN_PROGRESS, RequestState.REJECTED, fixture.clock.instant(), SECOND_DPO, REASON,
          rejected.rejection()));
    }

    @Test
    void needsAReasonAndWritesNothingWithoutOne() {
      SubjectRequest request = fixture.receive(RequestKind.ACCESS);

      Throwable blank = catchThrowable(() -> requests.reject(request.id(), "  ", DPO));
      Throwable empty = catchThrowable(() -> requests.reject(request.id(), "", DPO));
      Throwable missing = catchThrowable(() -> requests.reject(request.id(), null, DPO));
      Throwable tooLong = catchThrowable(() -> requests.reject(request.id(), "x".repeat(2001), DPO));

      assertThat(blank).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.field()).isEqualTo("rejection reason"));
      assertThat(empty).isInstanceOf(InvalidInputException.class);
      assertThat(missing).isInstanceOf(NullPointerException.class).hasMessageContaining("rejection reason");
      assertThat(tooLong).isInstanceOf(InvalidInputException.class).hasMessageContaining("2000");
      assertThat(requests.find(request.id())).contains(request);
    }

    @Test
    void checksTheReasonBeforeLookingTheRequestUp() {
      Throwable thrown = catchThrowable(() -> requests.reject(RequestId.random(), " ", DPO));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
    }
  }

  static Stream<Arguments> legalSteps() {
    return steps(true);
  }

  static Stream<Arguments> illegalSteps() {
    return steps(false);
  }

  private static Stream<Arguments> steps(boolean legal) {
    return Arrays.stream(RequestState.values()).flatMap(state -> Arrays.stream(Action.values())
        .filter(action -> LEGAL.get(action).contains(state) == legal)
        .map(action -> Arguments.of(state, action)));
  }

  /** A request of Alice's in a state, with a token that verifies it (or did, before it was used). */
  private record Prepared(SubjectRequest request, String token) {}

  private Prepared prepare(RequestState state) {
    SubjectRequest request = fixture.receive(RequestKind.ERASURE);
    requests.startVerification(request.id());
    String token = tokenOf(fixture.lastMail());
    RequestId id = request.id();
    switch (state) {
      case RECEIVED -> { }
      case IDENTITY_VERIFIED -> requests.verify(id, token);
      case IN_PROGRESS -> requests.start(requests.verify(id, token).id(), DPO);
      case COMPLETED -> requests.complete(requests.start(requests.verify(id, token).id(), DPO).id(), DPO);
      case REJECTED -> requests.reject(id, REASON, DPO);
    }
    SubjectRequest prepared = requests.find(id).orElseThrow();
    assertThat(prepared.state()).isEqualTo(state);
    return new Prepared(prepared, token);
  }

  private void perform(Action action, RequestId id, String token) {
    switch (action) {
      case START_VERIFICATION -> requests.startVerification(id);
      case VERIFY -> requests.verify(id, token);
      case START -> requests.start(id, DPO);
      case COMPLETE -> requests.complete(id, DPO);
      case REJECT -> requests.reject(id, REASON, DPO);
      case EXTEND -> requests.extend(id, 1, REASON, DPO);
    }
  }
}
