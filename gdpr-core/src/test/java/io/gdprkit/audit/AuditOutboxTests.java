package io.gdprkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.GdprStoreException;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.consent.ConsentGranted;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The audit outbox, the drainer and the authenticated chain head: Issue 9. */
class AuditOutboxTests {

  private static final TenantId TENANT = TenantId.DEFAULT;
  private final SubjectId alice = SubjectId.of("contact-42");
  private final ConsentProof form = ConsentProof.webForm("signup", "v3").build();
  private final Purpose newsletter = Purpose.of("newsletter", LegalBasis.CONSENT, "News");

  /** An audit store that refuses every append while it is down, as a database that lost its connection would. */
  private static final class FlakyAuditStore extends ForwardingAuditStore {
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public int appendAll(TenantId tenant, List<AuditEntry> entries) {
      if (down.get()) {
        throw new IllegalStateException("connection reset");
      }
      return super.appendAll(tenant, entries);
    }
  }

  @Test
  void grantsOnceWhileTheAuditStoreIsDownAndAppendsTheEntryOnTheNextDrain() {
    // Issue 9: grant() threw a raw IllegalStateException after the GRANTED event was stored; a retry recorded it twice
    FlakyAuditStore store = new FlakyAuditStore();
    GdprKit gdpr = GdprKit.builder().purpose(newsletter).auditStore(store).allowGeneratedKeys().build();
    store.down.set(true);

    gdpr.consents().grant(alice, "newsletter", form);

    assertThat(gdpr.consents().history(alice)).hasSize(1);
    assertThat(gdpr.audit().size(TENANT)).isZero();
    assertThat(gdpr.audit().waiting(TENANT)).isEqualTo(1);

    store.down.set(false);
    long drained = gdpr.audit().drain(TENANT);

    assertThat(drained).isEqualTo(1);
    assertThat(gdpr.audit().waiting(TENANT)).isZero();
    assertThat(gdpr.audit().entries(TENANT, 0, 10)).singleElement()
        .satisfies(entry -> assertThat(entry.record().kind()).isEqualTo(AuditKind.CONSENT_CHANGED));
    assertThat(gdpr.audit().verify(TENANT).intact()).isTrue();
  }

