package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.DPO;
import static io.gdprkit.request.RequestFixture.await;
import static io.gdprkit.request.RequestFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.GdprException;
import io.gdprkit.subject.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RequestRaceTests {

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @RepeatedTest(25)
  void letsOneOfTwoThreadsCompletingTheSameRequestWinAndGivesTheOtherATypedError() throws Exception {
    AtomicInteger fulfilled = new AtomicInteger();
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z",
        builder -> builder.requestFulfiller(RequestKind.ERASURE, request -> fulfilled.incrementAndGet()));
    SubjectRequest request = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ERASURE);

    List<Outcome> outcomes = race(() -> fixture.requests.complete(request.id(), DPO),
        () -> fixture.requests.complete(request.id(), Actor.staff("dpo-2")));

    assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.won()).singleElement().satisfies(lost -> assertThat(lost.error())
        .isInstanceOfAny(RequestConflictException.class, IllegalRequestTransitionException.class));
    assertThat(fulfilled).hasValue(1);
    SubjectRequest stored = fixture.requests.find(request.id()).orElseThrow();
    assertThat(stored.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(stored.transitions()).filteredOn(t -> t.to() == RequestState.COMPLETED).hasSize(1);
  }

  @Test
  void refusesASecondCallWhileTheFulfillerRuns() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z", builder -> builder.requestFulfiller(
        RequestKind.ERASURE, request -> {
          running.countDown();
          await(release);
        }));
    SubjectRequest request = fixture.inState(RequestState.IN_PROGRESS, RequestKind.ERASURE);
    Future<SubjectRequest> first = pool.submit(() -> fixture.requests.complete(request.id(), DPO));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    Throwable secondCompletion = catchThrowable(() -> fixture.requests.complete(request.id(), DPO));
    Throwable rejection = catchThrowable(() -> fixture.requests.reject(request.id(), "Changed our mind.", DPO));
    SubjectRequest whileRunning = fixture.requests.find(request.id()).orElseThrow();
    release.countDown();

    assertThat(secondCompletion).isInstanceOfSatisfying(RequestConflictException.class,
        e -> assertThat(e.requestId()).isEqualTo(request.id()));
    assertThat(rejection).isInstanceOf(RequestConflictException.class);
    assertThat(whileRunning.claim()).as("the completion's claim").isNotNull();
    RequestFixture.assertNoStepRecorded(whileRunning.unclaimed(), request);
    assertThat(first.get(10, TimeUnit.SECONDS).state()).isEqualTo(RequestState.COMPLETED);
    assertThat(fixture.requests.find(request.id()).orElseThrow().rejection()).isNull();
  }

  @RepeatedTest(10)
  void letsOneOfTwoRacingExtensionsWin() throws Exception {
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
    SubjectRequest request = fixture.receive(RequestKind.ACCESS);

    List<Outcome> outcomes = race(() -> fixture.requests.extend(request.id(), 1, "Busy season.", DPO),
        () -> fixture.requests.extend(request.id(), 2, "Complex request.", Actor.staff("dpo-2")));

    assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.won()).singleElement().satisfies(lost -> assertThat(lost.error())
        .isInstanceOfAny(RequestConflictException.class, IllegalRequestTransitionException.class));
    assertThat(fixture.requests.find(request.id()).orElseThrow().version()).isEqualTo(2);
  }

  @RepeatedTest(10)
  void letsOneOfTwoRacingVerificationsWin() throws Exception {
    RequestFixture fixture = RequestFixture.at("2026-03-02T09:00:00Z");
    SubjectRequest request = fixture.receive(RequestKind.ACCESS);
    fixture.requests.startVerification(request.id());
    String token = tokenOf(fixture.lastMail());

    List<Outcome> outcomes = race(() -> fixture.requests.verify(request.id(), token),
        () -> fixture.requests.verify(request.id(), token));

    assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.won()).singleElement()
        .satisfies(lost -> assertThat(lost.error()).isInstanceOf(GdprException.class));
    assertThat(fixture.requests.find(request.id()).orElseThrow().transitions())
        .filteredOn(t -> t.to() == RequestState.IDENTITY_VERIFIED).hasSize(1);
  }

  private record Outcome(boolean won, Throwable error) {}

  /** Runs both calls at once; returns what each did. */
  private List<Outcome> race(Callable<SubjectRequest> one, Callable<SubjectRequest> other) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (Callable<SubjectRequest> call : List.of(one, other)) {
      futures.add(pool.submit(() -> {
        start.await();
        try {
          call.call();
          return new Outcome(true, new AssertionError("no error"));
        } catch (RuntimeException e) {
          return new Outcome(false, e);
        }
      }));
    }
    start.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      outcomes.add(future.get(10, TimeUnit.SECONDS));
    }
    return outcomes;
  }
}
