package io.gdprkit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.TestClock;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.InMemoryPersonalDataProvider;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two kit instances sweep the same shared stores: every due subject is erased once, and a sweep that dies leaves
 * its subject to another instance once the lease runs out (Issue 9: retention sweeps claimed with owner and lease).
 */
@Timeout(60)
class RetentionClaimTests {

  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final RetentionRule INACTIVE =
      RetentionRule.forSubjects("inactive", Duration.ofDays(30), RetentionRule.Action.ERASE);

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final Map<SubjectId, AtomicInteger> erasures = new ConcurrentHashMap<>();
  private final AtomicBoolean dies = new AtomicBoolean();
  private final InMemoryPersonalDataProvider contacts = new InMemoryPersonalDataProvider(RetentionTests.CONTACTS);
  /** The contacts, counting erasures and dying once when told to, as a JVM killed mid-sweep would. */
  private final PersonalDataProvider counted = new PersonalDataProvider() {
    @Override
    public ProviderDescriptor describe() {
      return contacts.describe();
    }

    @Override
    public void export(SubjectId subject, DataSink sink) {
      contacts.export(subject, sink);
    }

    @Override
    public void erase(SubjectId subject, ErasureContext context) {
      if (dies.getAndSet(false)) {
        throw new InstanceDied();
      }
      erasures.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
      contacts.erase(subject, context);
    }
  };
  private final ConsentStore consents = ConsentStore.inMemory();
  private final SourceStore sources = SourceStore.inMemory();
  private final SuppressionStore suppression = SuppressionStore.inMemory();
  private final ErasureStore erasureStore = ErasureStore.inMemory(clock);
  private final RetentionStore retention = RetentionStore.inMemory();
  private final PseudonymKey pseudonymKey = PseudonymKey.generate();

  private static final class InstanceDied extends Error {
    private static final long serialVersionUID = 1L;
  }

  private GdprKit instance(String id) {
    return GdprKit.builder().clock(clock).instanceId(id).workLease(LEASE).pseudonymKey(pseudonymKey)
        .consentStore(consents).sourceStore(sources).suppressionStore(suppression).erasureStore(erasureStore)
        .retentionStore(retention).personalData(counted).retention(INACTIVE).build();
  }

  private SubjectId lead(GdprKit gdpr, int i) {
    SubjectId subject = SubjectId.of(String.format("lead-%03d", i));
    contacts.put(subject, "c-" + i, Map.of("email", "lead" + i + "@example.com", "score", 7), clock.instant());
    gdpr.retention().recordActivity(subject, clock.instant().minus(Duration.ofDays(31)));
    return subject;
  }

  @Test
  void erasesEveryDueSubjectOnceWhenTwoInstancesSweepAtOnce() throws Exception {
    GdprKit one = instance("one");
    GdprKit two = instance("two");
    List<SubjectId> leads = IntStream.range(0, 120).mapToObj(i -> lead(one, i)).toList();

    long processed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        GdprKit kit = t % 2 == 0 ? one : two;
        futures.add(pool.submit(() -> {
          start.await();
          long mine = 0;
          SweepReport report;
          do {
            report = kit.retention().sweep(10);
            mine += report.processed();
          } while (report.more());
          return mine;
        }));
      }
      start.countDown();
      for (Future<Long> future : futures) {
        processed += future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(processed).isEqualTo(leads.size());
    assertThat(erasures).hasSize(leads.size()).allSatisfy((subject, count) -> assertThat(count.get()).isEqualTo(1));
    assertThat(leads).allSatisfy(subject -> assertThat(contacts.records(subject)).isEmpty());
    assertThat(one.erasure().records()).hasSize(leads.size());
  }

  @Test
  void anotherInstanceTakesOverASubjectOnceTheLeaseOfTheSweepThatDiedRunsOut() {
    GdprKit one = instance("one");
    GdprKit two = instance("two");
    SubjectId lead = lead(one, 7);
    dies.set(true);

    assertThatThrownBy(() -> one.retention().sweep(10)).isInstanceOf(InstanceDied.class);
    SweepReport whileLeased = two.retention().sweep(10);
    clock.advance(LEASE.plusSeconds(1));
    SweepReport afterExpiry = two.retention().sweep(10);

    assertThat(whileLeased.processed()).isZero();
    assertThat(afterExpiry.processed()).isEqualTo(1);
    assertThat(erasures.get(lead)).hasValue(1);
    assertThat(contacts.records(lead)).isEmpty();
    assertThat(two.erasure().wasErased(lead)).isTrue();
    assertThat(two.retention().sweep(10).processed()).isZero();
  }
}
