package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.internal.DefaultAuditService;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Checkpoints by policy and on demand, proofs and verification through the kit, and appends racing them. */
class AuditCheckpointTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final TenantId acme = TenantId.of("acme");
  private final SigningKey key = SigningKey.of("audit-2026", new byte[32]);
  private final VerificationKey publicKey = key.verificationKey();

  private GdprKit kit(long everyEntries, AuditStore store) {
    return GdprKit.builder().clock(clock).signingKey(key).allowGeneratedKeys().auditStore(store)
        .auditCheckpoints(CheckpointPolicy.of(everyEntries, Duration.ofMinutes(1))).build();
  }

  private AuditRecord record(int n) {
    return new AuditRecord(AuditKind.ACCESSED, acme, "k1:p" + n, Actor.staff("dpo"), null,
        Map.of("n", Integer.toString(n)));
  }

  private void append(GdprKit gdpr, int count) {
    for (int i = 0; i < count; i++) {
      gdpr.audit().append(record(i));
    }
  }

  @Test
  void signsACheckpointEveryNEntries() {
    GdprKit gdpr = kit(10, AuditStore.inMemory());

    append(gdpr, 25);

    Checkpoint latest = gdpr.audit().latestCheckpoint(acme).orElseThrow();
    assertThat(latest.treeSize()).isEqualTo(20);
    assertThat(latest.lastEntryHash()).isEqualTo(gdpr.audit().entries(acme, 19, 1).get(0).hash());
    assertThat(latest.keyId()).isEqualTo("audit-2026");
    assertThatCode(() -> AuditProofVerifier.verifyCheckpoint(latest, gdpr.signingKey().verificationKey()))
        .doesNotThrowAnyException();
  }

  @Test
  void signsACheckpointAtTheFirstAppendOnceTheIntervalHasPassed() {
    GdprKit gdpr = kit(1_000, AuditStore.inMemory());
    append(gdpr, 3);
    assertThat(gdpr.audit().latestCheckpoint(acme)).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    gdpr.audit().append(record(3));

    assertThat(gdpr.audit().latestCheckpoint(acme)).get().extracting(Checkpoint::treeSize).isEqualTo(4L);
    assertThat(gdpr.audit().latestCheckpoint(acme).orElseThrow().at()).isEqualTo(clock.instant());
  }

  @Test
  void signsOnDemandOncePerSize() {
    GdprKit gdpr = kit(1_000, AuditStore.inMemory());
    assertThatThrownBy(() -> gdpr.audit().checkpoint(acme)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no audit entries");
    append(gdpr, 3);

    Checkpoint first = gdpr.audit().checkpoint(acme);
    clock.advance(Duration.ofSeconds(5));
    Checkpoint again = gdpr.audit().checkpoint(acme);

    assertThat(first.treeSize()).isEqualTo(3);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void provesAnEntryAndAnExtensionToAnAuditorWhoHoldsOnlyThePublicKey() {
    GdprKit gdpr = kit(1_000, AuditStore.inMemory());
    append(gdpr, 37);
    Checkpoint older = gdpr.audit().checkpoint(acme);
    append(gdpr, 50);
    Checkpoint newer = gdpr.audit().checkpoint(acme);
    AuditEntry entry = gdpr.audit().entries(acme, 21, 1).get(0);

    InclusionProof inclusion = gdpr.audit().inclusionProof(acme, 21, Checkpoint.parse(newer.toBytes()));
    ConsistencyProof consistency = gdpr.audit().consistencyProof(acme, older, newer);

    assertThatCode(() -> AuditProofVerifier.verifyInclusion(entry, inclusion, newer, publicKey))
        .doesNotThrowAnyException();
    assertThatCode(() -> AuditProofVerifier.verifyConsistency(older, newer, consistency, publicKey))
        .doesNotThrowAnyException();
    assertThat(inclusion.path()).hasSize(7);
  }

  @Test
  void findsATruncatedTailAgainstTheLatestCheckpoint() {
    ListAuditStore store = new ListAuditStore();
    GdprKit gdpr = kit(10, store);
    append(gdpr, 23);

    store.entries.subList(15, 23).clear();

    VerificationResult result = gdpr.audit().verify(acme);
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(15);
    assertThat(result.problem()).contains("checkpoint at size 20", "removed");
  }

  @Test
  void findsACheckpointThatAnotherKeySigned() {
    CheckpointStore checkpoints = CheckpointStore.inMemory();
    AuditStore store = AuditStore.inMemory();
    AuditService audit = new DefaultAuditService(store, checkpoints, key, CheckpointPolicy.of(10, Duration.ofDays(1)),
        clock);
    for (int i = 0; i < 12; i++) {
      audit.append(record(i));
    }
    AuditEntry last = audit.entries(acme, 11, 1).get(0);
    Checkpoint forged = Checkpoint.sign(acme, 12, AuditHash.ZERO, last.hash(), clock.instant(),
        SigningKey.of("audit-2026", new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
            9, 9, 9, 9, 9, 9, 9, 9, 9}));
    checkpoints.add(forged);

    VerificationResult result = audit.verify(acme);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(11);
    assertThat(result.problem()).contains("checkpoint at size 12 does not verify");
  }

  @Test
  void verifiesARangeFromTheNearestCheckpointAtOrBeforeIt() {
    GdprKit gdpr = kit(1_000, AuditStore.inMemory());
    append(gdpr, 2_500);

    VerificationResult range = gdpr.audit().verify(acme, 2_100, 2_200);
    VerificationResult fromStart = gdpr.audit().verify(acme, 0, 10);
    VerificationResult whole = gdpr.audit().verify(acme);

    assertThat(range).isEqualTo(VerificationResult.ok(200)); // entries 2,000 to 2,199
    assertThat(fromStart).isEqualTo(VerificationResult.ok(10));
    assertThat(whole).isEqualTo(VerificationResult.ok(2_500));
    assertThatThrownBy(() -> gdpr.audit().verify(acme, 5, 4)).isInstanceOf(InvalidInputException.class);
  }

  /**
   * A checkpoint taken while four threads append covers exactly a prefix of the final chain: its last entry hash is
   * that of the entry at its size, and a consistency proof to the final checkpoint verifies.
   */
  @Test
  void signsConsistentCheckpointsWhileAppendsRun() throws Exception {
    GdprKit gdpr = kit(1_000_000, AuditStore.inMemory());
    AtomicBoolean appending = new AtomicBoolean(true);
    List<Checkpoint> taken = new ArrayList<>();
    CountDownLatch firstTaken = new CountDownLatch(1);

    // The thread appending its 150th record waits for the first checkpoint, so one is always taken mid-stream
    // however the threads are scheduled (without it, on a busy machine the appends could all finish first).
    race(4, 300, n -> {
      if (n == 150) {
        awaitUninterruptibly(firstTaken);
      }
      gdpr.audit().append(record(n));
    }, () -> {
      while (appending.get()) {
        if (gdpr.audit().size(acme) > 0) {
          taken.add(gdpr.audit().checkpoint(acme));
          firstTaken.countDown();
        }
        Thread.yield();
      }
    }, appending);

    Checkpoint last = gdpr.audit().checkpoint(acme);
    assertThat(last.treeSize()).isEqualTo(1_200);
    assertThat(taken).isNotEmpty();
    for (Checkpoint checkpoint : taken) {
      AuditEntry atSize = gdpr.audit().entries(acme, checkpoint.treeSize() - 1, 1).get(0);
      assertThat(checkpoint.lastEntryHash()).isEqualTo(atSize.hash());
      AuditProofVerifier.verifyConsistency(checkpoint, last, gdpr.audit().consistencyProof(acme, checkpoint, last),
          publicKey);
    }
    assertThat(gdpr.audit().verify(acme)).isEqualTo(VerificationResult.ok(1_200));
  }

  /** Appends that queue behind a slow store are written in batches, still in one gap-free order. */
  @Test
  void writesAppendsThatQueueUpAsOneBatch() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    AuditStore slow = new ForwardingAuditStore() {
      @Override
      public int appendAll(TenantId tenant, List<AuditEntry> entries) {
        batches.incrementAndGet();
        try {
          Thread.sleep(2); // a database round trip
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.appendAll(tenant, entries);
      }
    };
    GdprKit gdpr = kit(100, slow);

    race(8, 40, n -> gdpr.audit().append(record(n)), () -> { }, new AtomicBoolean());

    assertThat(gdpr.audit().entries(acme, 0, 1_000)).extracting(AuditEntry::position)
        .containsExactlyElementsOf(LongStream.range(0, 320).boxed().toList());
    assertThat(batches.get()).isLessThan(320);
    assertThat(gdpr.audit().verify(acme)).isEqualTo(VerificationResult.ok(320));
    assertThat(gdpr.audit().latestCheckpoint(acme).orElseThrow().treeSize()).isGreaterThanOrEqualTo(300);
  }

  /** Two kits sharing both stores race to append and to sign: one chain, one checkpoint per size, all valid. */
  @Test
  void keepsOneChainAndOneCheckpointPerSizeWhenTwoInstancesShareTheStores() throws Exception {
    AuditStore store = AuditStore.inMemory();
    CheckpointStore checkpoints = CheckpointStore.inMemory();
    CheckpointPolicy policy = CheckpointPolicy.of(10, Duration.ofDays(1));
    AuditService one = new DefaultAuditService(store, checkpoints, key, policy, clock);
    AuditService other = new DefaultAuditService(store, checkpoints, key, policy, clock);

    race(4, 100, n -> (n % 2 == 0 ? one : other).append(record(n)), () -> { }, new AtomicBoolean());

    assertThat(one.verify(acme)).isEqualTo(VerificationResult.ok(400));
    List<Checkpoint> all = checkpoints.after(acme, 0, 1_000);
    assertThat(all).isNotEmpty().allSatisfy(c -> {
      assertThat(c.verifies(publicKey)).isTrue();
      assertThat(c.lastEntryHash()).isEqualTo(one.entries(acme, c.treeSize() - 1, 1).get(0).hash());
    });
  }

  /** Runs {@code threads × each} appends together with {@code alongside}, which runs until they are done. */
  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no checkpoint was taken within 30 seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a checkpoint", e);
    }
  }

  private static void race(int threads, int each, java.util.function.IntConsumer append, Runnable alongside,
      AtomicBoolean running) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            append.accept(thread * each + i);
          }
          return null;
        }));
      }
      Future<?> side = pool.submit(() -> {
        start.await();
        alongside.run();
        return null;
      });
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
      running.set(false);
      side.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }
}
