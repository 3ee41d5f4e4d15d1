package io.gdprkit.request;

import static io.gdprkit.request.RequestFixture.ALICE;
import static io.gdprkit.request.RequestFixture.DPO;
import static io.gdprkit.request.RequestFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.subject.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9: a request's verifier and fulfiller run under a claim held in the request store, not under a JVM-local lock,
 * so kit instances that share the store never run a fulfiller (Art. 12(3): the action taken on the request) twice at
 * once, and a claim whose holder died is taken over once its lease ran out.
 */
@Timeout(30)
class RequestClaimTests {

  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Actor SECOND_DPO = Actor.staff("dpo-2");

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final RequestStore shared = RequestStore.inMemory();
  private final KeyRing keys = KeyRing.generate();
  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  /** Every run of an erasure fulfiller, on either instance, by instance id. */
  private final List<String> fulfilled = new ArrayList<>();

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  @DisplayName("Art. 12(3): of two instances completing one request, the fulfiller runs once; the second gets busy")
  void runsTheFulfillerOnceAcrossTwoInstances() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GdprKit nodeA = kit("node-a", request -> {
      running.countDown();
      await(release);
    });
    GdprKit nodeB = kit("node-b", request -> { });
    SubjectRequest request = inProgress(nodeA);
    Instant claimedAt = clock.instant();
    Future<SubjectRequest> first = pool.submit(() -> nodeA.requests().complete(request.id(), DPO));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    Throwable second = catchThrowable(() -> nodeB.requests().complete(request.id(), SECOND_DPO));
    Throwable rejection = catchThrowable(() -> nodeB.requests().reject(request.id(), "Changed our mind.", SECOND_DPO));
    SubjectRequest whileRunning = shared.find(request.id()).orElseThrow();
    release.countDown();
    SubjectRequest completed = first.get(10, TimeUnit.SECONDS);

