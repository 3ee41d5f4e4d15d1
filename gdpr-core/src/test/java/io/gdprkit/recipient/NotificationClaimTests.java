package io.gdprkit.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.recipient.spi.RecipientNotifier;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Art. 19 notifications shared by two kit instances over the same stores: each is delivered once, whoever retries,
 * and a sender that died is taken over once its lease runs out. Issue 9.
 */
@Timeout(60)
class NotificationClaimTests {

  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Actor SYNC = Actor.system("sync");

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final DisclosureStore log = DisclosureStore.inMemory(clock);
  private final RecipientStore register = RecipientStore.inMemory();
  private final ConsentStore ledger = ConsentStore.inMemory();
  private final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final AtomicReference<Runnable> duringDelivery = new AtomicReference<>(() -> {});
  private volatile boolean down = true;

  /** Counts deliveries per notification; fails while down; runs the hook inside a delivery. */
  private final RecipientNotifier notifier = (recipient, notification) -> {
    if (down) {
      throw new IllegalStateException("endpoint unreachable");
    }
    duringDelivery.getAndSet(() -> {}).run();
    deliveries.computeIfAbsent(notification.id(), id -> new AtomicInteger()).incrementAndGet();
  };

  private GdprKit instance(String id) {
    return GdprKit.builder().clock(clock).instanceId(id).workLease(LEASE)
        .disclosureStore(log).recipientStore(register).consentStore(ledger).recipientNotifier(notifier)
        .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices").withDataCategories(DataCategory.FINANCIAL))
        .build();
  }

  /** Discloses each subject to the bank and restricts it while the bank is unreachable: failed notifications. */
  private List<SubjectId> failedNotifications(GdprKit gdpr, int subjects) {
    gdpr.recipients().register(Recipient.of("bank", RecipientKind.THIRD_PARTY, "Bank", "privacy@bank.example",
        CountryCode.of("AT")), Actor.staff("dpo"));
    List<SubjectId> all = IntStream.range(0, subjects).mapToObj(i -> SubjectId.of("contact-" + i)).toList();
    for (SubjectId subject : all) {
      gdpr.recipients().disclose(subject, "bank", "billing", Set.of(DataCategory.FINANCIAL), SYNC);
      gdpr.restrictions().restrict(subject, "accuracy contested", Actor.staff("dpo"));
    }
    assertThat(gdpr.recipients().undeliveredNotifications(1_000)).hasSize(subjects);
    down = false;
    return all;
  }

  @Test
  void aSecondInstanceRetryingWhileTheFirstDeliversSendsNothingTwice() {
    // Issue 9: undelivered(limit) claimed nothing, so two instances sent the same notification twice
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    failedNotifications(a, 20);
    int[] deliveredByB = {-1};
    duringDelivery.set(() -> deliveredByB[0] = b.recipients().retryNotifications(100));

    int deliveredByA = a.recipients().retryNotifications(100);

    assertThat(deliveredByB[0]).isZero();
    assertThat(deliveredByA).isEqualTo(20);
    assertThat(deliveries).hasSize(20).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
    assertThat(a.recipients().undeliveredNotifications(100)).isEmpty();
  }

  @Test
  void twoInstancesRetryingFromManyThreadsDeliverEveryNotificationExactlyOnce() throws Exception {
    // Issue 9
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    int subjects = 200;
    failedNotifications(a, subjects);
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> senders = new ArrayList<>();

    for (int t = 0; t < threads; t++) {
      GdprKit kit = t % 2 == 0 ? a : b;
      senders.add(pool.submit(() -> {
        start.await();
        int delivered = 0;
        while (!kit.recipients().undeliveredNotifications(1).isEmpty()) {
          delivered += kit.recipients().retryNotifications(3);
        }
        return delivered;
      }));
    }
    int delivered = 0;
    for (Future<Integer> sender : senders) {
      delivered += sender.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(delivered).isEqualTo(subjects);
    assertThat(deliveries).hasSize(subjects).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
  }

  @Test
  void anotherInstanceTakesOverANotificationOnceTheLeaseOfTheSenderThatDiedRunsOut() {
    // Issue 9
    GdprKit a = instance("a");
    GdprKit b = instance("b");
    failedNotifications(a, 1);
    duringDelivery.set(() -> {
      throw new SenderDied();
    });
    assertThatThrownBy(() -> a.recipients().retryNotifications(10)).isInstanceOf(SenderDied.class);

    int whileLeased = b.recipients().retryNotifications(10);
    clock.advance(LEASE.plusSeconds(1));
    int afterExpiry = b.recipients().retryNotifications(10);

    assertThat(whileLeased).isZero();
    assertThat(afterExpiry).isEqualTo(1);
    assertThat(deliveries).hasSize(1).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
    assertThat(a.recipients().undeliveredNotifications(10)).isEmpty();
  }

  /** Stands for a JVM that stops in the middle of a delivery: no outcome is saved, no claim released. */
  private static final class SenderDied extends Error {
    private static final long serialVersionUID = 1L;
  }
}
