package io.gdprkit.test.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.InvalidInputException;
import io.gdprkit.retention.Campaign;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a {@link RetentionStore} keeps its contract: the latest activity per subject, due subjects before a
 * cutoff in id order with keyset paging, claims that a rule wins once per activity, campaigns and their members,
 * erasure of a subject, and thread safety.
 *
 * <p>{@link #createStore()} is called once in every test, after the subclass's {@code @BeforeEach} methods, and must
 * return an empty store.
 *
 * <p>Usage example: <pre>{@code class JpaRetentionStoreTests extends RetentionStoreCompatibilityKit { protected RetentionStore createStore() { return new JpaRetentionStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class RetentionStoreCompatibilityKit extends StoreCompatibilityKit<RetentionStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  /** The cutoff of most tests: activity at minute 100 and later is recent, earlier activity is due. */
  private static final Instant CUTOFF = at(100);
  private static final Duration RACE_TIMEOUT = Duration.ofSeconds(10);
  /** Lock-step races take many small steps; on a busy machine they need longer than the others. */
  private static final Duration LOCKSTEP_TIMEOUT = Duration.ofSeconds(25);

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final SubjectId CAROL = SubjectId.of("carol");
  private static final SubjectId DAVE = SubjectId.of("dave");
  private static final String LEADS = "inactive-leads";
  private static final String NEWSLETTER_DATA = "newsletter-data";
  private static final String RELAUNCH = "relaunch";
  private static final String WINBACK = "winback";

  private final java.util.concurrent.atomic.AtomicLong sweeps = new java.util.concurrent.atomic.AtomicLong();

  /** Claims the subject for the rule as one sweep would, and marks it done; returns whether the claim was won. */
  private boolean sweepOnce(String ruleId, SubjectId subject) {
    String owner = "sweep#" + sweeps.incrementAndGet();
    if (!store().claim(ruleId, subject, owner, START, START.plusSeconds(300))) {
      return false;
    }
    store().complete(ruleId, subject, owner);
    return true;
  }

  /** Claims a campaign member as one sweep would, and removes it; returns whether the claim was won. */
  private boolean takeMember(String campaignId, SubjectId subject) {
    String owner = "sweep#" + sweeps.incrementAndGet();
    if (!store().claimMember(campaignId, subject, owner, START, START.plusSeconds(300))) {
      return false;
    }
    store().completeMember(campaignId, subject, owner);
    return true;
  }

  @Nested
  @DisplayName("activity")
  class Activity {

    @Test
    @DisplayName("the last activity is the latest one recorded, whatever the order")
    void keepsTheLatestActivity() {
      store().recordActivity(ALICE, at(20));

      store().recordActivity(ALICE, at(10));
      store().recordActivity(ALICE, at(30));
      store().recordActivity(ALICE, at(25));

      assertThat(store().lastActivity(ALICE)).contains(at(30));
    }

    @Test
    @DisplayName("a subject without recorded activity has none")
    void returnsNoActivityForAnUnknownSubject() {
      store().recordActivity(ALICE, at(10));

      assertThat(store().lastActivity(BOB)).isEmpty();
    }

    @Test
    @DisplayName("each subject has its own activity, in every tenant")
    void keepsSubjectsApart() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
      store().recordActivity(BOB, at(40));

      store().recordActivity(ALICE, at(10));
      store().recordActivity(acmeAlice, at(50));

      assertThat(store().lastActivity(ALICE)).contains(at(10));
      assertThat(store().lastActivity(acmeAlice)).contains(at(50));
      assertThat(store().lastActivity(BOB)).contains(at(40));
    }
  }

  @Nested
  @DisplayName("due subjects")
  class DueSubjects {

    @Test
    @DisplayName("subjects whose last activity is strictly before the cutoff are due, ordered by id")
    void returnsSubjectsActiveBeforeTheCutoffInIdOrder() {
      store().recordActivity(CAROL, at(10));
      store().recordActivity(DAVE, at(101));
      store().recordActivity(ALICE, at(99));
      store().recordActivity(BOB, CUTOFF);

      List<SubjectId> due = store().due(LEADS, CUTOFF, null, 10);

      assertThat(due).containsExactly(ALICE, CAROL);
    }

    @Test
    @DisplayName("newer activity at or after the cutoff makes a subject no longer due")
    void excludesSubjectsWithNewerActivity() {
      store().recordActivity(ALICE, at(10));
      store().recordActivity(BOB, at(10));

      store().recordActivity(ALICE, at(150));

      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(BOB);
    }

    @Test
    @DisplayName("a page starts after the given subject, even one that has no activity")
    void startsAfterTheGivenSubject() {
      List.of(ALICE, BOB, CAROL).forEach(subject -> store().recordActivity(subject, at(10)));

      List<SubjectId> afterAlice = store().due(LEADS, CUTOFF, ALICE, 10);
      List<SubjectId> afterB = store().due(LEADS, CUTOFF, SubjectId.of("b"), 10);
      List<SubjectId> afterCarol = store().due(LEADS, CUTOFF, CAROL, 10);

      assertThat(afterAlice).containsExactly(BOB, CAROL);
      assertThat(afterB).containsExactly(BOB, CAROL);
      assertThat(afterCarol).isEmpty();
    }

    @Test
    @DisplayName("a page holds at most limit due subjects, skipping those that are not due")
    void respectsTheLimit() {
      store().recordActivity(ALICE, at(10));
      store().recordActivity(BOB, at(200));
      store().recordActivity(CAROL, at(10));
      store().recordActivity(DAVE, at(10));

      List<SubjectId> page = store().due(LEADS, CUTOFF, null, 2);

      assertThat(page).containsExactly(ALICE, CAROL);
    }

    @Test
    @DisplayName("paging by the last subject of each page visits every due subject exactly once")
    void pagesThroughEveryDueSubjectExactlyOnce() {
      List<SubjectId> all = IntStream.range(0, 30).mapToObj(i -> SubjectId.of("subject-%02d".formatted(i))).toList();
      List<SubjectId> recordOrder = new ArrayList<>(all);
      Collections.reverse(recordOrder);
      Collections.swap(recordOrder, 3, 17);
      recordOrder.forEach(subject -> store().recordActivity(subject, at(all.indexOf(subject) % 3 == 0 ? 150 : 50)));
      List<SubjectId> expected = all.stream().filter(subject -> all.indexOf(subject) % 3 != 0).toList();

      List<SubjectId> visited = pageThrough(4,
          (SubjectId after) -> store().due(LEADS, CUTOFF, after, 4), last -> last);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a subject the rule claimed at its current activity is not due for that rule, but for others")
    void excludesSubjectsTheRuleClaimed() {
      store().recordActivity(ALICE, at(10));
      store().recordActivity(BOB, at(20));

      sweepOnce(LEADS, ALICE);

      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(BOB);
      assertThat(store().due(NEWSLETTER_DATA, CUTOFF, null, 10)).containsExactly(ALICE, BOB);
    }

    @Test
    @DisplayName("newer activity makes a claimed subject due again")
    void includesAClaimedSubjectAgainAfterNewerActivity() {
      store().recordActivity(ALICE, at(10));
      sweepOnce(LEADS, ALICE);

      store().recordActivity(ALICE, at(60));

      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(ALICE);
    }

    @Test
    @DisplayName("older activity recorded after a claim leaves the subject claimed")
    void keepsTheClaimWhenOlderActivityArrives() {
      store().recordActivity(ALICE, at(60));
      sweepOnce(LEADS, ALICE);

      store().recordActivity(ALICE, at(10));

      assertThat(store().due(LEADS, CUTOFF, null, 10)).isEmpty();
      assertThat(sweepOnce(LEADS, ALICE)).isFalse();
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().recordActivity(ALICE, at(10));

      Throwable zero = thrownBy(() -> store().due(LEADS, CUTOFF, null, 0));
      Throwable negative = thrownBy(() -> store().due(LEADS, CUTOFF, ALICE, -1));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
      assertThat(negative).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("claims")
  class Claims {

    @Test
    @DisplayName("a rule claims a subject only once per activity")
    void claimsOncePerActivity() {
      store().recordActivity(ALICE, at(10));
      boolean first = sweepOnce(LEADS, ALICE);

      boolean second = sweepOnce(LEADS, ALICE);

      assertThat(first).isTrue();
      assertThat(second).isFalse();
    }

    @Test
    @DisplayName("newer activity lets the rule claim the subject again, once")
    void claimsAgainAfterNewerActivity() {
      store().recordActivity(ALICE, at(10));
      sweepOnce(LEADS, ALICE);

      store().recordActivity(ALICE, at(20));

      assertThat(sweepOnce(LEADS, ALICE)).isTrue();
      assertThat(sweepOnce(LEADS, ALICE)).isFalse();
    }

    @Test
    @DisplayName("a subject without activity cannot be claimed until it has some")
    void failsToClaimASubjectWithoutActivity() {
      store().recordActivity(BOB, at(10));
      boolean before = sweepOnce(LEADS, ALICE);

      store().recordActivity(ALICE, at(10));

      assertThat(before).isFalse();
      assertThat(sweepOnce(LEADS, ALICE)).isTrue();
    }

    @Test
    @DisplayName("each rule and each subject has its own claims")
    void keepsClaimsPerRuleAndSubject() {
      store().recordActivity(ALICE, at(10));
      store().recordActivity(BOB, at(10));

      sweepOnce(LEADS, ALICE);

      assertThat(sweepOnce(NEWSLETTER_DATA, ALICE)).isTrue();
      assertThat(sweepOnce(LEADS, BOB)).isTrue();
    }
  }

  @Nested
  @DisplayName("leased claims")
  class LeasedClaims {

    @Test
    @DisplayName("a subject another sweep holds is not claimed until its lease ends, then it is")
    void waitsForAnotherOwnersLease() {
      store().recordActivity(ALICE, at(10));

      boolean first = store().claim(LEADS, ALICE, "instance-a#1", START, START.plusSeconds(300));
      boolean whileHeld = store().claim(LEADS, ALICE, "instance-b#1", START.plusSeconds(299), START.plusSeconds(599));
      boolean afterLease = store().claim(LEADS, ALICE, "instance-b#2", START.plusSeconds(300), START.plusSeconds(600));

      assertThat(first).isTrue();
      assertThat(whileHeld).as("the lease of a sweep that may still run").isFalse();
      assertThat(afterLease).as("a sweep that died left its lease to run out").isTrue();
    }

    @Test
    @DisplayName("a completed claim marks the subject processed at its activity; a released one leaves it due")
    void completesAndReleases() {
      store().recordActivity(ALICE, at(10));
      store().recordActivity(BOB, at(10));
      store().claim(LEADS, ALICE, "a#1", START, START.plusSeconds(300));
      store().claim(LEADS, BOB, "a#1", START, START.plusSeconds(300));

      store().complete(LEADS, ALICE, "b#1"); // not the holder: changes nothing
      store().complete(LEADS, ALICE, "a#1");
      store().release(LEADS, BOB, "a#1");

      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(BOB);
      assertThat(store().claim(LEADS, ALICE, "c#1", START, START.plusSeconds(300))).isFalse();
      assertThat(store().claim(LEADS, BOB, "c#1", START, START.plusSeconds(300))).isTrue();
    }

    @Test
    @DisplayName("a member stays one while claimed, leaves when completed and is claimable again when released")
    void claimsMembersWithLeases() {
      store().addCampaign(campaign(RELAUNCH, 0));
      store().addMember(RELAUNCH, ALICE);
      store().addMember(RELAUNCH, BOB);

      boolean alice = store().claimMember(RELAUNCH, ALICE, "a#1", START, START.plusSeconds(300));
      boolean aliceAgain = store().claimMember(RELAUNCH, ALICE, "b#1", START, START.plusSeconds(300));
      store().claimMember(RELAUNCH, BOB, "a#1", START, START.plusSeconds(300));
      List<SubjectId> whileClaimed = store().members(RELAUNCH, null, 10);
      store().completeMember(RELAUNCH, ALICE, "a#1");
      store().releaseMember(RELAUNCH, BOB, "a#1");

      assertThat(alice).isTrue();
      assertThat(aliceAgain).isFalse();
      assertThat(whileClaimed).containsExactly(ALICE, BOB);
      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(BOB);
      assertThat(store().claimMember(RELAUNCH, BOB, "b#1", START, START.plusSeconds(300))).isTrue();
    }

    @Test
    @DisplayName("of sweeps racing to claim one subject, exactly one wins")
    void letsOneOfRacingClaimsWin() throws Exception {
      store().recordActivity(ALICE, at(10));

      List<Boolean> won = race(8, RACE_TIMEOUT, thread ->
          store().claim(LEADS, ALICE, "sweep#" + thread, START, START.plusSeconds(300)));

      assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
    }
  }

  @Nested
  @DisplayName("campaigns")
  class Campaigns {

    @Test
    @DisplayName("an added campaign is listed with every field unchanged")
    void listsAnAddedCampaign() {
      Campaign campaign = new Campaign(RELAUNCH, "newsletter", Instant.parse("2026-03-02T09:00:00.123Z"),
          Instant.parse("2026-04-01T00:00:00Z"));

      boolean added = store().addCampaign(campaign);

      assertThat(added).isTrue();
      assertThat(store().campaigns()).containsExactly(campaign);
    }

    @Test
    @DisplayName("a campaign whose id exists is not added and the first one is kept")
    void rejectsADuplicateId() {
      Campaign first = campaign(RELAUNCH, 0);
      store().addCampaign(first);

      boolean added = store().addCampaign(new Campaign(RELAUNCH, "sales-calls", at(5), at(500)));

      assertThat(added).isFalse();
      assertThat(store().campaigns()).containsExactly(first);
    }

    @Test
    @DisplayName("campaigns are listed oldest first")
    void listsCampaignsOldestFirst() {
      Campaign spring = campaign("spring", 10);
      Campaign winter = campaign("winter", 20);
      Campaign autumn = campaign("autumn", 30);

      store().addCampaign(spring);
      store().addCampaign(winter);
      store().addCampaign(autumn);

      assertThat(store().campaigns()).containsExactly(spring, winter, autumn);
    }
  }

  @Nested
  @DisplayName("members")
  class Members {

    @Test
    @DisplayName("a campaign's members are listed once each, ordered by id")
    void listsMembersOnceInIdOrder() {
      store().addCampaign(campaign(RELAUNCH, 0));

      List.of(CAROL, ALICE, BOB, ALICE).forEach(subject -> store().addMember(RELAUNCH, subject));

      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(ALICE, BOB, CAROL);
    }

    @Test
    @DisplayName("each campaign has its own members")
    void keepsCampaignsApart() {
      store().addCampaign(campaign(RELAUNCH, 0));
      store().addCampaign(campaign(WINBACK, 1));

      store().addMember(RELAUNCH, ALICE);
      store().addMember(WINBACK, BOB);

      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(ALICE);
      assertThat(store().members(WINBACK, null, 10)).containsExactly(BOB);
      assertThat(store().members("unknown", null, 10)).isEmpty();
    }

    @Test
    @DisplayName("a page starts after the given subject and holds at most limit members")
    void pagesMembers() {
      store().addCampaign(campaign(RELAUNCH, 0));
      List.of(DAVE, CAROL, BOB, ALICE).forEach(subject -> store().addMember(RELAUNCH, subject));

      List<SubjectId> first = store().members(RELAUNCH, null, 2);
      List<SubjectId> afterB = store().members(RELAUNCH, SubjectId.of("b"), 2);
      List<SubjectId> afterCarol = store().members(RELAUNCH, CAROL, 2);
      List<SubjectId> afterDave = store().members(RELAUNCH, DAVE, 2);

      assertThat(first).containsExactly(ALICE, BOB);
      assertThat(afterB).containsExactly(BOB, CAROL);
      assertThat(afterCarol).containsExactly(DAVE);
      assertThat(afterDave).isEmpty();
    }

    @Test
    @DisplayName("paging by the last member of each page visits every member exactly once")
    void pagesThroughEveryMemberExactlyOnce() {
      store().addCampaign(campaign(RELAUNCH, 0));
      List<SubjectId> expected = IntStream.range(0, 23).mapToObj(i -> SubjectId.of("lead-%02d".formatted(i))).toList();
      List<SubjectId> addOrder = new ArrayList<>(expected);
      Collections.reverse(addOrder);
      Collections.swap(addOrder, 3, 17);
      addOrder.forEach(subject -> store().addMember(RELAUNCH, subject));

      List<SubjectId> visited = pageThrough(4,
          (SubjectId after) -> store().members(RELAUNCH, after, 4), last -> last);

      assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a limit below 1 is invalid input")
    void rejectsALimitBelowOne() {
      store().addCampaign(campaign(RELAUNCH, 0));
      store().addMember(RELAUNCH, ALICE);

      Throwable zero = thrownBy(() -> store().members(RELAUNCH, null, 0));
      Throwable negative = thrownBy(() -> store().members(RELAUNCH, ALICE, -1));

      assertThat(zero).isInstanceOf(InvalidInputException.class);
      assertThat(negative).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("claiming a member returns true once and removes it from the members")
    void claimsAMemberOnce() {
      store().addCampaign(campaign(RELAUNCH, 0));
      store().addMember(RELAUNCH, ALICE);
      store().addMember(RELAUNCH, BOB);

      boolean first = takeMember(RELAUNCH, ALICE);
      boolean second = takeMember(RELAUNCH, ALICE);

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(BOB);
    }

    @Test
    @DisplayName("claiming a subject that is not a member returns false and changes nothing")
    void failsToClaimANonMember() {
      store().addCampaign(campaign(RELAUNCH, 0));
      store().addCampaign(campaign(WINBACK, 1));
      store().addMember(RELAUNCH, ALICE);

      boolean otherCampaign = takeMember(WINBACK, ALICE);
      boolean otherSubject = takeMember(RELAUNCH, BOB);
      boolean unknownCampaign = takeMember("unknown", ALICE);

      assertThat(otherCampaign).isFalse();
      assertThat(otherSubject).isFalse();
      assertThat(unknownCampaign).isFalse();
      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(ALICE);
    }
  }

  @Nested
  @DisplayName("erasure")
  class Erasure {

    @Test
    @DisplayName("erasing a subject forgets its activity")
    void forgetsTheActivity() {
      store().recordActivity(ALICE, at(10));
      store().recordActivity(BOB, at(10));

      store().erase(ALICE);

      assertThat(store().lastActivity(ALICE)).isEmpty();
      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(BOB);
      assertThat(sweepOnce(LEADS, ALICE)).isFalse();
    }

    @Test
    @DisplayName("erasing a subject forgets its claims: the same activity recorded again is due and claimable")
    void forgetsTheClaims() {
      store().recordActivity(ALICE, at(10));
      sweepOnce(LEADS, ALICE);
      sweepOnce(NEWSLETTER_DATA, ALICE);

      store().erase(ALICE);
      store().recordActivity(ALICE, at(10));

      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(ALICE);
      assertThat(store().due(NEWSLETTER_DATA, CUTOFF, null, 10)).containsExactly(ALICE);
      assertThat(sweepOnce(LEADS, ALICE)).isTrue();
    }

    @Test
    @DisplayName("erasing a subject removes it from every campaign")
    void forgetsTheMemberships() {
      store().addCampaign(campaign(RELAUNCH, 0));
      store().addCampaign(campaign(WINBACK, 1));
      store().addMember(RELAUNCH, ALICE);
      store().addMember(WINBACK, ALICE);
      store().addMember(WINBACK, BOB);

      store().erase(ALICE);

      assertThat(store().members(RELAUNCH, null, 10)).isEmpty();
      assertThat(store().members(WINBACK, null, 10)).containsExactly(BOB);
      assertThat(takeMember(WINBACK, ALICE)).isFalse();
      assertThat(store().campaigns()).hasSize(2);
    }

    @Test
    @DisplayName("erasing a subject leaves other subjects' activity, claims and memberships untouched")
    void leavesOtherSubjectsUntouched() {
      store().addCampaign(campaign(RELAUNCH, 0));
      for (SubjectId subject : List.of(ALICE, BOB, CAROL)) {
        store().recordActivity(subject, at(10));
        store().addMember(RELAUNCH, subject);
      }
      sweepOnce(LEADS, BOB);

      store().erase(ALICE);

      assertThat(store().lastActivity(BOB)).contains(at(10));
      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(CAROL);
      assertThat(sweepOnce(LEADS, BOB)).isFalse();
      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(BOB, CAROL);
    }

    @Test
    @DisplayName("erasing a subject leaves the same id in another tenant untouched")
    void leavesOtherTenantsUntouched() {
      SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), "alice");
      SubjectId globexAlice = SubjectId.of(TenantId.of("globex"), "alice");
      store().addCampaign(campaign(RELAUNCH, 0));
      for (SubjectId subject : List.of(acmeAlice, globexAlice)) {
        store().recordActivity(subject, at(10));
        store().addMember(RELAUNCH, subject);
      }

      store().erase(acmeAlice);

      assertThat(store().lastActivity(globexAlice)).contains(at(10));
      assertThat(store().due(LEADS, CUTOFF, null, 10)).containsExactly(globexAlice);
      assertThat(store().members(RELAUNCH, null, 10)).containsExactly(globexAlice);
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("racing claims of one subject by one rule have exactly one winner")
    void letsOneOfRacingClaimsWin() throws Exception {
      List<SubjectId> subjects = racers(200);
      subjects.forEach(subject -> store().recordActivity(subject, at(10)));

      assertOneWinnerPerSubject(subjects, subject -> sweepOnce(LEADS, subject));
      assertThat(store().due(LEADS, CUTOFF, null, 1000)).isEmpty();
    }

    @Test
    @DisplayName("racing member claims have exactly one winner")
    void letsOneOfRacingMemberClaimsWin() throws Exception {
      List<SubjectId> subjects = racers(200);
      store().addCampaign(campaign(RELAUNCH, 0));
      subjects.forEach(subject -> store().addMember(RELAUNCH, subject));

      assertOneWinnerPerSubject(subjects, subject -> takeMember(RELAUNCH, subject));
      assertThat(store().members(RELAUNCH, null, 1000)).isEmpty();
    }

    @Test
    @DisplayName("racing activity records keep the latest activity")
    void keepsTheLatestOfRacingActivity() throws Exception {
      int threads = 8;
      List<SubjectId> subjects = racers(100);

      race(threads, RACE_TIMEOUT, thread -> {
        subjects.forEach(subject -> store().recordActivity(subject, at(thread)));
        return List.of();
      });

      assertThat(subjects).allSatisfy(subject -> assertThat(store().lastActivity(subject)).contains(at(threads - 1)));
    }

    @Test
    @DisplayName("erasing a subject while its activity is recorded leaves it either due or without activity")
    void keepsActivityAndDueSubjectsTogetherWhenErasureRacesActivity() throws Exception {
      List<SubjectId> subjects = racers(scaledRounds(100_000));
      CyclicBarrier step = new CyclicBarrier(2);

      race(2, LOCKSTEP_TIMEOUT, thread -> {
        for (SubjectId subject : subjects) {
          awaitStep(step); // both threads work on the same subject at the same time
          if (thread == 0) {
            store().recordActivity(subject, at(10));
          } else {
            store().erase(subject);
          }
        }
        return List.of();
      });

      Set<SubjectId> due = new HashSet<>(store().due(LEADS, CUTOFF, null, subjects.size()));
      List<SubjectId> inconsistent = subjects.stream()
          .filter(subject -> store().lastActivity(subject).isPresent() != due.contains(subject))
          .toList();
      assertThat(inconsistent).as("subjects with activity before the cutoff that are not due, or due without activity")
          .isEmpty();
    }

    @Test
    @DisplayName("a claim racing the erasure of its subject leaves no claim behind")
    void leavesNoClaimBehindWhenErasureRacesAClaim() throws Exception {
      List<SubjectId> subjects = racers(scaledRounds(100_000));
      subjects.forEach(subject -> store().recordActivity(subject, at(10)));
      CyclicBarrier step = new CyclicBarrier(2);

      race(2, LOCKSTEP_TIMEOUT, thread -> {
        for (SubjectId subject : subjects) {
          awaitStep(step); // both threads work on the same subject at the same time
          if (thread == 0) {
            sweepOnce(LEADS, subject);
          } else {
            store().erase(subject);
          }
        }
        return List.of();
      });

      subjects.forEach(subject -> store().recordActivity(subject, at(10)));
      Set<SubjectId> due = new HashSet<>(store().due(LEADS, CUTOFF, null, subjects.size()));
      List<SubjectId> stillClaimed = subjects.stream().filter(subject -> !due.contains(subject)).toList();
      assertThat(stillClaimed).as("erased subjects whose claim survived the erasure").isEmpty();
    }

    /** Lets 8 threads try to claim every subject, in the same order so that they collide, and checks one wins each. */
    private void assertOneWinnerPerSubject(List<SubjectId> subjects, Predicate<SubjectId> claim) throws Exception {
      int threads = 8;

      List<List<SubjectId>> won = race(threads, RACE_TIMEOUT, thread -> subjects.stream().filter(claim).toList());

      List<SubjectId> winners = won.stream().flatMap(List::stream).toList();
      assertThat(winners).containsExactlyInAnyOrderElementsOf(subjects);
    }

    private static List<SubjectId> racers(int count) {
      return IntStream.range(0, count).mapToObj(i -> SubjectId.of("racer-%06d".formatted(i))).toList();
    }
  }

  /** Waits until both threads of a lock-step race reach the same step; fails when the other thread stopped. */
  private static void awaitStep(CyclicBarrier step) {
    try {
      step.await(RACE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the other thread", e);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the other thread of the race stopped", e);
    }
  }

  /** Returns a campaign for the newsletter, started {@code minute} minutes after a fixed start, for thirty days. */
  private static Campaign campaign(String id, int minute) {
    return new Campaign(id, "newsletter", at(minute), at(minute).plus(Duration.ofDays(30)));
  }

  private static Instant at(int minute) {
    return START.plus(Duration.ofMinutes(minute));
  }
}
