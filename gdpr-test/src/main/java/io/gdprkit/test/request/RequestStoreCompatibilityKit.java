package io.gdprkit.test.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.request.Fulfilment;
import io.gdprkit.request.IdentityCheck;
import io.gdprkit.request.RequestChannel;
import io.gdprkit.request.RequestConflictException;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestNotice;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.RequestTransition;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link RequestStore} keeps its contract: requests stored unchanged (with the evidence each step
 * carries, which a complaint under Regulation (EU) 2025/2518 relies on), updates only from the version
 * stored (so one of two racing writers wins), subject queries in receipt order, due-date queries over open requests
 * by the deadline in force with keyset paging, separate tenants and thread safety.
 *
 * <p>It also checks the {@linkplain SubjectRequest#claim() claims} under which kit instances run a request's
 * fulfiller: a claim is stored and read back unchanged, is a version of its own that the version check lets exactly
 * one of several instances write (also through {@link #secondStore()}, another store instance over the same backing
 * data), is replaced like any version once its lease ran out, and is gone with a unit of work that rolled back.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaRequestStoreTests extends RequestStoreCompatibilityKit { protected RequestStore createStore() { return new JpaRequestStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class RequestStoreCompatibilityKit extends StoreCompatibilityKit<RequestStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  private static final Actor DPO = Actor.staff("dpo-1");

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");

  /** For subclasses. */
  protected RequestStoreCompatibilityKit() {}

  /**
   * Returns a second store instance over the same backing data as {@link #store()} (another connection pool, say), as
   * a second kit instance would have; the same instance by default, for stores that have only one.
   *
   * @return the store the kit's cross-instance races write through beside {@link #store()}
   * @since 0.2
   */
  protected RequestStore secondStore() {
    return store();
  }

  @Nested
  @DisplayName("inserting")
  class Inserting {

    @Test
    @DisplayName("a new request is found by id with every field unchanged")
    void storesEveryFieldOfANewRequest() {
      SubjectRequest request = SubjectRequest.received(RequestId.random(), SubjectId.of(TenantId.of("acme"), "c-42"),
          RequestKind.PORTABILITY, START.plusMillis(123), day(31), Actor.staff("clerk-7"));

      store().insert(request);

      assertThat(store().find(request.id())).contains(request);
    }

    @Test
    @DisplayName("an id never stored finds nothing")
    void findsNothingForAnUnknownId() {
      store().insert(received(ALICE, 1, 31));

      assertThat(store().find(RequestId.random())).isEmpty();
    }

    @Test
    @DisplayName("inserting an id twice is a conflict and keeps the first")
    void refusesADuplicateId() {
      SubjectRequest first = received(ALICE, 1, 31);
      store().insert(first);
      SubjectRequest sameId = SubjectRequest.received(first.id(), BOB, RequestKind.ERASURE, minute(2), day(32), DPO);

      Throwable thrown = thrownBy(() -> store().insert(sameId));

      assertThat(thrown).isInstanceOfSatisfying(RequestConflictException.class,
          conflict -> assertThat(conflict.requestId()).isEqualTo(first.id()));
      assertThat(store().find(first.id())).contains(first);
      assertThat(store().forSubject(BOB)).isEmpty();
    }

    @Test
    @DisplayName("a request past version 1 is invalid input and is not stored")
    void refusesARequestPastItsFirstVersion() {
      SubjectRequest verified = verified(received(ALICE, 1, 31));

      Throwable thrown = thrownBy(() -> store().insert(verified));

      assertThat(thrown).isInstanceOf(InvalidInputException.class);
      assertThat(store().find(verified.id())).isEmpty();
      assertThat(store().openDueBy(day(365), null, 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("updating")
  class Updating {

    @Test
    @DisplayName("each next version replaces the stored one, with every field unchanged")
    void storesEveryVersionInTurn() {
      SubjectRequest received = received(ALICE, 1, 31);
      SubjectRequest verified = verified(received);
      SubjectRequest extended = extended(verified, 90);
      SubjectRequest inProgress = inProgress(extended);
      SubjectRequest rejected = rejected(inProgress);
      store().insert(received);

      List<SubjectRequest> seen = new ArrayList<>();
      for (SubjectRequest next : List.of(verified, extended, inProgress, rejected)) {
        store().update(next);
        seen.add(store().find(received.id()).orElseThrow());
      }

      assertThat(seen).containsExactly(verified, extended, inProgress, rejected);
    }

    @Test
    @DisplayName("every kind of step evidence is stored unchanged: intake, identity checks, fulfilment and notices")
    void storesTheEvidenceOfEveryStep() {
      RequestIntake intake = RequestIntake.of(RequestChannel.EMAIL).withReference("TICKET-4711")
          .withTextKept("Please delete everything you hold about me.");
      SubjectRequest received = SubjectRequest.received(RequestId.random(), ALICE, RequestKind.ERASURE, minute(1),
          day(31), Actor.staff("clerk-7"), intake);
      SubjectRequest started = received.step(RequestState.RECEIVED, minute(2), Actor.system("gdpr-kit"),
          "identity verification started", new IdentityCheck("email-token", IdentityCheck.Outcome.STARTED));
      SubjectRequest verified = started.step(RequestState.IDENTITY_VERIFIED, minute(3), Actor.subject(), null,
          new IdentityCheck("email-token", IdentityCheck.Outcome.VERIFIED));
      SubjectRequest inProgress = inProgress(verified);
      SubjectRequest completed = inProgress.step(RequestState.COMPLETED, minute(5), DPO, null,
          new Fulfilment.Erased(new UUID(7, 9), 3, 2, 1));
      SubjectRequest noticed = completed.noticeSent(
          RequestNotice.of(RequestNotice.Kind.RESPONSE, RequestChannel.EMAIL, "Your data was erased."), minute(6), DPO);
      store().insert(received);

      for (SubjectRequest next : List.of(started, verified, inProgress, completed, noticed)) {
        store().update(next);
      }

      SubjectRequest found = store().find(received.id()).orElseThrow();
      assertThat(found).isEqualTo(noticed);
      assertThat(found.intake()).isEqualTo(intake);
      assertThat(found.transitions()).extracting(RequestTransition::evidence).containsExactly(intake,
          new IdentityCheck("email-token", IdentityCheck.Outcome.STARTED),
          new IdentityCheck("email-token", IdentityCheck.Outcome.VERIFIED), null,
          new Fulfilment.Erased(new UUID(7, 9), 3, 2, 1),
          RequestNotice.of(RequestNotice.Kind.RESPONSE, RequestChannel.EMAIL, "Your data was erased."));
    }

    @Test
    @DisplayName("an update based on an older version is a conflict and writes nothing")
    void refusesAStaleUpdate() {
      SubjectRequest received = received(ALICE, 1, 31);
      SubjectRequest verified = verified(received);
      store().insert(received);
      store().update(verified);
      SubjectRequest rejectedFromReceived = rejected(received);

      Throwable thrown = thrownBy(() -> store().update(rejectedFromReceived));

      assertThat(thrown).isInstanceOfSatisfying(RequestConflictException.class,
          conflict -> assertThat(conflict.requestId()).isEqualTo(received.id()));
      assertThat(store().find(received.id())).contains(verified);
      assertThat(store().openDueBy(day(365), null, 10)).containsExactly(verified);
    }

    @Test
    @DisplayName("an update that skips a version is a conflict and writes nothing")
    void refusesAnUpdateThatSkipsAVersion() {
      SubjectRequest received = received(ALICE, 1, 31);
      store().insert(received);
      SubjectRequest inProgress = inProgress(verified(received));

      Throwable thrown = thrownBy(() -> store().update(inProgress));

      assertThat(thrown).isInstanceOf(RequestConflictException.class);
      assertThat(store().find(received.id())).contains(received);
    }

    @Test
    @DisplayName("the same version cannot be written twice")
    void refusesTheSameVersionTwice() {
      SubjectRequest received = received(ALICE, 1, 31);
      store().insert(received);
      SubjectRequest verified = verified(received);
      store().update(verified);

      Throwable thrown = thrownBy(() -> store().update(verified));

      assertThat(thrown).isInstanceOf(RequestConflictException.class);
      assertThat(store().find(received.id())).contains(verified);
    }

    @Test
    @DisplayName("updating a request never stored fails and stores nothing")
    void refusesAnUpdateOfAnUnknownRequest() {
      SubjectRequest verified = verified(received(ALICE, 1, 31));

      Throwable thrown = thrownBy(() -> store().update(verified));

      assertThat(thrown).isInstanceOfSatisfying(UnknownRequestException.class,
          unknown -> assertThat(unknown.requestId()).isEqualTo(verified.id()));
      assertThat(store().find(verified.id())).isEmpty();
      assertThat(store().forSubject(ALICE)).isEmpty();
    }
  }

  @Nested
  @DisplayName("subject queries")
  class SubjectQueries {

    @Test
    @DisplayName("a subject's requests are listed by receipt time, then id, in their latest version")
    void listsASubjectsRequestsInReceiptOrder() {
      SubjectRequest third = received(ALICE, id(1), 30, 60);
      SubjectRequest first = received(ALICE, id(9), 10, 40);
      SubjectRequest secondTieLow = received(ALICE, id(2), 20, 50);
      SubjectRequest secondTieHigh = received(ALICE, id(3), 20, 50);
      for (SubjectRequest request : List.of(third, secondTieHigh, first, secondTieLow)) {
        store().insert(request);
      }
      SubjectRequest verified = verified(third);
      store().update(verified);

      List<SubjectRequest> requests = store().forSubject(ALICE);

      assertThat(requests).containsExactly(first, secondTieLow, secondTieHigh, verified);
    }

    @Test
    @DisplayName("other subjects' requests and other tenants' are left out")
    void keepsSubjectsAndTenantsApart() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
      SubjectRequest alices = received(ALICE, 1, 31);
      SubjectRequest bobs = received(BOB, 2, 31);
      SubjectRequest acmes = received(acmeAlice, 3, 31);
      store().insert(alices);
      store().insert(bobs);
      store().insert(acmes);

      assertThat(store().forSubject(ALICE)).containsExactly(alices);
      assertThat(store().forSubject(acmeAlice)).containsExactly(acmes);
      assertThat(store().forSubject(SubjectId.of("carol"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("due-date queries")
  class DueQueries {

    @Test
    @DisplayName("open requests due by the cutoff are listed by deadline, the cutoff included")
    void listsOpenRequestsDueByTheCutoffInDeadlineOrder() {
      SubjectRequest dueDay40 = received(ALICE, 3, 40);
      SubjectRequest dueDay31 = received(BOB, 1, 31);
      SubjectRequest dueDay35 = received(ALICE, 2, 35);
      SubjectRequest dueDay41 = received(BOB, 4, 41);
      for (SubjectRequest request : List.of(dueDay40, dueDay31, dueDay35, dueDay41)) {
        store().insert(request);
      }

      List<SubjectRequest> due = store().openDueBy(day(40), null, 10);

      assertThat(due).containsExactly(dueDay31, dueDay35, dueDay40);
      assertThat(store().openDueBy(day(40).minusNanos(1), null, 10)).containsExactly(dueDay31, dueDay35);
      assertThat(store().openDueBy(day(30), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("requests with the same deadline are listed by id")
    void breaksTiesById() {
      List<SubjectRequest> tied = IntStream.of(5, 2, 9, 1).mapToObj(n -> received(ALICE, id(n), n, 31)).toList();
      tied.forEach(store()::insert);

      List<SubjectRequest> due = store().openDueBy(day(31), null, 10);

      assertThat(due).extracting(SubjectRequest::id).containsExactly(id(1), id(2), id(5), id(9));
    }

    @Test
    @DisplayName("completed and rejected requests are left out, as soon as they are closed")
    void leavesOutClosedRequests() {
      SubjectRequest toComplete = received(ALICE, 1, 31);
      SubjectRequest toReject = received(ALICE, 2, 32);
      SubjectRequest staysOpen = received(ALICE, 3, 33);
      List.of(toComplete, toReject, staysOpen).forEach(store()::insert);
      SubjectRequest inProgress = inProgress(verified(toComplete));
      store().update(verified(toComplete));
      store().update(inProgress);
      List<SubjectRequest> beforeClosing = store().openDueBy(day(365), null, 10);

      store().update(completed(inProgress));
      store().update(rejected(toReject));

      assertThat(beforeClosing).containsExactly(inProgress, toReject, staysOpen);
      assertThat(store().openDueBy(day(365), null, 10)).containsExactly(staysOpen);
    }

    @Test
    @DisplayName("an extended request is due by its new deadline")
    void usesTheExtendedDeadline() {
      SubjectRequest extendedLater = received(ALICE, 1, 31);
      SubjectRequest plain = received(BOB, 2, 35);
      store().insert(extendedLater);
      store().insert(plain);
      SubjectRequest extended = extended(extendedLater, 90);

      store().update(extended);

      assertThat(store().openDueBy(day(40), null, 10)).containsExactly(plain);
      assertThat(store().openDueBy(day(90), null, 10)).containsExactly(plain, extended);
    }

    @Test
    @DisplayName("a page holds at most limit requests and starts after the given one")
    void pagesByDeadlineAndId() {
      List<SubjectRequest> requests = IntStream.range(0, 5).mapToObj(n -> received(ALICE, id(n), n, 31 + n)).toList();
      requests.forEach(store()::insert);

      List<SubjectRequest> first = store().openDueBy(day(365), null, 2);
      List<SubjectRequest> second = store().openDueBy(day(365), first.get(1), 2);
      List<SubjectRequest> afterLast = store().openDueBy(day(365), requests.get(4), 2);

      assertThat(first).containsExactly(requests.get(0), requests.get(1));
      assertThat(second).containsExactly(requests.get(2), requests.get(3));
      assertThat(afterLast).isEmpty();
    }

    @Test
    @DisplayName("paging by the last request of each page visits every due request exactly once")
    void pagesThroughEveryDueRequestExactlyOnce() {
      List<SubjectRequest> expected = new ArrayList<>();
      List<SubjectRequest> insertOrder = new ArrayList<>();
      for (int n = 0; n < 23; n++) {
        SubjectRequest request = received(SubjectId.of("subject-" + n), id(n), n, 31 + n / 3);
        insertOrder.add(request);
        expected.add(request);
      }
      Collections.reverse(insertOrder);
      Collections.swap(insertOrder, 3, 17);
      insertOrder.forEach(store()::insert);
      store().insert(received(ALICE, id(99), 99, 200));

      List<SubjectRequest> visited = pageThrough(4,
          (SubjectRequest after) -> store().openDueBy(day(100), after, 4), last -> last);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().insert(received(ALICE, 1, 31));

      Throwable zero = thrownBy(() -> store().openDueBy(day(365), null, 0));
      Throwable negative = thrownBy(() -> store().openDueBy(day(365), null, -1));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
      assertThat(negative).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("claims")
  class Claims {

    @Test
    @DisplayName("a claim is stored and read back unchanged as a version of its own, and the next step clears it")
    void storesAClaimAsAVersionAndClearsItWithTheNextStep() {
      SubjectRequest inProgress = inProgress(verified(received(ALICE, 1, 31)));
      SubjectRequest claimed = inProgress.claimed(claim("node-a", START.plusNanos(123_456_789)));
      SubjectRequest completed = completed(claimed);
      insertAt(inProgress);

      store().update(claimed);
      SubjectRequest whileClaimed = store().find(inProgress.id()).orElseThrow();
      store().update(completed);

      assertThat(whileClaimed).isEqualTo(claimed);
      assertThat(whileClaimed.version()).isEqualTo(inProgress.version() + 1);
      assertThat(whileClaimed.transitions()).isEqualTo(inProgress.transitions());
      assertThat(store().find(inProgress.id())).contains(completed);
      assertThat(completed.claim()).isNull();
    }

    @Test
    @DisplayName("a claimed request is listed with its claim by subject and, while open, by deadline")
    void listsAClaimedRequestWithItsClaim() {
      SubjectRequest received = received(ALICE, 1, 31);
      SubjectRequest claimed = received.claimed(claim("node-a", day(1)));
      store().insert(received);

      store().update(claimed);

      assertThat(store().forSubject(ALICE)).containsExactly(claimed);
      assertThat(store().openDueBy(day(31), null, 10)).containsExactly(claimed);
    }

    @Test
    @DisplayName("a step based on the version before a claim is a conflict and writes nothing")
    void refusesAStepThatOverlooksAClaim() {
      SubjectRequest received = received(ALICE, 1, 31);
      SubjectRequest claimed = received.claimed(claim("node-a", day(1)));
      store().insert(received);
      store().update(claimed);
      SubjectRequest overlooking = rejected(received);

      Throwable thrown = thrownBy(() -> store().update(overlooking));

      assertThat(thrown).isInstanceOfSatisfying(RequestConflictException.class,
          conflict -> assertThat(conflict.requestId()).isEqualTo(received.id()));
      assertThat(store().find(received.id())).contains(claimed);
    }

    @Test
    @DisplayName("a claim whose lease ran out is replaced by another owner's claim, and cleared without a step")
    void replacesARanOutClaimLikeAnyVersion() {
      SubjectRequest received = received(ALICE, 1, 31);
      SubjectRequest byDeadNode = received.claimed(claim("node-a", minute(2)));
      SubjectRequest takenOver = byDeadNode.claimed(claim("node-b", minute(7)));
      SubjectRequest released = takenOver.unclaimed();
      store().insert(received);
      store().update(byDeadNode);

      secondStore().update(takenOver);
      SubjectRequest afterTakeover = store().find(received.id()).orElseThrow();
      store().update(released);

      assertThat(afterTakeover).isEqualTo(takenOver);
      assertThat(store().find(received.id())).contains(released);
      assertThat(released.version()).isEqualTo(4);
      assertThat(released.transitions()).isEqualTo(received.transitions());
    }

    @Test
    @DisplayName("a claim, a step and an insert written in a unit of work that rolls back leave nothing")
    void leavesNothingOfARolledBackUnit() {
      SubjectRequest received = received(ALICE, 1, 31);
      SubjectRequest other = received(BOB, 2, 32);
      store().insert(received);

      inRolledBackUnit(() -> {
        SubjectRequest claimed = received.claimed(claim("node-a", day(1)));
        store().update(claimed);
        store().update(extended(claimed, 90));
        store().insert(other);
      });
      store().update(verified(received));

      assertThat(store().find(received.id())).contains(verified(received));
      assertThat(store().find(other.id())).isEmpty();
      assertThat(store().forSubject(BOB)).isEmpty();
      assertThat(store().openDueBy(day(365), null, 10)).containsExactly(verified(received));
    }

    @Test
    @Timeout(30)
    @DisplayName("of instances racing through two store instances to claim the same version, exactly one claim is"
        + " stored")
    void letsOneOfRacingClaimersWin() throws Exception {
      int threads = 8;
      SubjectRequest inProgress = inProgress(verified(received(ALICE, 1, 31)));
      insertAt(inProgress);

      List<Boolean> won = race(threads, RACE_TIMEOUT, thread -> {
        RequestStore through = thread % 2 == 0 ? store() : secondStore();
        try {
          through.update(inProgress.claimed(claim("node-" + thread, day(1))));
          return true;
        } catch (RequestConflictException lostTheRace) {
          return false;
        }
      });

      assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
      SubjectRequest stored = store().find(inProgress.id()).orElseThrow();
      assertThat(stored.version()).isEqualTo(inProgress.version() + 1);
      assertThat(stored.claim()).isEqualTo(claim("node-" + won.indexOf(true), day(1)));
    }

    /** Inserts the receipt of {@code request} and then each of its later versions, up to it. */
    private void insertAt(SubjectRequest request) {
      SubjectRequest received = SubjectRequest.received(request.id(), request.subject(), request.kind(),
          request.receivedAt(), request.dueAt(), request.transitions().get(0).by());
      store().insert(received);
      SubjectRequest current = received;
      for (RequestTransition step : request.transitions().subList(1, request.transitions().size())) {
        current = current.step(step.to(), step.at(), step.by(), step.note());
        store().update(current);
      }
      assertThat(current).isEqualTo(request);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("of writers racing from the same version, exactly one wins and the others get a conflict")
    void letsOneOfRacingWritersWin() throws Exception {
      int threads = 8;
      SubjectRequest received = received(ALICE, 1, 31);
      store().insert(received);

      List<Boolean> won = race(threads, RACE_TIMEOUT, thread -> {
        SubjectRequest next = thread % 2 == 0 ? verified(received) : rejected(received);
        try {
          store().update(next);
          return true;
        } catch (RequestConflictException lostTheRace) {
          return false;
        }
      });

      assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
      assertThat(store().find(received.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("racing inserts of distinct requests lose none")
    void keepsEveryRacingInsert() throws Exception {
      int threads = 8;
      int perThread = 25;

      List<List<SubjectRequest>> inserted = race(threads, RACE_TIMEOUT, thread -> {
        List<SubjectRequest> mine = new ArrayList<>(perThread);
        for (int i = 0; i < perThread; i++) {
          SubjectRequest request = received(SubjectId.of("racer-" + thread), thread * perThread + i, 31 + i);
          store().insert(request);
          mine.add(request);
        }
        return mine;
      });

      List<SubjectRequest> all = inserted.stream().flatMap(List::stream).toList();
      assertThat(store().openDueBy(day(365), null, 1000)).containsExactlyInAnyOrderElementsOf(all);
      for (List<SubjectRequest> mine : inserted) {
        assertThat(store().forSubject(mine.get(0).subject())).containsExactlyElementsOf(mine);
      }
    }
  }

  /** Returns a request received {@code minute} minutes after a fixed start, due {@code dueDay} days after it. */
  private static SubjectRequest received(SubjectId subject, int minute, int dueDay) {
    return received(subject, RequestId.random(), minute, dueDay);
  }

  private static SubjectRequest received(SubjectId subject, RequestId id, int minute, int dueDay) {
    return SubjectRequest.received(id, subject, RequestKind.ACCESS, minute(minute), day(dueDay), Actor.subject());
  }

  private static SubjectRequest verified(SubjectRequest request) {
    return request.step(RequestState.IDENTITY_VERIFIED, request.receivedAt().plusSeconds(60), Actor.subject(), null);
  }

  private static SubjectRequest inProgress(SubjectRequest request) {
    return request.step(RequestState.IN_PROGRESS, request.receivedAt().plusSeconds(120), DPO, null);
  }

  private static SubjectRequest completed(SubjectRequest request) {
    return request.step(RequestState.COMPLETED, request.receivedAt().plusSeconds(180), DPO, null);
  }

  private static SubjectRequest rejected(SubjectRequest request) {
    return request.rejected("The request is manifestly unfounded.", request.receivedAt().plusSeconds(240), DPO);
  }

  private static SubjectRequest extended(SubjectRequest request, int dueDay) {
    return request.extended(new SubjectRequest.Extension(day(dueDay), "Complex request spanning five systems.",
        request.receivedAt().plusSeconds(300)), DPO);
  }

  private static SubjectRequest.Claim claim(String owner, Instant until) {
    return new SubjectRequest.Claim(owner, until);
  }

  /** Returns an id whose text orders as {@code n} does. */
  private static RequestId id(int n) {
    return RequestId.of(new UUID(n, 0x8000000000000000L));
  }

  private static Instant minute(int minute) {
    return START.plus(Duration.ofMinutes(minute));
  }

  private static Instant day(int day) {
    return START.plus(Duration.ofDays(day));
  }
}