  @Test
  void leavesNothingOfAGrantWhoseAuditRecordCannotBeRecorded() {
    // Issue 9: the audit record is written in the grant's unit of work, so the grant stands or falls with it
    AuditOutbox refusing = new AuditOutbox() {
      @Override
      public long add(AuditRecord record) {
        throw new IllegalStateException("outbox table locked");
      }

      @Override
      public List<PendingAuditRecord> take(TenantId tenant, int limit) {
        return List.of();
      }

      @Override
      public List<TenantId> tenantsWaiting(int limit) {
        return List.of();
      }

      @Override
      public long waiting(TenantId tenant) {
        return 0;
      }
    };
    GdprKit gdpr = GdprKit.builder().purpose(newsletter).auditOutbox(refusing).allowGeneratedKeys().build();

    assertThatThrownBy(() -> gdpr.consents().grant(alice, "newsletter",
        ConsentProof.webForm("signup", "v3").source(io.gdprkit.source.Origin.form("signup")).build()))
        .isInstanceOf(GdprStoreException.class).hasMessageContaining("grant consent")
        .hasMessageNotContaining("locked");

    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.decide(alice, "newsletter").allowed()).isFalse();
    assertThat(gdpr.sources().tags(alice)).isEmpty();
  }

  @Test
  void leavesNeitherTheChangeNorItsAuditRecordWhenTheHostsUnitRollsBack() {
    // Issue 9: a host's unit of work that fails takes back the kit's writes in it, audit records included
    List<Object> told = new ArrayList<>();
    GdprKit gdpr = GdprKit.builder().purpose(newsletter).onEvent(told::add).build();

    assertThatThrownBy(() -> TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.consents().grant(alice, "newsletter", form);
      throw new IllegalStateException("the host's own write failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(gdpr.consents().history(alice)).isEmpty();
    assertThat(gdpr.audit().size(TENANT)).isZero();
    assertThat(gdpr.audit().waiting(TENANT)).isZero();
    assertThat(told).as("no listener hears of a change that was rolled back").isEmpty();
  }

  @Test
  void findsEntriesRemovedOrReHashedAfterTheLatestCheckpoint() {
    // Issue 9: deleting or re-hashing audit entries after the latest checkpoint passed verify()
    ListAuditStore removed = new ListAuditStore();
    ListAuditStore rehashed = new ListAuditStore();
    GdprKit one = GdprKit.builder().purpose(newsletter).auditStore(removed).allowGeneratedKeys().build();
    GdprKit two = GdprKit.builder().purpose(newsletter).auditStore(rehashed).allowGeneratedKeys().build();
    for (int i = 0; i < 4; i++) {
      one.consents().grant(SubjectId.of("contact-" + i), "newsletter", form);
      two.consents().grant(SubjectId.of("contact-" + i), "newsletter", form);
    }
    assertThat(one.audit().latestCheckpoint(TENANT)).as("fewer entries than the policy's 1,000").isEmpty();

    removed.entries.remove(3);
    AuditEntry last = rehashed.entries.get(3);
    AuditRecord forged = new AuditRecord(AuditKind.ACCESSED, TENANT, null, last.record().actor(), null,
        java.util.Map.of());
    rehashed.entries.set(3, new AuditEntry(3, last.at(), forged, last.previousHash(),
        io.gdprkit.audit.internal.EntryHashing.hash(3, last.at(), forged, last.previousHash())));

    VerificationResult truncated = one.audit().verify(TENANT);
    VerificationResult rewritten = two.audit().verify(TENANT);

    assertThat(truncated.intact()).isFalse();
    assertThat(truncated.problem()).contains("authenticated head says 4", "removed from the end");
    assertThat(rewritten.intact()).isFalse();
    // with no checkpoint and no successor to tell, the stretch since the last checkpoint is named
    assertThat(rewritten.firstBadPosition()).isZero();
    assertThat(rewritten.problem()).contains("to 3", "authenticated chain head at size 4");
  }

  @Test
  void tagsTheChainHeadAtEveryGroupCommit() {
    GdprKit gdpr = GdprKit.builder().purpose(newsletter).build();

    gdpr.consents().grant(alice, "newsletter", form);
    ChainHead first = gdpr.audit().head(TENANT).orElseThrow();
    gdpr.consents().withdraw(alice, "newsletter");
    ChainHead second = gdpr.audit().head(TENANT).orElseThrow();

    assertThat(first.size()).isEqualTo(1);
    assertThat(second.size()).isEqualTo(2);
    assertThat(second.lastEntryHash()).isEqualTo(gdpr.audit().entries(TENANT, 1, 1).get(0).hash());
    assertThat(second.authenticates(gdpr.pseudonymKey())).isTrue();
    assertThat(second.authenticates(io.gdprkit.crypto.PseudonymKey.generate())).isFalse();
  }

  @Test
  void recordsABatchInTheRunningUnitAndAppendsItOnlyOnceThatUnitCommits() {
    // Issue 11: the persistence interceptor writes the entries of a host's transaction at once, before it commits
    GdprKit gdpr = GdprKit.builder().build();
    TenantId acme = TenantId.of("acme");
    Actor host = Actor.system("host-application");
    List<AuditRecord> batch = List.of(AuditRecord.of(AuditKind.ACCESSED, TENANT, "k1:p1", host),
        AuditRecord.of(AuditKind.UPDATED, acme, "k1:p2", host), AuditRecord.of(AuditKind.DELETED, TENANT, "k1:p3", host));

    assertThatThrownBy(() -> TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.audit().recordAll(batch);
      throw new IllegalStateException("the host's own write failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(gdpr.audit().waiting(TENANT) + gdpr.audit().waiting(acme)).isZero();
    TransactionRunner.inMemory().useTransaction(() -> {
      gdpr.audit().recordAll(batch);
      assertThat(gdpr.audit().size(TENANT)).isZero();
    });

    assertThat(gdpr.audit().entries(TENANT, 0, 10)).extracting(AuditEntry::record)
        .containsExactly(batch.get(0), batch.get(2));
    assertThat(gdpr.audit().entries(acme, 0, 10)).extracting(AuditEntry::record).containsExactly(batch.get(1));
    assertThat(gdpr.audit().waiting(TENANT) + gdpr.audit().waiting(acme)).isZero();
  }

  @Test
  void runsListenersAfterTheCommitSoThatTheyMayCallTheKitAgain() {
    // Issue 9: listeners ran while the subject's lock was held
    List<Boolean> allowedWhenTold = new ArrayList<>();
    GdprKit[] kit = new GdprKit[1];
    kit[0] = GdprKit.builder().purpose(newsletter).onEvent(event -> {
      if (event instanceof ConsentGranted granted) {
        allowedWhenTold.add(kit[0].decide(granted.subject(), granted.purpose()).allowed());
        kit[0].consents().withdraw(granted.subject(), granted.purpose());
      }
    }).build();

    kit[0].consents().grant(alice, "newsletter", form);

    assertThat(allowedWhenTold).containsExactly(true);
    assertThat(kit[0].consents().history(alice)).hasSize(2);
    assertThat(kit[0].audit().size(TENANT)).isEqualTo(2);
  }
}
