package io.gdprkit.jpa.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit interceptor with the chain drained in the background (issue 11): the host's transaction writes its
 * entries into the outbox as one row and returns; the entries are still written on commit, never for a rollback, and
 * never lost.
 */
@ParameterizedClass(name = "audit interceptor draining in the background on {0}")
@EnumSource(TestDatabase.class)
class InterceptorBackgroundDrainTests extends InterceptedHost {

  @Parameter
  TestDatabase database;

  @Override
  TestDatabase database() {
    return database;
  }

  @Override
  AuditDrain drain() {
    return AuditDrain.BACKGROUND;
  }

  @Test
  @DisplayName("a committed transaction's entries are one outbox row, and reach the chain in their order")
  void writesATransactionAsOneRowAndChainsIt() {
    kit.audit().drainAll();
    long before = kit.audit().size(TenantId.DEFAULT);

    transactions.useTransaction(() -> {
      contacts().rename(ALICE.value(), "Alice Renamed");
      contacts().rename(BOB.value(), "Bob Renamed");
      transactions.beforeCommit("count rows", () -> () -> assertThat(transactions.entityManager()
          .createQuery("select count(o) from GdprAuditOutbox o", Long.class).getSingleResult()).isOne());
    });
    List<AuditRecord> records = HostModel.records(kit);

    assertThat(kit.audit().size(TenantId.DEFAULT) - before).isEqualTo(4);
    // in the order the transaction met them: both loads, then both updates at the flush before commit
    assertThat(records.subList(records.size() - 4, records.size()))
        .extracting(AuditRecord::kind, AuditRecord::subjectPseudonym)
        .containsExactly(tuple(AuditKind.ACCESSED, pseudonym(ALICE)), tuple(AuditKind.ACCESSED, pseudonym(BOB)),
            tuple(AuditKind.UPDATED, pseudonym(ALICE)), tuple(AuditKind.UPDATED, pseudonym(BOB)));
    assertThat(kit.audit().verify(TenantId.DEFAULT).intact()).isTrue();
  }

  @Test
  @DisplayName("a transaction that rolls back leaves nothing in the outbox for the background to chain")
  void chainsNothingOfARolledBackTransaction() {
    kit.audit().drainAll();
    long before = kit.audit().size(TenantId.DEFAULT);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      contacts().rename(BOB.value(), "Bob Renamed");
      throw new IllegalStateException("the host's work fails");
    })).isInstanceOf(IllegalStateException.class);
    kit.audit().drainAll();

    assertThat(kit.audit().waiting(TenantId.DEFAULT)).isZero();
    assertThat(kit.audit().size(TenantId.DEFAULT)).isEqualTo(before);
  }

  @Test
  @DisplayName("two threads committing while the background drains lose no entry and chain none twice")
  void losesNothingWhileTheBackgroundDrains() throws Exception {
    kit.audit().drainAll();
    long before = kit.audit().size(TenantId.DEFAULT);
    int rounds = 20;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SubjectId subject : List.of(ALICE, BOB)) {
        done.add(threads.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            String name = "Renamed " + round;
            transactions.useTransaction(() -> contacts().rename(subject.value(), name));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }

    kit.audit().drainAll();

    // each transaction reads and updates one contact: two entries
    assertThat(kit.audit().size(TenantId.DEFAULT) - before).isEqualTo(2L * 2 * rounds);
    assertThat(kit.audit().waiting(TenantId.DEFAULT)).isZero();
    assertThat(kit.audit().verify(TenantId.DEFAULT).intact()).isTrue();
  }
}
