package io.gdprkit.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.consent.spi.DecisionMemo;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Decisions through a store that holds the decision service's verdicts ({@link DecisionMemo}, issue 11) are the
 * decisions the rules give on the snapshot: the same at every step of a subject's life, and never older than the
 * consents they were worked out from, even from a memo that holds them until the next write.
 */
class DecisionMemoTests {

  private static final List<String> PURPOSES = List.of("newsletter", "offers", "lead-scoring", "ip-tracking",
      "billing");

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final SubjectId bob = SubjectId.of("contact-43");
  private final HoldingStore holding = new HoldingStore(ConsentStore.inMemory());
  private final GdprKit memoised = kit(holding.proxy());
  private final GdprKit plain = kit(ConsentStore.inMemory());

  private GdprKit kit(ConsentStore store) {
    return GdprKit.builder()
        .clock(clock)
        .consentStore(store)
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withConsentValidity(Period.ofMonths(6)))
        .purpose(Purpose.of("offers", LegalBasis.CONSENT, "Special offers").asDirectMarketing())
        .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Score leads")
            .requiring(ProcessingSwitch.PROFILING))
        .purpose(Purpose.of("ip-tracking", LegalBasis.CONSENT, "Track visits").requiring(ProcessingSwitch.TRACKING))
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
        .allowGeneratedKeys()
        .build();
  }

  private static ConsentProof form() {
    return ConsentProof.webForm("f", "1").build();
  }

  private static Map<String, Decision> decisions(GdprKit gdpr, SubjectId subject) {
    Map<String, Decision> all = new LinkedHashMap<>();
    for (String purpose : PURPOSES) {
      all.put(purpose, gdpr.decide(subject, purpose));
    }
    return all;
  }

  @Test
  void decidesAsTheSnapshotDoesAtEveryStepOfASubjectsLife() {
    List<Consumer<GdprKit>> steps = List.of(
        gdpr -> { },
        gdpr -> gdpr.consents().requestConfirmation(alice, "newsletter", form()),
        gdpr -> gdpr.consents().grant(alice, "newsletter", form()),
        gdpr -> gdpr.consents().grant(alice, "offers", form()),
        gdpr -> gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true, Actor.subject()),
        gdpr -> gdpr.consents().grant(alice, "ip-tracking", form()),
        gdpr -> gdpr.consents().setSwitch(alice, ProcessingSwitch.TRACKING, true, Actor.subject()),
        gdpr -> gdpr.restrictions().restrict(alice, "accuracy contested", Actor.staff("dpo")),
        gdpr -> gdpr.restrictions().lift(alice, "accuracy verified", Actor.staff("dpo")),
        gdpr -> gdpr.restrictions().object(alice, "lead-scoring", "I moved abroad", Actor.subject()),
        gdpr -> gdpr.restrictions().objectToDirectMarketing(alice, Actor.subject()),
        gdpr -> gdpr.consents().setSwitch(alice, ProcessingSwitch.TRACKING, false, Actor.subject()),
        gdpr -> gdpr.consents().withdraw(alice, "ip-tracking"));
    List<Map<String, Decision>> expected = new ArrayList<>();
    List<Map<String, Decision>> actual = new ArrayList<>();

    for (Consumer<GdprKit> step : steps) {
      step.accept(plain);
      step.accept(memoised);
      expected.add(decisions(plain, alice));
      actual.add(decisions(memoised, alice));
      actual.add(decisions(memoised, alice)); // the second time from the memo
      expected.add(expected.get(expected.size() - 1));
    }
    clock.advance(Duration.ofDays(200)); // past the newsletter consent's six months
    expected.add(decisions(plain, alice));
    actual.add(decisions(memoised, alice));

    assertThat(actual).isEqualTo(expected);
    assertThat(expected.get(expected.size() - 1).get("newsletter").reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);
    assertThat(holding.served.get()).as("decisions were served from the memo").isGreaterThan(steps.size() * 5);
  }

  @Test
  void deniesAHeldConsentFromTheMomentItExpires() {
    memoised.consents().grant(alice, "newsletter", form());
    assertThat(memoised.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(holding.loads.get()).isOne();
    Duration untilExpiry = Duration.between(clock.instant(), clock.instant().atZone(ZoneOffset.UTC).plusMonths(6));

    clock.advance(untilExpiry.minusMillis(1));
    assertThat(memoised.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    clock.advance(Duration.ofMillis(1));
    assertThat(memoised.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_EXPIRED);
    clock.advance(Duration.ofMillis(-1));
    assertThat(memoised.decide(alice, "newsletter").reason()).as("a clock set back: in force again")
        .isEqualTo(DecisionReason.CONSENT_GIVEN);

    assertThat(holding.loads.get()).as("the memo held the verdicts throughout; their window did the work").isOne();
  }

  @Test
  void sharesVerdictsBetweenSubjectsWithTheSameDecisions() {
    memoised.consents().grant(alice, "offers", form());
    memoised.consents().grant(bob, "offers", form());
    memoised.decide(alice, "offers");
    memoised.decide(bob, "offers");

    assertThat(holding.memo().verdicts(alice)).isNotNull().isSameAs(holding.memo().verdicts(bob));
    memoised.consents().withdraw(bob, "offers");
    assertThat(memoised.decide(bob, "offers").reason()).isEqualTo(DecisionReason.CONSENT_WITHDRAWN);
    assertThat(memoised.decide(alice, "offers").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
  }

  /**
   * A consent store that holds verdicts from its first decision until the next write through it, whatever the time:
   * the longest a {@link DecisionMemo} may hold them, so that only the decision service's own checks keep them
   * current. Every call of the store goes to the in-memory one behind it.
   */
  private static final class HoldingStore implements InvocationHandler {
    private static final Set<String> READS = Set.of("current", "history", "historyUntil", "switchHistory",
        "restrictionHistory", "objectionHistory", "rightToObjectPresentations", "subjects", "grantedExpiringBy",
        "hashCode", "equals", "toString");

    private final ConsentStore store;
    private final Map<SubjectId, DecisionMemo.Verdicts> held = new ConcurrentHashMap<>();
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger served = new AtomicInteger();
    private final Object proxy;

    HoldingStore(ConsentStore store) {
      this.store = store;
      this.proxy = Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ConsentStore.class, DecisionMemo.class}, this);
    }

    ConsentStore proxy() {
      return (ConsentStore) proxy;
    }

    DecisionMemo memo() {
      return (DecisionMemo) proxy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "verdicts" -> {
          DecisionMemo.Verdicts verdicts = held.get((SubjectId) args[0]);
          if (verdicts != null) {
            served.incrementAndGet();
          }
          return verdicts;
        }
        case "load" -> {
          return held.computeIfAbsent((SubjectId) args[0], subject -> {
            loads.incrementAndGet();
            return ((Function<SubjectConsents, DecisionMemo.Verdicts>) args[1])
                .apply(store.current(subject));
          });
        }
        default -> {
          if (!READS.contains(method.getName())) {
            held.clear(); // a write: drop everything, as a cache drops at least the subject written
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    }
  }
}
