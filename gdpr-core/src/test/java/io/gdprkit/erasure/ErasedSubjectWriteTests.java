package io.gdprkit.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.BulkUpdate;
import io.gdprkit.consent.BulkUpdateReport;
import io.gdprkit.consent.ConsentNotGrantedException;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.erasure.ErasedSubjectException.State;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.source.Origin;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes about a subject whose erasure is under way or done are refused; a new collection only through an explicit
 * decision recorded in the tombstone journal. Issue 9.
 */
@Timeout(60)
class ErasedSubjectWriteTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final CountingProvider visits = new CountingProvider(ErasureTests.VISITS);
  private final SubjectId alice = SubjectId.of("contact-42");
  private final ConsentProof form = ConsentProof.webForm("signup", "v3").build();

  private GdprKit kit(ConsentStore ledger, List<String> calls) {
    return GdprKit.builder().clock(clock).consentStore(ledger).allowGeneratedKeys()
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News").withDataCategories(DataCategory.BEHAVIOURAL))
        .personalData(visits).onErasure((subject, scope) -> calls.add("erased")).build();
  }

  private GdprKit kit() {
    return kit(ConsentStore.inMemory(), new CopyOnWriteArrayList<>());
  }

  @Test
  void refusesAGrantAfterTheErasureSoDecideNeverSaysConsentGiven() {
    // Issue 9: a grant after an erasure succeeded and decide said CONSENT_GIVEN
    GdprKit gdpr = kit();
    gdpr.consents().grant(alice, "newsletter", form);
    gdpr.erasure().erase(alice);

    Throwable thrown = catchThrowable(() -> gdpr.consents().grant(alice, "newsletter", form));

    assertThat(thrown).isInstanceOfSatisfying(ErasedSubjectException.class,
        e -> assertThat(e.state()).isEqualTo(State.ERASED));
    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
  }

  @Test
  void refusesEveryKindOfWriteWhileTheErasureRuns() {
    // Issue 9
    GdprKit gdpr = kit();
    visits.delegate.put(alice, "v-1", Map.of("page", "/a"), Instant.parse("2025-01-01T00:00:00Z"));
    List<Throwable> refused = new ArrayList<>();
    visits.inside(subject -> {
      refused.add(catchThrowable(() -> gdpr.consents().grant(alice, "newsletter", form)));
      refused.add(catchThrowable(() -> gdpr.consents().requestConfirmation(alice, "newsletter", form)));
      refused.add(catchThrowable(() -> gdpr.consents().setSwitch(alice, ProcessingSwitch.PROFILING, true,
          Actor.subject())));
      refused.add(catchThrowable(() -> gdpr.sources().tag(alice, Origin.importFile("leads.csv"))));
    });

    gdpr.erasure().erase(alice);

    assertThat(refused).hasSize(4).allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(ErasedSubjectException.class, x -> assertThat(x.state()).isEqualTo(State.ERASING)));
    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.consents().switchHistory(alice)).isEmpty();
    assertThat(gdpr.sources().tags(alice)).isEmpty();
  }

  @Test
  void refusesSwitchesAndSourcesAfterTheErasure() {
    // Issue 9
    GdprKit gdpr = kit();
    gdpr.erasure().erase(alice);

    assertThatThrownBy(() -> gdpr.consents().setSwitch(alice, ProcessingSwitch.TRACKING, true, Actor.subject()))
        .isInstanceOf(ErasedSubjectException.class);
    assertThatThrownBy(() -> gdpr.sources().tag(alice, Origin.importFile("leads.csv")))
        .isInstanceOf(ErasedSubjectException.class);
    assertThat(gdpr.sources().tags(alice)).isEmpty();
  }

  @Test
  void refusesToConfirmADoubleOptInRequestedBeforeTheErasure() {
    // Issue 9
    GdprKit gdpr = kit();
    PendingConsent pending = gdpr.consents().requestConfirmation(alice, "newsletter", form);
    gdpr.erasure().erase(alice);

    assertThatThrownBy(() -> gdpr.consents().confirm(pending.token())).isInstanceOf(ErasedSubjectException.class);
    assertThat(gdpr.decide(alice, "newsletter").allowed()).isFalse();
  }

  @Test
  void treatsAWithdrawalAfterTheErasureAsOfConsentNeverGivenNotAsAWrite() {
    // Issue 9: withdrawing never gives consent, so it is not refused as a write; there is simply nothing to withdraw
    GdprKit gdpr = kit();
    gdpr.consents().grant(alice, "newsletter", form);
    gdpr.erasure().erase(alice);

    Throwable thrown = catchThrowable(() -> gdpr.consents().withdraw(alice, "newsletter"));

    assertThat(thrown).isInstanceOf(ConsentNotGrantedException.class);
    assertThat(gdpr.consents().history(alice)).isEmpty();
  }

  @Test
  void leavesAnErasedSubjectOutOfABulkImport() {
    // Issue 9
    GdprKit gdpr = kit();
    SubjectId bob = SubjectId.of("contact-43");
    gdpr.erasure().erase(alice);

    BulkUpdateReport report = gdpr.consents().bulkUpdate(BulkUpdate.of("newsletter", LegalBasis.CONSENT,
        Origin.importFile("list.csv"), clock.instant(), Actor.staff("user-1")), Stream.of(alice, bob), (s, c) -> true);

    assertThat(report.updated()).isEqualTo(1);
    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.decide(bob, "newsletter").allowed()).isTrue();
  }

  @Test
  void acceptsAConsentOnceTheJournalRecordsThatANewCollectionWasAllowed() {
    // Issue 9: a consent for an erased subject only as an explicit re-collection the journal knows of
    GdprKit gdpr = kit();
    gdpr.erasure().erase(alice);

    boolean allowed = gdpr.erasure().allowRecollection(alice, Actor.staff("dpo-1"));
    gdpr.consents().grant(alice, "newsletter", form);

    assertThat(allowed).isTrue();
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.CONSENT_GIVEN);
    assertThat(gdpr.erasure().wasErased(alice)).isFalse();
    assertThat(gdpr.erasure().allowRecollection(alice, Actor.staff("dpo-1"))).isFalse();
    assertThat(gdpr.erasure().allowRecollection(SubjectId.of("never-erased"), Actor.staff("dpo-1"))).isFalse();
  }

  @Test
  void erasingARecollectedSubjectAgainRefusesWritesAgain() {
    // Issue 9
    GdprKit gdpr = kit();
    gdpr.erasure().erase(alice);
    gdpr.erasure().allowRecollection(alice, Actor.staff("dpo-1"));
    gdpr.consents().grant(alice, "newsletter", form);

    gdpr.erasure().erase(alice);

    assertThat(gdpr.erasure().wasErased(alice)).isTrue();
    assertThatThrownBy(() -> gdpr.consents().grant(alice, "newsletter", form))
        .isInstanceOf(ErasedSubjectException.class);
  }

  @Test
  void keepsTombstonesOfEachTenantApart() {
    // Issue 9
    GdprKit gdpr = kit();
    SubjectId acmeAlice = SubjectId.of(TenantId.of("acme"), alice.value());
    gdpr.erasure().erase(acmeAlice);

    gdpr.consents().grant(alice, "newsletter", form);

    assertThat(gdpr.decide(alice, "newsletter").allowed()).isTrue();
    assertThat(gdpr.erasure().wasErased(acmeAlice)).isTrue();
    assertThat(gdpr.erasure().wasErased(alice)).isFalse();
  }

  @Test
  void grantsRacingAnErasureLeaveNoConsentBehind() throws Exception {
    // Issue 9: a grant that raced an erasure succeeded
    GdprKit gdpr = kit();
    visits.delegate.put(alice, "v-1", Map.of("page", "/a"), Instant.parse("2025-01-01T00:00:00Z"));
    AtomicBoolean erased = new AtomicBoolean();
    CountDownLatch granted = new CountDownLatch(1);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> granters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      granters.add(pool.submit(() -> {
        int accepted = 0;
        while (!erased.get()) {
          try {
            gdpr.consents().grant(alice, "newsletter", form);
            granted.countDown();
            accepted++;
          } catch (ErasedSubjectException refused) {
            // expected once the erasure started
          }
        }
        return accepted;
      }));
    }

    assertThat(granted.await(10, TimeUnit.SECONDS)).isTrue(); // grants land before the erasure starts
    gdpr.erasure().erase(alice);
    erased.set(true);
    for (Future<Integer> granter : granters) {
      granter.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
  }

  @Test
  void replaysTheJournalPageByPageWithoutListingEverySubjectFirst() {
    // Issue 9: replayTombstones() loaded every id into a list
    List<String> calls = new CopyOnWriteArrayList<>();
    ConsentStore ledger = pagesRecorded(ConsentStore.inMemory(), calls);
    GdprKit gdpr = kit(ledger, calls);
    gdpr.erasure().erase(alice);
    GdprKit backup = GdprKit.builder().clock(clock).consentStore(ledger).allowGeneratedKeys()
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
    backup.consents().grant(alice, "newsletter", form);
    IntStream.range(0, 1_200).forEach(i -> backup.consents().grant(SubjectId.of("contact-9" + i), "newsletter", form));
    calls.clear();

    ReplayReport replay = gdpr.erasure().replayTombstones();

    assertThat(replay.examined()).isEqualTo(1_201);
    assertThat(replay.erasedAgain()).hasSize(1);
    assertThat(calls).startsWith("page", "erased", "page");
  }

  /** Wraps a consent store so that each page of subjects read is recorded. */
  private static ConsentStore pagesRecorded(ConsentStore store, List<String> calls) {
    return (ConsentStore) Proxy.newProxyInstance(ConsentStore.class.getClassLoader(),
        new Class<?>[] {ConsentStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("subjects")) {
            calls.add("page");
          }
          try {
            return method.invoke(store, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
