package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Many threads granting and withdrawing one subject and purpose at once. Within one kit, writers queue on a lock
 * stripe; kits sharing a store (application instances on one database) meet at the store's sequence check and retry.
 */
class ConsentRaceTests {

  private static final int THREADS = 8;
  private static final int OPERATIONS_PER_THREAD = 500;

  @RepeatedTest(3)
  void endsWithALedgerWhoseFoldIsItsLastEventAndADecisionThatAgrees() throws Exception {
    GdprKit gdpr = kit(ConsentStore.inMemory());

    race(gdpr, gdpr);
  }

  /** Two application instances on one database: their writers meet only at the store's sequence check. */
  @RepeatedTest(3)
  void keepsTheLedgerConsistentWhenTwoKitsShareOneStore() throws Exception {
    ConsentStore shared = ConsentStore.inMemory();

    race(kit(shared), kit(shared));
  }

  private static GdprKit kit(ConsentStore store) {
    return GdprKit.builder().consentStore(store).purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "News")).build();
  }

  private static void race(GdprKit one, GdprKit other) throws Exception {
    SubjectId alice = SubjectId.of("contact-42");
    AtomicInteger refusedWithdrawals = new AtomicInteger();
    AtomicInteger succeeded = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();

    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      GdprKit gdpr = t % 2 == 0 ? one : other;
      futures.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
          if ((i + thread) % 2 == 0) {
            gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("f", "1").build());
            succeeded.incrementAndGet();
          } else {
            try {
              gdpr.consents().withdraw(alice, "newsletter");
              succeeded.incrementAndGet();
            } catch (ConsentNotGrantedException alreadyWithdrawn) {
              refusedWithdrawals.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    GdprKit gdpr = other;
    List<ConsentEvent> ledger = gdpr.consents().history(alice, "newsletter");
    ConsentEvent last = ledger.get(ledger.size() - 1);
    ConsentState folded = ConsentState.fold(ledger).orElseThrow();
    assertThat(ledger).hasSize(succeeded.get());
    assertThat(succeeded.get() + refusedWithdrawals.get()).isEqualTo(THREADS * OPERATIONS_PER_THREAD);
    assertThat(ledger).extracting(ConsentEvent::sequence)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, ledger.size()).boxed().toList());
    assertThat(folded.eventId()).isEqualTo(last.id());
    assertThat(folded.status()).isEqualTo(last.type() == ConsentEventType.GRANTED ? ConsentStatus.GRANTED
        : ConsentStatus.WITHDRAWN);
    assertThat(gdpr.consents().state(alice, "newsletter")).contains(folded);
    assertThat(gdpr.decide(alice, "newsletter").reason()).isEqualTo(
        folded.status() == ConsentStatus.GRANTED ? DecisionReason.CONSENT_GIVEN : DecisionReason.CONSENT_WITHDRAWN);
    // Every withdrawal in the ledger took effect: none follows another withdrawal.
    for (int i = 1; i < ledger.size(); i++) {
      if (ledger.get(i).type() == ConsentEventType.WITHDRAWN) {
        assertThat(ledger.get(i - 1).type()).isEqualTo(ConsentEventType.GRANTED);
      }
    }
  }
}
