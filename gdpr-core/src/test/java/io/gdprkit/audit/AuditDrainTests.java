package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.TransactionRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Draining in the background and the batch encoding of outbox records (issue 11). */
class AuditDrainTests {

  private static final TenantId ACME = TenantId.of("acme");
  private final SubjectId alice = SubjectId.of("contact-42");
  private final Purpose newsletter = Purpose.of("newsletter", LegalBasis.CONSENT, "News");

  private static AuditRecord record(TenantId tenant, int n) {
    return new AuditRecord(n % 2 == 0 ? AuditKind.ACCESSED : AuditKind.UPDATED, tenant, "k1:p" + n,
        n % 3 == 0 ? Actor.subject() : Actor.system("host-application"), n % 5 == 0 ? null : "billing",
        Map.of("entity", "Contact", "scope", "purpose", "count", Integer.toString(n)));
  }

  /** An in-memory audit store that notes the thread of every append. */
  private static final class WatchedAuditStore extends ForwardingAuditStore {
    final Set<String> appenders = ConcurrentHashMap.newKeySet();

    @Override
    public int appendAll(TenantId tenant, List<AuditEntry> entries) {
      appenders.add(Thread.currentThread().getName());
      return super.appendAll(tenant, entries);
    }
  }

  @Test
  void chainsACommittedOperationOnTheDrainThreadNotOnTheCaller() throws InterruptedException {
    WatchedAuditStore store = new WatchedAuditStore();
    GdprKit gdpr = GdprKit.builder().purpose(newsletter).auditStore(store).auditDrain(AuditDrain.BACKGROUND)
        .allowGeneratedKeys().build();

    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());

