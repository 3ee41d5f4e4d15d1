package io.gdprkit.jpa.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.MutableClock;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two application instances on one database, each with its own kit and decision cache: what one records, the other
 * honours within the staleness bound, and at its next poll of the change feed. Time is a ticker moved by hand.
 */
@ParameterizedClass(name = "decision cache on {0}")
@EnumSource(TestDatabase.class)
class CachingConsentStoreTests {

  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final SubjectId ALICE = SubjectId.of("contact-42");
  private static final SubjectId BOB = SubjectId.of("contact-43");
  private static final ConsentProof PROOF = ConsentProof.of(ConsentChannel.API, Actor.subject());
  private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
  /** Direct marketing on consent, whose consents expire. */
  private static final String OFFERS = "offers";
  private static final Period OFFERS_VALIDITY = Period.ofDays(30);
  /** Legitimate interests, needing the profiling switch. */
  private static final String LEAD_SCORING = "lead-scoring";

  @Parameter
  TestDatabase database;

  private final AtomicLong nanos = new AtomicLong();
  /** The kits' clock, which consents expire by; the caches' staleness runs on {@link #nanos}. */
  private final MutableClock clock = new MutableClock(START);
  private JpaTransactions transactions;
  private CachingConsentStore cacheA;
  private CachingConsentStore cacheB;
  private GdprKit instanceA;
  private GdprKit instanceB;

  @BeforeEach
  void startTwoInstances() {
    database.clean();
    transactions = database.transactions();
    ConsentCacheOptions options = ConsentCacheOptions.defaults().withStaleness(BOUND).withTicker(nanos::get);
    cacheA = new CachingConsentStore(new JpaConsentStore(transactions), options);
    cacheB = new CachingConsentStore(new JpaConsentStore(transactions), options);
    instanceA = kit(cacheA);
    instanceB = kit(cacheB);
  }

  private GdprKit kit(CachingConsentStore store) {
    return builder(store).build();
  }

  private GdprKit.Builder builder(CachingConsentStore store) {
    return GdprKit.builder()
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
        .purpose(Purpose.of(OFFERS, LegalBasis.CONSENT, "Special offers").asDirectMarketing()
            .withConsentValidity(OFFERS_VALIDITY))
        .purpose(Purpose.of(LEAD_SCORING, LegalBasis.LEGITIMATE_INTERESTS, "Lead scoring")
            .requiring(ProcessingSwitch.PROFILING))
        .clock(clock)
        .transactions(transactions)
        .consentStore(store)
        .allowGeneratedKeys();
  }

