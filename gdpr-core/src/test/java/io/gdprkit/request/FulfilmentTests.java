package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE_EMAIL;
import static io.gdprkit.request.RequestFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FulfilmentTests {

  private final List<SubjectRequest> erased = new ArrayList<>();
  private final List<SubjectRequest> exported = new ArrayList<>();
  private final AtomicBoolean diskFull = new AtomicBoolean();
  private final RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z", builder -> builder
      .requestFulfiller(RequestKind.ERASURE, request -> {
        if (diskFull.get()) {
          throw new IllegalStateException("disk full while erasing " + ALICE_EMAIL);
        }
        erased.add(request);
      })
      .requestFulfiller(RequestKind.ACCESS, exported::add));
  private final RequestService requests = fixture.requests;

  @Test
  void runsTheFulfillerOfTheKindWithTheRequestInProgress() {
    SubjectRequest inProgress = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ERASURE);

    SubjectRequest completed = requests.complete(inProgress.id(), DPO);

    assertThat(erased).singleElement().satisfies(seen -> {
      assertThat(seen.claim()).as("the claim it runs under").isNotNull();
      RequestFixture.assertNoStepRecorded(seen.unclaimed(), inProgress);
    });
    assertThat(exported).isEmpty();
    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(completed.claim()).isNull();
    assertThat(requests.find(inProgress.id())).contains(completed);
  }

  @Test
  void seesTheRequestStillInProgressInTheStoreWhileRunning() {
    List<RequestState> stored = new ArrayList<>();
    RequestFixture[] holder = new RequestFixture[1];
    holder[0] = RequestFixture.at("2026-03-02T09:00:00Z", builder -> builder.requestFulfiller(
        RequestKind.RESTRICTION, request -> stored.add(holder[0].requests.find(request.id()).orElseThrow().state())));
    SubjectRequest inProgress = holder[0].inState(RequestState.IN_PROGRESS, RequestKind.RESTRICTION);

    holder[0].requests.complete(inProgress.id(), DPO);

    assertThat(stored).containsExactly(RequestState.IN_PROGRESS);
    assertThat(holder[0].requests.find(inProgress.id()).orElseThrow().state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  void runsOnlyTheFulfillerOfTheRequestsKind() {
    SubjectRequest access = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ACCESS);

    requests.complete(access.id(), DPO);

    assertThat(exported).extracting(SubjectRequest::id).containsExactly(access.id());
    assertThat(erased).isEmpty();
  }

  @Test
  void recordsTheCompletionOfAKindWithoutAFulfiller() {
    SubjectRequest rectification = fixture.inState(RequestState.IN_PROGRESS, RequestKind.RECTIFICATION);

    SubjectRequest completed = requests.complete(rectification.id(), DPO);

    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(erased).isEmpty();
    assertThat(exported).isEmpty();
  }

  @Test
  void keepsTheRequestInProgressWhenTheFulfillerFails() {
    SubjectRequest inProgress = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ERASURE);
    diskFull.set(true);

    Throwable thrown = catchThrowable(() -> requests.complete(inProgress.id(), DPO));

    assertThat(thrown).isInstanceOfSatisfying(RequestFulfilmentException.class, e -> {
      assertThat(e.requestId()).isEqualTo(inProgress.id());
      assertThat(e.kind()).isEqualTo(RequestKind.ERASURE);
      assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("disk full");
      assertThat(e.getMessage()).contains(inProgress.id().toString(), "IN_PROGRESS", "IllegalStateException")
          .doesNotContain(ALICE_EMAIL);
    });
    RequestFixture.assertNoStepRecorded(requests.find(inProgress.id()).orElseThrow(), inProgress);
    assertThat(erased).isEmpty();
  }

  @Test
  void completesOnceTheCauseOfAFailureIsFixed() {
    SubjectRequest inProgress = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ERASURE);
    diskFull.set(true);
    catchThrowable(() -> requests.complete(inProgress.id(), DPO));
    diskFull.set(false);

    SubjectRequest completed = requests.complete(inProgress.id(), DPO);

    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(completed.transitions()).hasSize(inProgress.transitions().size() + 1);
    assertThat(completed.claim()).isNull();
    assertThat(erased).extracting(SubjectRequest::id).containsExactly(inProgress.id());
  }

  @Test
  void wrapsAGdprKitExceptionOfTheFulfillerToo() {
    RequestFixture failing = RequestFixture.at("2026-03-02T09:00:00Z", builder -> builder.requestFulfiller(
        RequestKind.OBJECTION, request -> {
          throw InvalidInputException.of("purpose", "is not declared");
        }));
    SubjectRequest inProgress = failing.inState(RequestState.IN_PROGRESS, RequestKind.OBJECTION);

    Throwable thrown = catchThrowable(() -> failing.requests.complete(inProgress.id(), DPO));

    assertThat(thrown).isInstanceOf(RequestFulfilmentException.class).hasCauseInstanceOf(InvalidInputException.class);
    RequestFixture.assertNoStepRecorded(failing.requests.find(inProgress.id()).orElseThrow(), inProgress);
  }

  @Test
  void neverRunsTheFulfillerForARequestThatIsNotInProgress() {
    SubjectRequest verified = fixture.inState(RequestState.IDENTITY_VERIFIED, RequestKind.ERASURE);

    Throwable thrown = catchThrowable(() -> requests.complete(verified.id(), DPO));

    assertThat(thrown).isInstanceOf(IllegalRequestTransitionException.class);
    assertThat(erased).isEmpty();
  }
}