    for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        gdpr.audit().size(TenantId.DEFAULT) == 0 && System.nanoTime() < deadline; ) {
      Thread.sleep(5);
    }
    assertThat(gdpr.audit().size(TenantId.DEFAULT)).isPositive();
    assertThat(gdpr.audit().waiting(TenantId.DEFAULT)).isZero();
    assertThat(gdpr.audit().verify(TenantId.DEFAULT).intact()).isTrue();
    assertThat(store.appenders).containsExactly("gdpr-kit-audit-drain");
  }

  @Test
  void chainsOnTheCommittingThreadByDefault() {
    WatchedAuditStore store = new WatchedAuditStore();
    GdprKit gdpr = GdprKit.builder().purpose(newsletter).auditStore(store).allowGeneratedKeys().build();

    gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());

    assertThat(gdpr.audit().size(TenantId.DEFAULT)).isPositive();
    assertThat(store.appenders).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void drainAllAppendsEveryCommittedRecordBeforeItReturnsWhileTheBackgroundDrains() throws InterruptedException {
    GdprKit gdpr = GdprKit.builder().auditDrain(AuditDrain.BACKGROUND).allowGeneratedKeys().build();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t * 1_000;
      Thread writer = new Thread(() -> {
        for (int n = first; n < first + 1_000; n += 10) {
          List<AuditRecord> batch = new ArrayList<>();
          for (int i = n; i < n + 10; i++) {
            batch.add(record(ACME, i));
          }
          gdpr.audit().recordAll(batch);
        }
      });
      writers.add(writer);
      writer.start();
    }
    for (Thread writer : writers) {
      writer.join();
    }

    gdpr.audit().drainAll();

    assertThat(gdpr.audit().size(ACME)).isEqualTo(4_000);
    assertThat(gdpr.audit().waiting(ACME)).isZero();
    assertThat(gdpr.audit().verify(ACME).intact()).isTrue();
  }

  @Test
  void leavesEntriesOfARolledBackUnitOutOfTheChainWhenDrainingInTheBackground() {
    GdprKit gdpr = GdprKit.builder().auditDrain(AuditDrain.BACKGROUND).allowGeneratedKeys().build();

    assertThatThrownBy(() -> TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.audit().recordAll(List.of(record(ACME, 1), record(ACME, 2)));
      throw new IllegalStateException("host work failed");
    })).isInstanceOf(IllegalStateException.class);
    gdpr.audit().drainAll();

    assertThat(gdpr.audit().size(ACME)).isZero();
    assertThat(gdpr.audit().waiting(ACME)).isZero();
  }

  @Test
  void refusesToBeSetTwice() {
    GdprKit.Builder builder = GdprKit.builder().auditDrain(AuditDrain.BACKGROUND);

    assertThatThrownBy(() -> builder.auditDrain(AuditDrain.AFTER_COMMIT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void encodesABatchAndDecodesItBackUnchangedInOrder() {
    List<AuditRecord> records = new ArrayList<>();
    for (int n = 0; n < 500; n++) {
      records.add(record(n % 7 == 0 ? ACME : TenantId.DEFAULT, n));
    }
    records.add(new AuditRecord(AuditKind.ERASED, ACME, null, Actor.staff("dpo"), null, Map.of("office", "Zürich ✓")));

    byte[] bytes = PendingAuditRecord.encodeAll(records);

    assertThat(PendingAuditRecord.decodeAll(bytes)).isEqualTo(records);
    // the shared strings are written once: far below the canonical encoding of each record
    assertThat(bytes.length).isLessThan(records.stream().mapToInt(r -> PendingAuditRecord.encode(r).length).sum() / 3);
  }

  @Test
  void decodesASingleRecordInTheCanonicalEncodingAsABatchOfOne() {
    AuditRecord record = record(ACME, 7);

    assertThat(PendingAuditRecord.decodeAll(PendingAuditRecord.encode(record))).containsExactly(record);
  }

  @Test
  void refusesTruncatedOrAlteredBatchesWithATypedErrorThatShowsNoContent() {
    byte[] bytes = PendingAuditRecord.encodeAll(List.of(record(ACME, 1), record(ACME, 2)));
    List<byte[]> broken = new ArrayList<>();
    for (int length = 2; length < bytes.length; length++) {
      broken.add(java.util.Arrays.copyOf(bytes, length));
    }
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    broken.add(longer);
    byte[] badVersion = bytes.clone();
    badVersion[1] = 9;
    broken.add(badVersion);
    byte[] forwardReference = bytes.clone();
    forwardReference[3] = 5; // the first record's kind refers to a string not yet introduced
    broken.add(forwardReference);

    for (byte[] candidate : broken) {
      assertThatThrownBy(() -> PendingAuditRecord.decodeAll(candidate)).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("k1:p"));
    }
  }

  @Test
  void refusesMalformedUtf8InABatchEveryTimeItIsRead() {
    AuditRecord record = new AuditRecord(AuditKind.ERASED, ACME, null, Actor.staff("dpo"), null,
        Map.of("office", "Zürich"));
    byte[] bytes = PendingAuditRecord.encodeAll(List.of(record));
    int umlaut = indexOf(bytes, "Zürich".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 1;
    bytes[umlaut + 1] = '('; // 0xC3 0x28: a lead byte without its continuation

    for (int read = 0; read < 2; read++) { // the second read must not find the first one's string cached
      assertThatThrownBy(() -> PendingAuditRecord.decodeAll(bytes)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("not well-formed UTF-8");
    }
  }

  @Test
  void decodesTheStringsBatchesShareAsOneObject() {
    // Issue 11: the drain encodes what it decoded, and the encoder finds a string's bytes by the string's identity
    byte[] first = PendingAuditRecord.encodeAll(List.of(record(ACME, 1)));
    byte[] second = PendingAuditRecord.encodeAll(List.of(record(ACME, 7)));

    AuditRecord one = PendingAuditRecord.decodeAll(first).get(0);
    AuditRecord other = PendingAuditRecord.decodeAll(second).get(0);

    assertThat(other.purpose()).isSameAs(one.purpose());
    assertThat(other.details().keySet()).allSatisfy(key ->
        assertThat(one.details().keySet()).anySatisfy(known -> assertThat(known).isSameAs(key)));
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }
}