  /** Moves the ticker and lets both caches' coarse clocks read it at once, as their next tick would. */
  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    cacheA.advanceClock();
    cacheB.advanceClock();
  }

  private DecisionReason onB(SubjectId subject) {
    return onB(subject, "newsletter");
  }

  private DecisionReason onB(SubjectId subject, String purpose) {
    return instanceB.decide(subject, purpose).reason();
  }

  @Test
  @DisplayName("a withdrawal on one instance is honoured on the other at its next poll of the change feed (Art. 7(3))")
  void honoursAWithdrawalElsewhereAtTheNextPoll() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN); // now cached on B

    instanceA.consents().withdraw(ALICE, "newsletter");

    assertThat(onB(ALICE)).as("served from B's cache until B polls").isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(cacheB.poll()).isEqualTo(1);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("with no poll at all, a withdrawal on another instance is honoured once the staleness bound has passed"
      + " (Art. 7(3))")
  void honoursAWithdrawalElsewhereWithinTheBoundWithoutPolling() {
    Duration tick = CachingConsentStore.tick(BOUND);
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    instanceA.consents().withdraw(ALICE, "newsletter");

    advance(BOUND.minus(tick).minusNanos(1));
    assertThat(onB(ALICE)).as("one tick and a nanosecond within the bound").isEqualTo(DecisionReason.CONSENT_GIVEN);
    advance(Duration.ofNanos(1));
    // the coarse clock may now go a whole tick without advancing: the ticker reaches the bound in that time
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("the shared clock thread advances the cache's clock on its own: no decision reads the ticker, yet the"
      + " bound holds (Art. 7(3))")
  void keepsTheBoundWithTheClockThreadAlone() throws InterruptedException {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    instanceA.consents().withdraw(ALICE, "newsletter");

    nanos.addAndGet(BOUND.toNanos()); // the ticker alone; the test does not advance the coarse clocks
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (onB(ALICE) == DecisionReason.CONSENT_GIVEN && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(onB(ALICE)).as("after the next tick of the clock thread").isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("a thread that never decided before sees the same clock as one that decides all the time (Art. 7(3))")
  void keepsTheBoundOnEveryThread() throws Exception {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    for (int i = 0; i < 1_000; i++) {
      assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    }
    instanceA.consents().withdraw(ALICE, "newsletter");

    advance(BOUND);

    assertThat(CompletableFuture.supplyAsync(() -> onB(ALICE)).get(30, TimeUnit.SECONDS))
        .isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("while the ticker fails, the cache serves nothing it holds and caches nothing (Art. 7(3))")
  void stopsServingWhileTheTickerFails() {
    AtomicBoolean failing = new AtomicBoolean();
    CachingConsentStore cacheC = new CachingConsentStore(new JpaConsentStore(transactions),
        ConsentCacheOptions.defaults().withStaleness(BOUND).withTicker(() -> {
          if (failing.get()) {
            throw new IllegalStateException("the host's ticker broke");
          }
          return nanos.get();
        }));
    GdprKit instanceC = kit(cacheC);
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(instanceC.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(cacheC.size()).isOne();
    instanceA.consents().withdraw(ALICE, "newsletter");

    failing.set(true);
    assertThatThrownBy(cacheC::advanceClock).isInstanceOf(IllegalStateException.class);

    assertThat(cacheC.size()).isZero();
    assertThat(instanceC.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(cacheC.size()).as("nothing cached while the clock stands").isZero();
    failing.set(false);
    cacheC.advanceClock();
    instanceC.decide(ALICE, "newsletter");
    assertThat(cacheC.size()).as("cached again once the ticker answers").isOne();
  }

  @Test
  @DisplayName("the cache holds no more subjects than its maximum size")
  void staysWithinItsMaximumSize() {
    CachingConsentStore small = new CachingConsentStore(new JpaConsentStore(transactions),
        ConsentCacheOptions.defaults().withStaleness(BOUND).withTicker(nanos::get).withMaximumSize(10));
    GdprKit instance = kit(small);
    for (int i = 0; i < 25; i++) {
      instance.consents().grant(SubjectId.of("contact-" + i), "newsletter", PROOF);
    }

    for (int i = 0; i < 25; i++) {
      assertThat(instance.decide(SubjectId.of("contact-" + i), "newsletter").reason())
          .isEqualTo(DecisionReason.CONSENT_GIVEN);
      assertThat(small.size()).isLessThanOrEqualTo(10);
    }
    assertThat(small.size()).isPositive();
  }

  @Test
  @DisplayName("a decision served from the cache allocates nothing")
  void allocatesNothingOnAHit() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    instanceB.consents().grant(ALICE, "newsletter", PROOF);
    long allowed = 0;
    for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile the path
      allowed += instanceB.decide(ALICE, "newsletter").allowed() ? 1 : 0;
    }
    long threadId = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 100_000; i++) {
      allowed += instanceB.decide(ALICE, "newsletter").allowed() ? 1 : 0;
    }
    long after = threads.getThreadAllocatedBytes(threadId);

    assertThat(allowed).isEqualTo(300_000);
    // allow for the measuring call itself; 100,000 decisions allocating even 8 bytes each would be 800,000
    assertThat(after - before).isLessThan(1_000);
  }

  @Test
  @DisplayName("a withdrawal through an instance is honoured by that instance at once, without a poll (Art. 7(3))")
  void honoursItsOwnWithdrawalAtOnce() {
    instanceB.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    instanceB.consents().withdraw(ALICE, "newsletter");

    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("a restriction placed on one instance stops processing on the other at its next poll (Art. 18(1))")
  void honoursARestrictionElsewhereAtTheNextPoll() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    instanceA.restrictions().restrict(ALICE, "accuracy contested", Actor.staff("dpo"));
    cacheB.poll();

    assertThat(onB(ALICE)).isEqualTo(DecisionReason.RESTRICTED);
  }

  @Test
  @DisplayName("an erasure on another instance, which the feed cannot see, is honoured within the staleness bound"
      + " (Art. 17(1))")
  void honoursAnErasureElsewhereWithinTheBound() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    instanceA.erasure().erase(ALICE);
    cacheB.poll();
    assertThat(onB(ALICE)).as("the deleted row is not in the feed").isEqualTo(DecisionReason.CONSENT_GIVEN);

    advance(BOUND);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.NO_CONSENT);
  }

  @Test
  @DisplayName("a poll removes only the subjects that changed since they were cached")
  void pollsRemoveOnlyWhatChanged() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    instanceA.consents().grant(BOB, "newsletter", PROOF);
    onB(ALICE);
    onB(BOB);
    instanceA.consents().withdraw(BOB, "newsletter");

    assertThat(cacheB.poll()).as("Bob only").isEqualTo(1);
    assertThat(onB(BOB)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(cacheB.poll()).as("the look-back reads Bob's change again, older than what B holds now").isZero();
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
  }

  @Test
  @DisplayName("a withdrawal committed after a later change was polled is still found by the next poll (Art. 7(3))")
  void findsAWithdrawalThatCommitsLate() throws Exception {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    instanceA.consents().grant(BOB, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    // A's withdrawal is stamped now but commits only after Bob's later change was polled
    CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.useTransaction(() -> {
      instanceA.consents().withdraw(ALICE, "newsletter");
      written.countDown();
      await(release);
    }));
    assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
    // a change to a table the slow unit has not written, which MariaDB's gap locks would otherwise hold up
    instanceA.consents().setSwitch(BOB, ProcessingSwitch.PROFILING, true, Actor.subject());
    cacheB.poll();
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    release.countDown();
    slow.get(30, TimeUnit.SECONDS);

    cacheB.poll();

    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("a grant in a unit of work that rolls back never reaches the cache, though the unit saw it (Art. 7(1))")
  void cachesNothingOfARolledBackUnit() {
    RuntimeException failure = new IllegalStateException("the host's own change failed");

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      instanceB.consents().grant(ALICE, "newsletter", PROOF);
      assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
      throw failure;
    })).isSameAs(failure);

    assertThat(onB(ALICE)).isEqualTo(DecisionReason.NO_CONSENT);
  }

  @Test
  @DisplayName("the staleness bound is positive and at most five minutes (Art. 7(3): promptly)")
  void refusesAnUnboundedStaleness() {
    assertThatThrownBy(() -> ConsentCacheOptions.defaults().withStaleness(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ConsentCacheOptions.defaults().withStaleness(Duration.ofMinutes(5).plusNanos(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ConsentCacheOptions.defaults().withLookBack(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class);
  }

  // Issue 11: a cached decision reads verdicts worked out once per cached row, for every purpose, and shared between
  // subjects; each test below fails if those verdicts outlive what they were worked out from.

  @Test
  @DisplayName("a consent that expires while its decision is cached is denied from the moment it expires, with no"
      + " reload and no poll (Art. 7)")
  void deniesAConsentThatExpiresWhileCached() {
    instanceA.consents().grant(ALICE, OFFERS, PROOF);
    assertThat(onB(ALICE, OFFERS)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    Instant expiry = START.plus(OFFERS_VALIDITY);

    clock.set(expiry.minusMillis(1));
    assertThat(onB(ALICE, OFFERS)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    clock.set(expiry);

    assertThat(onB(ALICE, OFFERS)).isEqualTo(DecisionReason.CONSENT_EXPIRED);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.NO_CONSENT);
    assertThat(cacheB.size()).as("the entry is still cached: the verdicts' window ended, not the entry").isOne();
    clock.set(START.plusSeconds(1));
    assertThat(onB(ALICE, OFFERS)).as("a clock set back finds the consent in force, as the snapshot does")
        .isEqualTo(DecisionReason.CONSENT_GIVEN);
  }

  @Test
  @DisplayName("subjects whose cached decisions are the same part when one withdraws: only that one is denied"
      + " (Art. 7(3))")
  void partsSubjectsWithTheSameDecisionsAtAWithdrawal() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    instanceA.consents().grant(BOB, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(onB(BOB)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    instanceA.consents().withdraw(ALICE, "newsletter");
    assertThat(cacheB.poll()).isOne();

    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(onB(BOB)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    instanceB.consents().withdraw(BOB, "newsletter");
    assertThat(onB(BOB)).as("its own withdrawal, at once").isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("a restriction placed on one instance and lifted on the other takes hold at once where it was made and"
      + " at the next poll elsewhere, for every purpose (Art. 18)")
  void followsARestrictionPlacedAndLifted() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    instanceA.consents().setSwitch(ALICE, ProcessingSwitch.PROFILING, true, Actor.subject());
    assertThat(instanceA.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(onB(ALICE, LEAD_SCORING)).isEqualTo(DecisionReason.LEGAL_BASIS);

    instanceA.restrictions().restrict(ALICE, "accuracy contested", Actor.staff("dpo"));
    assertThat(instanceA.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.RESTRICTED);
    cacheB.poll();
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.RESTRICTED);
    assertThat(onB(ALICE, LEAD_SCORING)).isEqualTo(DecisionReason.RESTRICTED);

    instanceB.restrictions().lift(ALICE, "accuracy verified", Actor.staff("dpo"));
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(instanceA.decide(ALICE, "newsletter").reason()).as("A has not polled yet")
        .isEqualTo(DecisionReason.RESTRICTED);
    cacheA.poll();
    assertThat(instanceA.decide(ALICE, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
  }

  @Test
  @DisplayName("an objection to direct marketing on one instance stops the direct-marketing purpose on the other at"
      + " its next poll, and only that purpose (Art. 21(3))")
  void honoursAnObjectionElsewhereAtTheNextPoll() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    instanceA.consents().grant(ALICE, OFFERS, PROOF);
    assertThat(onB(ALICE, OFFERS)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    instanceA.restrictions().objectToDirectMarketing(ALICE, Actor.subject());
    assertThat(onB(ALICE, OFFERS)).as("served from B's cache until B polls").isEqualTo(DecisionReason.CONSENT_GIVEN);
    cacheB.poll();

    assertThat(onB(ALICE, OFFERS)).isEqualTo(DecisionReason.OBJECTED);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
  }

  @Test
  @DisplayName("a switch turned off on one instance stops the purpose that needs it on the other at its next poll")
  void honoursASwitchTurnedOffElsewhereAtTheNextPoll() {
    instanceA.consents().setSwitch(ALICE, ProcessingSwitch.PROFILING, true, Actor.subject());
    assertThat(onB(ALICE, LEAD_SCORING)).isEqualTo(DecisionReason.LEGAL_BASIS);

    instanceA.consents().setSwitch(ALICE, ProcessingSwitch.PROFILING, false, Actor.subject());
    cacheB.poll();

    assertThat(onB(ALICE, LEAD_SCORING)).isEqualTo(DecisionReason.PROFILING_OFF);
  }

  @Test
  @DisplayName("the same subject id in two tenants is cached and decided apart")
  void keepsTenantsApart() {
    SubjectId aliceAtAcme = SubjectId.of(TenantId.of("acme"), ALICE.value());
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    assertThat(onB(aliceAtAcme)).isEqualTo(DecisionReason.NO_CONSENT);
    instanceB.consents().grant(aliceAtAcme, "newsletter", PROOF);
    instanceB.consents().withdraw(ALICE, "newsletter");

    assertThat(onB(aliceAtAcme)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName("two kits with different settings on one cache each decide by their own rules")
  void decidesByEachKitsOwnRules() {
    GdprKit profilingOnByDefault = builder(cacheB).switchDefault(ProcessingSwitch.PROFILING, true).build();

    assertThat(profilingOnByDefault.decide(ALICE, LEAD_SCORING).reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
    assertThat(onB(ALICE, LEAD_SCORING)).isEqualTo(DecisionReason.PROFILING_OFF);
    assertThat(profilingOnByDefault.decide(ALICE, LEAD_SCORING).reason()).isEqualTo(DecisionReason.LEGAL_BASIS);
    assertThat(onB(ALICE, LEAD_SCORING)).isEqualTo(DecisionReason.PROFILING_OFF);
  }

  @Test
  @DisplayName("the consents read after a cached decision are the subject's whole current state, and stay current")
  void servesTheWholeStateAfterACachedDecision() {
    instanceA.consents().grant(ALICE, "newsletter", PROOF);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);

    assertThat(instanceB.consents().current(ALICE).state("newsletter").status())
        .isEqualTo(ConsentStatus.GRANTED);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_GIVEN);
    instanceA.consents().withdraw(ALICE, "newsletter");
    cacheB.poll();

    assertThat(instanceB.consents().current(ALICE).state("newsletter").status())
        .isEqualTo(ConsentStatus.WITHDRAWN);
    assertThat(onB(ALICE)).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
