package io.gdprkit.test.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.StoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that an {@link AuditStore} keeps each tenant's chain gap-free and unforkable: an entry is stored only at
 * the next free position, a batch only as a run from the next free position, reads return entries in order, and
 * racing writers of one position have one winner. Its canonical pages ({@link AuditStore#encodedEntries}, what
 * {@code verify} hashes) must be the canonical encodings of its entries with their hashes, so that {@code verify}
 * over the store finds an entry changed behind its back.
 *
 * <p>Usage example: <pre>{@code class JpaAuditStoreTests extends AuditStoreCompatibilityKit { protected AuditStore createStore() { return new JpaAuditStore(em); } }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AuditStoreCompatibilityKit extends StoreCompatibilityKit<AuditStore> {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  /** An entry at a position; hashes are fixed strings, since the store does not check them. */
  private static AuditEntry entry(long position) {
    AuditRecord record = new AuditRecord(AuditKind.ACCESSED, ACME, "k1:p" + position, Actor.staff("dpo"), null,
        Map.of("n", Long.toString(position)));
    AuditHash previous = position == 0 ? AuditEntry.GENESIS : hex(position - 1);
    return new AuditEntry(position, START.plusSeconds(position), record, previous, hex(position));
  }

  private static AuditHash hex(long n) {
    return AuditHash.ofHex(String.format("%064x", n + 1));
  }

  @Nested
  @DisplayName("appending")
  class Appending {

    @Test
    @DisplayName("entries are stored at the next position and read back in order")
    void storesEntriesInOrder() {
      for (long i = 0; i < 5; i++) {
        assertThat(store().append(ACME, entry(i))).isTrue();
      }

      assertThat(store().size(ACME)).isEqualTo(5);
      assertThat(store().entries(ACME, 0, 10)).containsExactly(entry(0), entry(1), entry(2), entry(3), entry(4));
      assertThat(store().last(ACME)).contains(entry(4));
    }

    @Test
    @DisplayName("an entry at a taken or skipped position is refused and nothing is written")
    void refusesTakenAndSkippedPositions() {
      store().append(ACME, entry(0));
      store().append(ACME, entry(1));

      boolean taken = store().append(ACME, entry(1));
      boolean skipped = store().append(ACME, entry(3));

      assertThat(taken).isFalse();
      assertThat(skipped).isFalse();
      assertThat(store().entries(ACME, 0, 10)).containsExactly(entry(0), entry(1));
    }

    @Test
    @DisplayName("an empty chain has no last entry and size zero")
    void startsEmpty() {
      assertThat(store().last(ACME)).isEmpty();
      assertThat(store().size(ACME)).isZero();
      assertThat(store().entries(ACME, 0, 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("appending in batches (group commit)")
  class Batches {

    @Test
    @DisplayName("a batch is stored at consecutive positions after the last entry")
    void storesABatch() {
      store().append(ACME, entry(0));

      int stored = store().appendAll(ACME, List.of(entry(1), entry(2), entry(3)));

      assertThat(stored).isEqualTo(3);
      assertThat(store().entries(ACME, 0, 10)).containsExactly(entry(0), entry(1), entry(2), entry(3));
    }

    @Test
    @DisplayName("a batch starting at a taken position stores nothing")
    void refusesABatchAtATakenPosition() {
      store().appendAll(ACME, List.of(entry(0), entry(1)));

      int stored = store().appendAll(ACME, List.of(entry(1), entry(2)));

      assertThat(stored).isZero();
      assertThat(store().entries(ACME, 0, 10)).containsExactly(entry(0), entry(1));
    }

    @Test
    @DisplayName("a batch with a gap stores only the entries before the gap")
    void storesOnlyTheLeadingRun() {
      int stored = store().appendAll(ACME, List.of(entry(0), entry(1), entry(3)));

      assertThat(stored).isEqualTo(2);
      assertThat(store().entries(ACME, 0, 10)).containsExactly(entry(0), entry(1));
    }
  }

  @Nested
  @DisplayName("reading")
  class Reading {

    @Test
    @DisplayName("a page starts at the given position and holds at most the limit")
    void readsPages() {
      for (long i = 0; i < 7; i++) {
        store().append(ACME, entry(i));
      }

      assertThat(store().entries(ACME, 3, 2)).containsExactly(entry(3), entry(4));
      assertThat(store().entries(ACME, 6, 5)).containsExactly(entry(6));
      assertThat(store().entries(ACME, 7, 5)).isEmpty();
    }
  }

  @Nested
  @DisplayName("canonical pages (the stored leaf data that verify hashes)")
  class CanonicalPages {

    @Test
    @DisplayName("each encoded entry is the canonical encoding of the entry at its position, with its hash")
    void agreesWithEntries() {
      for (long i = 0; i < 5; i++) {
        store().append(ACME, entry(i));
      }

      List<EncodedEntry> page = store().encodedEntries(ACME, 0, 10);

      assertThat(page).hasSize(5);
      for (int i = 0; i < 5; i++) {
        assertThat(page.get(i).bytes()).isEqualTo(EntryHashing.canonicalBytes(entry(i)));
        assertThat(page.get(i).hash()).isEqualTo(entry(i).hash());
        assertThat(page.get(i).toEntry()).isEqualTo(store().entries(ACME, i, 1).get(0));
      }
    }

    @Test
    @DisplayName("a page starts at the given position, holds at most the limit and is empty past the end")
    void readsPages() {
      for (long i = 0; i < 7; i++) {
        store().append(ACME, entry(i));
      }

      assertThat(store().encodedEntries(ACME, 3, 2)).extracting(EncodedEntry::toEntry)
          .containsExactly(entry(3), entry(4));
      assertThat(store().encodedEntries(ACME, 6, 5)).extracting(EncodedEntry::toEntry).containsExactly(entry(6));
      assertThat(store().encodedEntries(ACME, 7, 5)).isEmpty();
      assertThat(store().encodedEntries(GLOBEX, 0, 5)).isEmpty();
    }

    @Test
    @DisplayName("verify over the store accepts its chain and finds an entry changed behind its back")
    void letsVerifyFindATamper() {
      AuditService audit = GdprKit.builder().auditStore(store()).allowGeneratedKeys().build().audit();
      for (int i = 0; i < 20; i++) {
        audit.append(new AuditRecord(AuditKind.ACCESSED, ACME, "k1:p" + i, Actor.staff("dpo"), null,
            Map.of("n", Integer.toString(i))));
      }
      AuditStore changed = new ChangedEntryStore(store(), 12);
      AuditService tampered = GdprKit.builder().auditStore(changed).allowGeneratedKeys().build().audit();

      VerificationResult intact = audit.verify(ACME);
      VerificationResult broken = tampered.verify(ACME);

      assertThat(intact).isEqualTo(VerificationResult.ok(20));
      assertThat(broken.intact()).isFalse();
      assertThat(broken.firstBadPosition()).isEqualTo(12);
    }
  }

  /** The store under test, with one entry's detail changed on every read; pages are encoded by the default. */
  private record ChangedEntryStore(AuditStore store, long position) implements AuditStore {

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
      return store.entries(tenant, from, limit).stream().map(entry -> entry.position() != position ? entry
          : new AuditEntry(entry.position(), entry.at(), new AuditRecord(entry.record().kind(), tenant,
              entry.record().subjectPseudonym(), entry.record().actor(), null, Map.of("n", "changed")),
              entry.previousHash(), entry.hash())).toList();
    }

    @Override
    public long size(TenantId tenant) {
      return store.size(tenant);
    }
  }

  @Nested
  @DisplayName("tenants")
  class Tenants {

    @Test
    @DisplayName("each tenant has its own chain from position 0")
    void keepsTenantsApart() {
      store().append(ACME, entry(0));
      store().append(ACME, entry(1));

      boolean first = store().append(GLOBEX, entry(0));

      assertThat(first).isTrue();
      assertThat(store().size(GLOBEX)).isEqualTo(1);
      assertThat(store().size(ACME)).isEqualTo(2);
      assertThat(store().entries(GLOBEX, 0, 10)).containsExactly(entry(0));
    }
  }

  @Nested
  @DisplayName("concurrency")
  @Timeout(30)
  class Concurrency {

    @Test
    @DisplayName("writers racing for each position leave one entry per position")
    void letsOneWriterWinEachPosition() throws Exception {
      int positions = 200;

      List<Integer> wins = race(4, Duration.ofSeconds(20), thread -> {
        int won = 0;
        for (long position = 0; position < positions; position++) {
          while (store().size(ACME) < position) {
            Thread.onSpinWait();
          }
          if (store().append(ACME, entry(position))) {
            won++;
          }
        }
        return won;
      });

      assertThat(wins.stream().mapToInt(Integer::intValue).sum()).isEqualTo(positions);
      assertThat(store().size(ACME)).isEqualTo(positions);
      assertThat(store().entries(ACME, 0, positions + 10)).extracting(AuditEntry::position)
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, positions).boxed().toList());
    }

    @Test
    @DisplayName("batches racing for the same positions leave each position to exactly one of them")
    void letsOneBatchWinEachPosition() throws Exception {
      int positions = 200;

      List<Integer> stored = race(4, Duration.ofSeconds(20), thread -> {
        int won = 0;
        while (store().size(ACME) < positions) {
          long next = store().size(ACME);
          List<AuditEntry> batch = java.util.stream.LongStream.range(next, Math.min(positions, next + 1 + thread * 3))
              .mapToObj(AuditStoreCompatibilityKit::entry).toList();
          won += store().appendAll(ACME, batch);
        }
        return won;
      });

      assertThat(stored.stream().mapToInt(Integer::intValue).sum()).isEqualTo(positions);
      assertThat(store().entries(ACME, 0, positions + 10)).extracting(AuditEntry::position)
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, positions).boxed().toList());
    }
    @Test
    @DisplayName("a reader racing an appender sees a gap-free prefix whose bytes are the entries' encodings")
    void letsReadersSeeWholeEntriesWhileAppending() throws Exception {
      int positions = 200;

      List<Integer> seen = race(3, Duration.ofSeconds(20), thread -> {
        if (thread == 0) {
          for (long position = 0; position < positions; position++) {
            store().append(ACME, entry(position));
          }
          return positions;
        }
        int longest = 0;
        while (longest < positions) {
          List<EncodedEntry> page = store().encodedEntries(ACME, 0, positions);
          for (int i = 0; i < page.size(); i++) {
            assertThat(page.get(i).bytes()).isEqualTo(EntryHashing.canonicalBytes(entry(i)));
          }
          longest = Math.max(longest, page.size());
        }
        return longest;
      });

      assertThat(seen).containsOnly(positions);
    }
  }
}
