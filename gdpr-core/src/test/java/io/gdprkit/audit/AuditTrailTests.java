package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.audit.internal.DefaultAuditService;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AuditTrailTests {

  private static final SigningKey KEY = SigningKey.generate("audit-test");
  private static final PseudonymKey HEAD_KEY = PseudonymKey.generate();

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final TenantId acme = TenantId.of("acme");

  private static AuditRecord record(TenantId tenant, int n) {
    return new AuditRecord(AuditKind.CONSENT_CHANGED, tenant, "k1:pseudonym-" + n, Actor.subject(), "newsletter",
        Map.of("event", "e-" + n));
  }

  @Test
  void chainsEveryEntryOntoItsPredecessor() {
    GdprKit gdpr = GdprKit.builder().clock(clock).build();

    AuditEntry first = gdpr.audit().append(record(TenantId.DEFAULT, 1));
    clock.advance(Duration.ofSeconds(1));
    AuditEntry second = gdpr.audit().append(record(TenantId.DEFAULT, 2));

    assertThat(first.position()).isZero();
    assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS);
    assertThat(second.position()).isEqualTo(1);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.at()).isEqualTo(clock.instant());
    assertThat(gdpr.audit().verify(TenantId.DEFAULT)).isEqualTo(VerificationResult.ok(2));
    assertThat(gdpr.audit().entries(TenantId.DEFAULT, 1, 10)).containsExactly(second);
  }

  @Test
  void chainsOntoEntriesAnotherInstanceAppendedToTheSharedStore() {
    // given two services over one store: each remembers its own last entry, which the other one outdates
    AuditStore store = AuditStore.inMemory();
    CheckpointStore checkpoints = CheckpointStore.inMemory();
    AuditService one = new DefaultAuditService(store, checkpoints, AuditOutbox.inMemory(), UnitOfWork.inMemory(), KEY, HEAD_KEY,
        VerificationKeys.of(KEY.verificationKey()), CheckpointPolicy.DEFAULT, clock);
    AuditService other = new DefaultAuditService(store, checkpoints, AuditOutbox.inMemory(), UnitOfWork.inMemory(), KEY, HEAD_KEY,
        VerificationKeys.of(KEY.verificationKey()), CheckpointPolicy.DEFAULT, clock);

    // when they take turns
    List<AuditEntry> appended = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      appended.add((n % 2 == 0 ? one : other).append(record(acme, n)));
    }

    // then each append chained onto the other's entry before it
    assertThat(appended).extracting(AuditEntry::position).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    for (int n = 1; n < 6; n++) {
      assertThat(appended.get(n).previousHash()).isEqualTo(appended.get(n - 1).hash());
    }
    assertThat(store.entries(acme, 0, 10)).containsExactlyElementsOf(appended);
    assertThat(one.verify(acme)).isEqualTo(VerificationResult.ok(6));
  }

  @Test
  void chainsOntoTheEntryItCommittedLastWithoutReadingItBack() {
    // given a service that appended once, so it read the chain's end once (Issue 11: a round trip per group commit)
    LastCountingStore store = new LastCountingStore();
    AuditService audit = new DefaultAuditService(store, clock);
    AuditEntry first = audit.append(record(acme, 0));
    int reads = store.lastReads;

    // when it appends more
    AuditEntry second = audit.append(record(acme, 1));
    audit.append(record(acme, 2));

    // then it chained onto what it committed, and the chain still verifies
    assertThat(store.lastReads).isEqualTo(reads);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(audit.verify(acme)).isEqualTo(VerificationResult.ok(3));
  }

  @Test
  void readsTheChainsEndAgainAfterADrainThatJoinedARunningOperation() {
    // given a drain that ran inside an operation, whose entries that operation may still roll back
    LastCountingStore store = new LastCountingStore();
    AuditOutbox outbox = AuditOutbox.inMemory();
    UnitOfWork unitOfWork = UnitOfWork.inMemory();
    AuditService audit = new DefaultAuditService(store, CheckpointStore.inMemory(), outbox, unitOfWork, KEY, HEAD_KEY,
        VerificationKeys.of(KEY.verificationKey()), CheckpointPolicy.DEFAULT, clock);
    unitOfWork.use("host operation", () -> {
      outbox.add(record(acme, 0));
      audit.drain(acme);
    });
    int reads = store.lastReads;

    // when the next record is appended
    audit.append(record(acme, 1));

    // then its group commit read the chain's end from the store rather than trust the joined drain's entry
    assertThat(store.lastReads).isEqualTo(reads + 1);
    assertThat(audit.verify(acme)).isEqualTo(VerificationResult.ok(2));
  }

  /** An in-memory store that counts the reads of a chain's last entry. */
  private static final class LastCountingStore extends ForwardingAuditStore {
    int lastReads;

    @Override
    public Optional<AuditEntry> last(TenantId tenant) {
      lastReads++;
      return super.last(tenant);
    }
  }

  @Test
  void keepsOneChainPerTenant() {
    GdprKit gdpr = GdprKit.builder().clock(clock).build();

    gdpr.audit().append(record(TenantId.DEFAULT, 1));
    AuditEntry acmeFirst = gdpr.audit().append(record(acme, 1));

    assertThat(acmeFirst.position()).isZero();
    assertThat(gdpr.audit().size(acme)).isEqualTo(1);
    assertThat(gdpr.audit().verify(acme).intact()).isTrue();
    assertThat(gdpr.audit().verify(TenantId.of("nobody"))).isEqualTo(VerificationResult.ok(0));
  }

  @Test
  void keepsOneTotalOrderWhenManyThreadsAppend() throws Exception {
    GdprKit gdpr = GdprKit.builder().build();

    race(8, 250, n -> gdpr.audit().append(record(acme, n)));

    assertThat(gdpr.audit().size(acme)).isEqualTo(2_000);
    assertThat(gdpr.audit().entries(acme, 0, 5_000)).extracting(AuditEntry::position)
        .containsExactlyElementsOf(LongStream.range(0, 2_000).boxed().toList());
    assertThat(gdpr.audit().verify(acme)).isEqualTo(VerificationResult.ok(2_000));
  }

  @Test
  void keepsOneChainWhenTwoInstancesShareTheStore() throws Exception {
    ListAuditStore shared = new ListAuditStore();
    // instances share the checkpoint store and the signing key, as they share the database and configuration
    CheckpointStore checkpoints = CheckpointStore.inMemory();
    AuditService one = new DefaultAuditService(shared, checkpoints, AuditOutbox.inMemory(), UnitOfWork.inMemory(), KEY, HEAD_KEY,
        VerificationKeys.of(KEY.verificationKey()), CheckpointPolicy.DEFAULT, clock);
    AuditService other = new DefaultAuditService(shared, checkpoints, AuditOutbox.inMemory(), UnitOfWork.inMemory(), KEY, HEAD_KEY,
        VerificationKeys.of(KEY.verificationKey()), CheckpointPolicy.DEFAULT, clock);

    race(8, 200, n -> (n % 2 == 0 ? one : other).append(record(acme, n)));

    assertThat(shared.entries).hasSize(1_600);
    assertThat(one.verify(acme)).isEqualTo(VerificationResult.ok(1_600));
  }

  @Test
  void hashesEveryCharacterOfNonAsciiTextAndEqualTextAlike() {
    GdprKit gdpr = GdprKit.builder().clock(clock).build();
    AuditRecord ascii = new AuditRecord(AuditKind.UPDATED, acme, null, Actor.staff("zoe"), "e", Map.of("f", "e"));
    AuditRecord accented = new AuditRecord(AuditKind.UPDATED, acme, null, Actor.staff("zoe"), "é",
        Map.of("f", "\u0165")); // a char whose low byte is 'e', which a byte-narrowing encoder would confuse
    AuditRecord copy = new AuditRecord(AuditKind.UPDATED, acme, null, Actor.staff("zoe"), new String("é"),
        Map.of("f", new String("\u0165")));

    AuditHash first = io.gdprkit.audit.internal.EntryHashing.hash(0, clock.instant(), ascii, AuditEntry.GENESIS);
    AuditHash second = io.gdprkit.audit.internal.EntryHashing.hash(0, clock.instant(), accented, AuditEntry.GENESIS);
    AuditHash third = io.gdprkit.audit.internal.EntryHashing.hash(0, clock.instant(), copy, AuditEntry.GENESIS);
    gdpr.audit().append(accented);

    assertThat(first).isNotEqualTo(second);
    assertThat(third).isEqualTo(second);
    assertThat(gdpr.audit().verify(acme)).isEqualTo(VerificationResult.ok(1));
  }

  @Test
  void namesTheFirstStoredEncodingThatIsCutShortOrChangedInsteadOfFailing() {
    // given a chain of 6 whose stored bytes at position 3 a reader gets cut short, or with one byte changed
    AuditStore store = AuditStore.inMemory();
    AuditService audit = new DefaultAuditService(store, clock);
    for (int n = 0; n < 6; n++) {
      audit.append(record(acme, n));
    }
    AuditService cut = new DefaultAuditService(new BytesAltered(store, bytes -> Arrays.copyOf(bytes, 20)), clock);
    AuditService flipped = new DefaultAuditService(new BytesAltered(store, bytes -> {
      byte[] changed = bytes.clone();
      changed[changed.length / 2] ^= 1;
      return changed;
    }), clock);

    // when each verifies
    VerificationResult intact = audit.verify(acme);
    VerificationResult cutResult = cut.verify(acme);
    VerificationResult flippedResult = flipped.verify(acme);

    // then the untouched chain verifies and both others break at position 3, with a reason
    assertThat(intact).isEqualTo(VerificationResult.ok(6));
    assertThat(cutResult.firstBadPosition()).isEqualTo(3);
    assertThat(cutResult.problem()).contains("not a canonical entry encoding");
    assertThat(flippedResult.firstBadPosition()).isEqualTo(3);
    assertThat(flippedResult.problem()).contains("changed after it was appended");
  }

  /** A store whose canonical page alters the bytes of the entry at position 3 on the way out. */
  private record BytesAltered(AuditStore store, UnaryOperator<byte[]> alter) implements AuditStore {

    @Override
    public boolean append(TenantId tenant, AuditEntry entry) {
      return store.append(tenant, entry);
    }

    @Override
    public Optional<AuditEntry> last(TenantId tenant) {
      return store.last(tenant);
    }

    @Override
    public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
      return store.entries(tenant, from, limit);
    }

    @Override
    public List<EncodedEntry> encodedEntries(TenantId tenant, long from, int limit) {
      List<EncodedEntry> page = new ArrayList<>(store.encodedEntries(tenant, from, limit));
      if (from <= 3 && 3 < from + page.size()) {
        EncodedEntry third = page.get((int) (3 - from));
        page.set((int) (3 - from), new EncodedEntry(alter.apply(third.bytes()), third.hash()));
      }
      return page;
    }

    @Override
    public long size(TenantId tenant) {
      return store.size(tenant);
    }
  }

  @Test
  void refusesRecordsThatCouldCarryUnboundedData() {
    assertThatThrownBy(() -> new AuditRecord(AuditKind.ACCESSED, acme, " ", Actor.subject(), null, Map.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AuditRecord(AuditKind.ACCESSED, acme, null, Actor.subject(), null,
        Map.of("note", "x".repeat(1001)))).isInstanceOf(InvalidInputException.class);
  }

  private static void race(int threads, int each, java.util.function.IntConsumer append) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          append.accept(thread * each + i);
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }
}