    assertThat(second).isInstanceOfSatisfying(RequestConflictException.class, e -> {
      assertThat(e.requestId()).isEqualTo(request.id());
      assertThat(e).hasMessageContaining("another call is changing this request");
    });
    assertThat(rejection).isInstanceOf(RequestConflictException.class);
    assertThat(whileRunning.claim()).isEqualTo(new SubjectRequest.Claim("node-a", claimedAt.plus(LEASE)));
    assertThat(whileRunning.transitions()).isEqualTo(request.transitions());
    assertThat(fulfilled).containsExactly("node-a");
    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(completed.claim()).isNull();
    assertThat(completed.transitions()).filteredOn(t -> t.to() == RequestState.COMPLETED).singleElement()
        .returns(DPO, RequestTransition::by);
    assertThat(shared.find(request.id())).contains(completed);
  }

  @RepeatedTest(20)
  @DisplayName("Art. 12(3): two instances racing to complete one request record one completion and fulfil it once")
  void letsOneOfTwoRacingInstancesFulfil() throws Exception {
    GdprKit nodeA = kit("node-a", request -> { });
    GdprKit nodeB = kit("node-b", request -> { });
    SubjectRequest request = inProgress(nodeA);
    CountDownLatch start = new CountDownLatch(1);

    List<Future<SubjectRequest>> calls = new ArrayList<>();
    for (GdprKit node : List.of(nodeA, nodeB)) {
      calls.add(pool.submit(() -> {
        start.await();
        return node.requests().complete(request.id(), DPO);
      }));
    }
    start.countDown();
    List<Throwable> errors = new ArrayList<>();
    for (Future<SubjectRequest> call : calls) {
      try {
        call.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        errors.add(e.getCause());
      }
    }

    assertThat(fulfilled).hasSize(1);
    assertThat(errors).singleElement().isInstanceOfAny(RequestConflictException.class,
        IllegalRequestTransitionException.class);
    SubjectRequest stored = shared.find(request.id()).orElseThrow();
    assertThat(stored.claim()).isNull();
    assertThat(stored.transitions()).filteredOn(t -> t.to() == RequestState.COMPLETED).hasSize(1);
  }

  @Test
  @DisplayName("Art. 12(3): a claim left by an instance that died is refused while its lease runs and taken over once"
      + " it ran out")
  void takesOverTheClaimOfADeadInstanceOnceItsLeaseRanOut() {
    GdprKit nodeB = kit("node-b", request -> { });
    SubjectRequest request = inProgress(nodeB);
    // node-a claimed the request for its fulfiller, then its JVM died: the claim stays in the store.
    shared.update(request.claimed(new SubjectRequest.Claim("node-a", clock.instant().plus(LEASE))));
    clock.advance(LEASE.minusSeconds(1));

    Throwable whileLeased = catchThrowable(() -> nodeB.requests().complete(request.id(), DPO));
    clock.advance(Duration.ofSeconds(1));
    SubjectRequest completed = nodeB.requests().complete(request.id(), DPO);

    assertThat(whileLeased).isInstanceOf(RequestConflictException.class);
    assertThat(fulfilled).containsExactly("node-b");
    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(completed.claim()).isNull();
    assertThat(shared.find(request.id())).contains(completed);
  }

  @Test
  @DisplayName("Art. 12(3): an instance whose lease ran out mid-fulfilment is taken over and records nothing;"
      + " the fulfiller ran twice (at least once)")
  void recordsOnlyTheTakeOversCompletionWhenTheFirstRunOutlivedItsLease() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch secondRunning = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    GdprKit nodeA = kit("node-a", request -> {
      firstRunning.countDown();
      await(releaseFirst);
    });
    GdprKit nodeB = kit("node-b", request -> {
      secondRunning.countDown();
      await(releaseSecond);
    });
    SubjectRequest request = inProgress(nodeA);
    Future<SubjectRequest> first = pool.submit(() -> nodeA.requests().complete(request.id(), DPO));
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    clock.advance(LEASE);
    Future<SubjectRequest> second = pool.submit(() -> nodeB.requests().complete(request.id(), SECOND_DPO));
    assertThat(secondRunning.await(10, TimeUnit.SECONDS)).isTrue();

    releaseFirst.countDown();
    Throwable firstError = catchThrowable(() -> first.get(10, TimeUnit.SECONDS));
    releaseSecond.countDown();
    SubjectRequest completed = second.get(10, TimeUnit.SECONDS);

    assertThat(firstError).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(RequestConflictException.class, e -> assertThat(e).hasMessageContaining("took"));
    assertThat(fulfilled).containsExactly("node-a", "node-b");
    assertThat(completed.transitions()).filteredOn(t -> t.to() == RequestState.COMPLETED).singleElement()
        .returns(SECOND_DPO, RequestTransition::by);
    assertThat(shared.find(request.id())).contains(completed);
  }

  @Test
  @DisplayName("Art. 12(3): a call on the same instance from inside the fulfiller gets busy, not a second run")
  void refusesAReentrantCallOnTheSameInstance() {
    AtomicReference<Throwable> reentrant = new AtomicReference<>();
    AtomicReference<GdprKit> self = new AtomicReference<>();
    GdprKit nodeA = kit("node-a", request -> reentrant.set(
        catchThrowable(() -> self.get().requests().complete(request.id(), DPO))));
    self.set(nodeA);
    SubjectRequest request = inProgress(nodeA);

    SubjectRequest completed = nodeA.requests().complete(request.id(), DPO);

    assertThat(reentrant.get()).isInstanceOfSatisfying(RequestConflictException.class,
        e -> assertThat(e.requestId()).isEqualTo(request.id()));
    assertThat(fulfilled).containsExactly("node-a");
    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  @DisplayName("Art. 12(3): a failed fulfiller clears its claim, so another instance can complete the request at once")
  void clearsTheClaimWhenTheFulfillerFails() {
    GdprKit failing = kit("node-a", request -> {
      throw new IllegalStateException("export target unreachable");
    });
    GdprKit nodeB = kit("node-b", request -> { });
    SubjectRequest request = inProgress(failing);

    Throwable failure = catchThrowable(() -> failing.requests().complete(request.id(), DPO));
    SubjectRequest afterFailure = shared.find(request.id()).orElseThrow();
    SubjectRequest completed = nodeB.requests().complete(request.id(), SECOND_DPO);

    assertThat(failure).isInstanceOf(RequestFulfilmentException.class);
    RequestFixture.assertNoStepRecorded(afterFailure, request);
    assertThat(fulfilled).containsExactly("node-a", "node-b");
    assertThat(completed.state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  @DisplayName("Art. 12(6): the verifier's begin runs under a claim too: a second instance starting verification"
      + " meanwhile gets busy")
  void runsTheVerifiersBeginOnceAcrossTwoInstances() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger begun = new AtomicInteger();
    GdprKit nodeA = kit("node-a", slowBegin(begun, running, release));
    GdprKit nodeB = kit("node-b", slowBegin(begun, new CountDownLatch(1), new CountDownLatch(0)));
    SubjectRequest request = nodeA.requests().receive(ALICE, RequestKind.ACCESS, Actor.subject());
    Future<SubjectRequest> first = pool.submit(() -> nodeA.requests().startVerification(request.id()));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    Throwable second = catchThrowable(() -> nodeB.requests().startVerification(request.id()));
    release.countDown();
    SubjectRequest started = first.get(10, TimeUnit.SECONDS);

    assertThat(second).isInstanceOf(RequestConflictException.class);
    assertThat(begun).hasValue(1);
    assertThat(started.claim()).isNull();
    assertThat(started.transitions()).hasSize(2);
  }

  private GdprKit kit(String instanceId, RequestFulfiller erasure) {
    return kit(instanceId, erasure, acceptAll());
  }

  private GdprKit kit(String instanceId, IdentityVerifier verifier) {
    return kit(instanceId, request -> { }, verifier);
  }

  private GdprKit kit(String instanceId, RequestFulfiller erasure, IdentityVerifier verifier) {
    return GdprKit.builder().requestStore(shared).keyRing(keys).clock(clock).instanceId(instanceId).workLease(LEASE)
        .identityVerifier(verifier)
        .requestFulfiller(RequestKind.ERASURE, request -> {
          synchronized (fulfilled) {
            fulfilled.add(instanceId);
          }
          erasure.fulfil(request);
        }).build();
  }

  private SubjectRequest inProgress(GdprKit kit) {
    SubjectRequest request = kit.requests().receive(ALICE, RequestKind.ERASURE, Actor.subject());
    kit.requests().verify(request.id(), "ok");
    return kit.requests().start(request.id(), DPO);
  }

  private static IdentityVerifier acceptAll() {
    return beginning(() -> { });
  }

  private static IdentityVerifier slowBegin(AtomicInteger begun, CountDownLatch running, CountDownLatch release) {
    return beginning(() -> {
      begun.incrementAndGet();
      running.countDown();
      await(release);
    });
  }

  /** Returns a verifier that accepts every token and runs {@code begin} to start. */
  private static IdentityVerifier beginning(Runnable begin) {
    return new IdentityVerifier() {
      @Override
      public void begin(SubjectRequest request) {
        begin.run();
      }

      @Override
      public void check(SubjectRequest request, String token) {}
    };
  }
}
