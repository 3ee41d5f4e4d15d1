package io.gdprkit.jpa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The group commit of {@link JpaAuditStore#appendAll} in one statement batch: a racing writer that takes positions in
 * the middle of a batch leaves the chain with its entries and none of the batch's after them (Art. 5(2): one chain, no
 * fork and no gap).
 */
@ParameterizedClass(name = "JPA audit store batches on {0}")
@EnumSource(TestDatabase.class)
class JpaAuditStoreBatchTests {

  private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
  private static final TenantId ACME = TenantId.of("acme");

  @Parameter
  TestDatabase database;

  private JpaTransactions transactions;
  private JpaAuditStore store;

  @BeforeEach
  void emptyStore() {
    database.clean();
    transactions = database.transactions();
    store = new JpaAuditStore(transactions);
  }

  /** Entries {@code from} to {@code to} (exclusive) of a chain told apart from others by {@code writer}. */
  private static List<AuditEntry> chain(String writer, long from, long to) {
    List<AuditEntry> entries = new ArrayList<>();
    for (long position = from; position < to; position++) {
      AuditRecord record = new AuditRecord(AuditKind.ACCESSED, ACME, "k1:" + writer + position, Actor.staff(writer),
          null, Map.of("n", Long.toString(position)));
      AuditHash previous = position == 0 ? AuditEntry.GENESIS : hash(writer, position - 1);
      entries.add(new AuditEntry(position, START.plusSeconds(position), record, previous, hash(writer, position)));
    }
    return entries;
  }

  private static AuditHash hash(String writer, long position) {
    return AuditHash.ofHex(String.format("%064x", (writer.hashCode() & 0xffffL) << 32 | position + 1));
  }

  @Test
  @DisplayName("a batch stores all its entries in order with one group commit")
  void storesAWholeBatch() {
    List<AuditEntry> batch = chain("a", 0, 300);

    assertThat(store.appendAll(ACME, batch)).isEqualTo(300);

    assertThat(store.size(ACME)).isEqualTo(300);
    assertThat(store.entries(ACME, 0, 300)).containsExactlyElementsOf(batch);
  }

  @Test
  @DisplayName("a batch racing a writer that took its first positions stores nothing, not even its later entries")
  void keepsNothingAfterAPositionAnotherWriterTook() throws Exception {
    store.appendAll(ACME, chain("a", 0, 2));
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> other = writers.submit(() -> transactions.inTransaction(() -> {
        int stored = store.appendAll(ACME, chain("b", 2, 4));
        written.countDown();
        await(release);
        return stored;
      }));
      assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

      // this batch reads the chain's end before the other writer commits, then waits for its positions 2 and 3
      Future<Integer> batch = writers.submit(() -> store.appendAll(ACME, chain("c", 2, 6)));
      Thread.sleep(500);
      release.countDown();

      assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(batch.get(30, TimeUnit.SECONDS)).isZero();
    } finally {
      writers.shutdownNow();
    }
    assertThat(store.size(ACME)).isEqualTo(4);
    List<AuditEntry> expected = new ArrayList<>(chain("a", 0, 2));
    expected.addAll(chain("b", 2, 4));
    assertThat(store.entries(ACME, 0, 10)).containsExactlyElementsOf(expected);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
