package io.gdprkit.gpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ForwardingConsentStore;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two requests carrying the same signal for the same subject at once, on two application instances that share one
 * database (two kits on shared stores): they meet only at the stores' sequence checks, and each withdrawal, objection
 * and record is written once.
 */
@Timeout(60)
class GpcRaceTests {

  private static final GpcSignal SIGNAL = GpcSignal.fromHeaders(RequestHeaders.of(Map.of("Sec-GPC", List.of("1"))))
      .orElseThrow().atPage("https://shop.example/");

  private final ConsentStore consents = ConsentStore.inMemory();
  private final GpcStore signals = GpcStore.inMemory();

  private GdprKit instance(ConsentStore store) {
    return GdprKit.builder()
        .consentStore(store)
        .gpcStore(signals)
        .allowGeneratedKeys()
        .purpose(Purpose.of("ad-sharing", LegalBasis.CONSENT, "Sharing with ad partners"))
        .purpose(Purpose.of("analytics", LegalBasis.LEGITIMATE_INTERESTS, "Cross-site analytics"))
        .gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing").withObjection("analytics"))
        .build();
  }

  @Test
  @DisplayName("GPC §3.3, Art. 21(5): the request that loses the race at the store re-reads, finds the withdrawal, "
      + "objection and record made by the other, and writes nothing")
  void theLoserOfARaceFindsTheWinnersChangesAndWritesNothing() throws Exception {
    SubjectId alice = SubjectId.of("contact-42");
    CountDownLatch loserRead = new CountDownLatch(1);
    CountDownLatch winnerDone = new CountDownLatch(1);
    // The loser's instance has read Alice's granted consent and is about to append its withdrawal when it pauses.
    GdprKit loser = instance(new PausingConsentStore(consents, loserRead, winnerDone));
    GdprKit winner = instance(consents);
    winner.consents().grant(alice, "ad-sharing", ConsentProof.webForm("signup", "v3").build());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<GpcOutcome> late = pool.submit(() -> loser.gpc().apply(alice, SIGNAL));
      assertThat(loserRead.await(10, TimeUnit.SECONDS)).isTrue();

      GpcOutcome first = winner.gpc().apply(alice, SIGNAL);
      winnerDone.countDown();
      GpcOutcome second = late.get(10, TimeUnit.SECONDS);

      assertThat(first.withdrawals()).hasSize(1);
      assertThat(first.objections()).hasSize(1);
      assertThat(first.record()).isNotNull();
      assertThat(second).as("the loser's append was refused, and on its retry everything was on record")
          .isEqualTo(GpcOutcome.nothing());
      assertWrittenOnce(winner, alice);
    } finally {
      pool.shutdownNow();
    }
  }

  @RepeatedTest(3)
  @DisplayName("GPC §3.3, Art. 21(5): many requests of one subject on two instances at once make and record each "
      + "change once")
  void manyRacingRequestsRecordEachChangeOnce() throws Exception {
    GdprKit one = instance(consents);
    GdprKit other = instance(consents);
    int subjects = 20;
    int threads = 6;
    List<SubjectId> all = new ArrayList<>();
    for (int i = 0; i < subjects; i++) {
      SubjectId subject = SubjectId.of("racer-" + i);
      one.consents().grant(subject, "ad-sharing", ConsentProof.webForm("signup", "v3").build());
      all.add(subject);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (SubjectId subject : all) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<GpcOutcome>> requests = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          GdprKit gdpr = t % 2 == 0 ? one : other;
          requests.add(pool.submit(() -> {
            start.await();
            return gdpr.gpc().apply(subject, SIGNAL);
          }));
        }
        start.countDown();
        int withdrawals = 0;
        int objections = 0;
        for (Future<GpcOutcome> request : requests) {
          GpcOutcome outcome = request.get(20, TimeUnit.SECONDS);
          withdrawals += outcome.withdrawals().size();
          objections += outcome.objections().size();
        }

        assertThat(withdrawals).as("withdrawals reported for %s", subject).isEqualTo(1);
        assertThat(objections).as("objections reported for %s", subject).isEqualTo(1);
        assertChangedOnce(one, subject);
        // Racing requests may each record the part they changed, and one that changed nothing may record the first
        // signal; no change is recorded twice, and a record that changed nothing can only be the first.
        List<GpcSignalRecord> records = one.gpc().history(subject);
        assertThat(records.stream().flatMap(r -> r.withdrawn().stream())).containsExactly("ad-sharing");
        assertThat(records.stream().flatMap(r -> r.objected().stream())).containsExactly("analytics");
        assertThat(records.subList(1, records.size())).allSatisfy(r -> assertThat(r.changedAnything()).isTrue());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertWrittenOnce(GdprKit gdpr, SubjectId subject) {
    assertChangedOnce(gdpr, subject);
    assertThat(gdpr.gpc().history(subject)).singleElement().satisfies(record -> {
      assertThat(record.withdrawn()).containsExactly("ad-sharing");
      assertThat(record.objected()).containsExactly("analytics");
    });
  }

  private static void assertChangedOnce(GdprKit gdpr, SubjectId subject) {
    assertThat(gdpr.consents().history(subject, "ad-sharing")).extracting(ConsentEvent::type)
        .containsExactly(ConsentEventType.GRANTED, ConsentEventType.WITHDRAWN);
    assertThat(gdpr.restrictions().objectionHistory(subject)).extracting(ObjectionChange::purpose)
        .containsExactly("analytics");
  }

  /**
   * A consent store of one instance whose first consent append waits, after its caller read the state, until the
   * other instance has finished; then it appends the stale event, which the shared store refuses.
   */
  private static final class PausingConsentStore extends ForwardingConsentStore {

    private final CountDownLatch paused;
    private final CountDownLatch resume;
    private final AtomicBoolean first = new AtomicBoolean(true);

    PausingConsentStore(ConsentStore shared, CountDownLatch paused, CountDownLatch resume) {
      super(shared);
      this.paused = paused;
      this.resume = resume;
    }

    @Override
    public void append(ConsentEvent event) {
      if (first.compareAndSet(true, false)) {
        paused.countDown();
        try {
          if (!resume.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other instance did not finish");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      super.append(event);
    }
  }
}
