package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.SeededRandom;
import io.gdprkit.TestClock;
import io.gdprkit.audit.internal.DefaultAuditService;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every single-entry tamper of a 10,000-entry chain is found, at the position it was made; a tail cut off or
 * changed and re-hashed is found against the checkpoints signed every 1,000 entries.
 *
 * <p>Each seeded case tampers at a position drawn from the whole chain, leaning towards its ends and the
 * checkpoint boundaries; the seed also chooses the tamper, in turn, so every kind is tried equally often.
 */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class AuditTamperTests {

  private static final int SIZE = 10_000;
  private static final int EVERY = 1_000;
  private static final TenantId TENANT = TenantId.DEFAULT;
  private static final SigningKey KEY = SigningKey.of("audit-test", new byte[32]);
  private static final CheckpointStore CHECKPOINTS = CheckpointStore.inMemory();
  private static final List<AuditEntry> CHAIN = build();

  enum Tamper {
    EDIT_DETAIL, EDIT_KIND, EDIT_TIME, EDIT_AND_REHASH, DELETE, INSERT, SWAP_WITH_NEXT, REHASH_TAIL, TRUNCATE
  }

  private static AuditService service(AuditStore store, TestClock clock) {
    return new DefaultAuditService(store, CHECKPOINTS, KEY, CheckpointPolicy.of(EVERY, Duration.ofDays(1)), clock);
  }

  private static List<AuditEntry> build() {
    TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
    ListAuditStore store = new ListAuditStore();
    AuditService audit = service(store, clock);
    for (int i = 0; i < SIZE; i++) {
      audit.append(new AuditRecord(AuditKind.values()[i % AuditKind.values().length], TENANT, "k1:p" + i,
          Actor.system("job"), null, Map.of("n", Integer.toString(i))));
      clock.advance(Duration.ofMillis(1));
    }
    return List.copyOf(store.entries);
  }

  /** 18 cases of each of the 9 tampers. */
  static LongStream tamperSeeds() {
    return SeededRandom.seeds(18 * Tamper.values().length);
  }

  static LongStream rangeSeeds() {
    return SeededRandom.seeds(30);
  }

  /** Returns a position from 0 to {@code SIZE - 2}; one in four next to or on a checkpoint boundary. */
  private static int position(SeededRandom random) {
    if (random.chance(0.25)) {
      int boundary = random.intBetween(0, SIZE / EVERY) * EVERY + random.intBetween(-1, 1);
      return Math.max(0, Math.min(SIZE - 2, boundary));
    }
    return random.intBetween(0, SIZE - 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("tamperSeeds")
  void findsEverySingleEntryTamperAtItsPosition(long seed) {
    int position = position(SeededRandom.of(seed));
    Tamper tamper = Tamper.values()[(int) Math.floorMod(seed, (long) Tamper.values().length)];
    List<AuditEntry> entries = new ArrayList<>(CHAIN);
    AuditEntry target = entries.get(position);
    long expectedBad = position;
    switch (tamper) {
      case EDIT_DETAIL -> entries.set(position, with(target, new AuditRecord(target.record().kind(), TENANT,
          target.record().subjectPseudonym(), target.record().actor(), null, Map.of("n", "tampered")), false));
      case EDIT_KIND -> entries.set(position, with(target, new AuditRecord(AuditKind.DELETED == target.record().kind()
          ? AuditKind.ACCESSED : AuditKind.DELETED, TENANT, target.record().subjectPseudonym(),
          target.record().actor(), null, target.record().details()), false));
      case EDIT_TIME -> entries.set(position, new AuditEntry(position, target.at().plusNanos(1), target.record(),
          target.previousHash(), target.hash()));
      case EDIT_AND_REHASH -> {
        entries.set(position, with(target, new AuditRecord(target.record().kind(), TENANT, "k1:someone-else",
            target.record().actor(), null, target.record().details()), true));
        // a re-hashed entry is named by its own position: its successor chains onto another hash (Issue 9)
      }
      case DELETE -> entries.remove(position);
      case INSERT -> {
        // A forger's entry, well formed and correctly hashed onto its predecessor: it verifies in its own slot,
        // and the chain breaks at the genuine entry it pushed along.
        AuditRecord forged = new AuditRecord(AuditKind.ACCESSED, TENANT, "k1:forged", Actor.staff("intruder"), null,
            Map.of());
        entries.add(position, new AuditEntry(position, target.at(), forged, target.previousHash(),
            EntryHashing.hash(position, target.at(), forged, target.previousHash())));
        expectedBad = position + 1;
      }
      case SWAP_WITH_NEXT -> Collections.swap(entries, position, position + 1);
      case REHASH_TAIL -> {
        // A forger who can write the store changes one entry and re-hashes every entry after it: the chain fits
        // together again, but not the next signed checkpoint, so the change is pinned to the stretch after the
        // last checkpoint that still matches.
        AuditHash previous = target.previousHash();
        for (int i = position; i < SIZE; i++) {
          AuditEntry entry = entries.get(i);
          AuditRecord record = i == position ? new AuditRecord(entry.record().kind(), TENANT, "k1:someone-else",
              entry.record().actor(), null, entry.record().details()) : entry.record();
          AuditEntry rehashed = new AuditEntry(i, entry.at(), record, previous,
              EntryHashing.hash(i, entry.at(), record, previous));
          entries.set(i, rehashed);
          previous = rehashed.hash();
        }
        expectedBad = position - position % EVERY;
      }
      case TRUNCATE -> entries.subList(position, SIZE).clear();
    }
    // Issue 9: a change that verifies in its own slot and is the last entry a checkpoint covers is still named by
    // its own position (re-hashed) or its successor's (inserted): the entry after the checkpoint decides which.

    VerificationResult result = service(new ListAuditStore(entries), TestClock.at("2026-11-23T10:00:00Z"))
        .verify(TENANT);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadPosition()).isEqualTo(expectedBad);
    assertThat(result.problem()).isNotBlank();
  }

  @Test
  void acceptsTheUntouchedChain() {
    VerificationResult result = service(new ListAuditStore(new ArrayList<>(CHAIN)),
        TestClock.at("2026-11-23T10:00:00Z")).verify(TENANT);

    assertThat(CHECKPOINTS.latest(TENANT)).get().extracting(Checkpoint::treeSize).isEqualTo((long) SIZE);
    assertThat(result).isEqualTo(VerificationResult.ok(SIZE));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("rangeSeeds")
  void verifiesAnyRangeFromTheNearestCheckpointAndFindsATamperInIt(long seed) {
    int position = position(SeededRandom.of(seed));
    List<AuditEntry> entries = new ArrayList<>(CHAIN);
    AuditEntry target = entries.get(position);
    entries.set(position, with(target, new AuditRecord(target.record().kind(), TENANT, "k1:someone-else",
        target.record().actor(), null, target.record().details()), false));
    AuditService audit = service(new ListAuditStore(entries), TestClock.at("2026-11-23T10:00:00Z"));

    VerificationResult covering = audit.verify(TENANT, position, position + 1);
    VerificationResult after = audit.verify(TENANT, position + 1, SIZE);

    assertThat(covering.firstBadPosition()).isEqualTo(position);
    assertThat(covering.checked()).isEqualTo(position % EVERY);
    long nextCheckpoint = (position + 1) - (position + 1) % EVERY;
    assertThat(after.intact()).isEqualTo(nextCheckpoint > position);
  }

  private static AuditEntry with(AuditEntry entry, AuditRecord record, boolean rehash) {
    AuditHash hash = rehash ? EntryHashing.hash(entry.position(), entry.at(), record, entry.previousHash()) : entry.hash();
    return new AuditEntry(entry.position(), entry.at(), record, entry.previousHash(), hash);
  }
}
