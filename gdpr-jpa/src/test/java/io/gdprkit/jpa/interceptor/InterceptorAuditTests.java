package io.gdprkit.jpa.interceptor;

import static io.gdprkit.jpa.interceptor.HostModel.BILLING;
import static io.gdprkit.jpa.interceptor.HostModel.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.jpa.HostTransactions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The audit interceptor (Art. 5(2), Art. 30(1)) on the host's own entities: what it writes on commit, what a rollback
 * leaves, and how two threads' transactions stay apart.
 */
@ParameterizedClass(name = "audit interceptor on {0}")
@EnumSource(TestDatabase.class)
class InterceptorAuditTests extends InterceptedHost {

  @Parameter
  TestDatabase database;

  @Override
  TestDatabase database() {
    return database;
  }

  @Test
  @DisplayName("a read in a purpose scope is audited on commit with the purpose and the subject's pseudonym (Art. 30(1)(b))")
  void auditsAReadWithThePurposeInForce() {
    try (PurposeScope scope = PurposeScope.open(BILLING, Actor.staff("clerk-7"))) {
      transactions.useTransaction(() -> contacts().find(ALICE.value()).orElseThrow());
    }

    List<AuditRecord> reads = HostModel.records(kit, AuditKind.ACCESSED, "Contact");
    assertThat(reads).singleElement().satisfies(read -> {
      assertThat(read.subjectPseudonym()).isEqualTo(pseudonym(ALICE));
      assertThat(read.purpose()).isEqualTo(BILLING);
      assertThat(read.actor()).isEqualTo(Actor.staff("clerk-7"));
      assertThat(read.details()).containsEntry("scope", "purpose").containsEntry("count", "1");
    });
    assertThat(kit.audit().verify(TenantId.DEFAULT).problem()).isNull();
  }

  @Test
  @DisplayName("a read outside any purpose scope is let through and audited as made outside one")
  void auditsAReadOutsideAnyScopeAsSuch() {
    transactions.useTransaction(() -> contacts().find(BOB.value()).orElseThrow());

    assertThat(HostModel.records(kit, AuditKind.ACCESSED, "Contact")).singleElement().satisfies(read -> {
      assertThat(read.subjectPseudonym()).isEqualTo(pseudonym(BOB));
      assertThat(read.purpose()).isNull();
      assertThat(read.actor()).isEqualTo(PersistenceInterceptor.HOST);
      assertThat(read.details()).containsEntry("scope", "none");
    });
  }

  @Test
  @DisplayName("creating, changing and removing entities are audited per subject, never by id or value")
  void auditsCreationsChangesAndRemovals() {
    transactions.useTransaction(() -> contacts().addNote(ALICE.value(), "prefers e-mail"));
    transactions.useTransaction(() -> contacts().rename(ALICE.value(), "Alice Renamed"));
    transactions.useTransaction(() -> {
      ContactRepository contacts = contacts();
      contacts.notes(ALICE.value()).forEach(transactions.entityManager()::remove);
      contacts.delete(BOB.value());
    });

    assertThat(HostModel.records(kit, AuditKind.CREATED, "Contact")).extracting(AuditRecord::subjectPseudonym)
        .containsExactlyInAnyOrder(pseudonym(ALICE), pseudonym(BOB));
    assertThat(HostModel.records(kit, AuditKind.CREATED, "ContactNote")).extracting(AuditRecord::subjectPseudonym)
        .containsExactly(pseudonym(ALICE));
    assertThat(HostModel.records(kit, AuditKind.UPDATED, "Contact")).extracting(AuditRecord::subjectPseudonym)
        .containsExactly(pseudonym(ALICE));
    assertThat(HostModel.records(kit, AuditKind.DELETED, "ContactNote")).extracting(AuditRecord::subjectPseudonym)
        .containsExactly(pseudonym(ALICE));
    assertThat(HostModel.records(kit, AuditKind.DELETED, "Contact")).extracting(AuditRecord::subjectPseudonym)
        .containsExactly(pseudonym(BOB));
    assertThat(records(kit)).allSatisfy(entry -> assertThat(entry.toString())
        .doesNotContain(ALICE.value(), BOB.value(), "Alice", "example.com", "prefers"));
  }

  @Test
  @DisplayName("the reads of one transaction are one entry per subject, entity and purpose, with their count")
  void batchesTheEntriesOfATransaction() {
    transactions.useTransaction(() -> {
      for (int i = 0; i < 5; i++) {
        contacts().addNote(ALICE.value(), "note " + i);
      }
    });
    long before = kit.audit().size(TenantId.DEFAULT);

    transactions.useTransaction(() -> {
      EntityManager em = transactions.entityManager();
      for (int round = 0; round < 3; round++) {
        assertThat(contacts().notes(ALICE.value())).hasSize(5);
        em.clear();
      }
    });

    assertThat(kit.audit().size(TenantId.DEFAULT) - before).isEqualTo(1);
    assertThat(HostModel.records(kit, AuditKind.ACCESSED, "ContactNote")).singleElement()
        .satisfies(read -> assertThat(read.details()).containsEntry("count", "15"));
  }

  @Test
  @DisplayName("entities without personal data are not audited")
  void leavesOtherEntitiesAlone() {
    long before = kit.audit().size(TenantId.DEFAULT);

    transactions.useTransaction(() -> transactions.entityManager().persist(new Company("acme", "Acme Ltd")));
    transactions.useTransaction(() -> transactions.entityManager().find(Company.class, "acme").setName("Acme"));

    assertThat(kit.audit().size(TenantId.DEFAULT)).isEqualTo(before);
  }

  @Test
  @DisplayName("a transaction that rolls back leaves no audit entry and nothing in the audit outbox")
  void writesNothingForARolledBackTransaction() {
    long before = kit.audit().size(TenantId.DEFAULT);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      contacts().find(ALICE.value());
      contacts().rename(BOB.value(), "Bob Renamed");
      throw new IllegalStateException("the host's work fails");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(kit.audit().waiting(TenantId.DEFAULT)).isZero();
    assertThat(kit.audit().size(TenantId.DEFAULT)).isEqualTo(before);
  }

  @Test
  @DisplayName("the entries are written in the work's own transaction: a commit that fails after them takes them back")
  void writesTheEntriesInTheSameTransaction() {
    long before = kit.audit().size(TenantId.DEFAULT);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      contacts().rename(ALICE.value(), "Alice Renamed");
      // registered after the interceptor's batch, so it fails once the entries are in the outbox
      transactions.beforeCommit("fails", () -> () -> {
        assertThat(transactions.entityManager()
            .createQuery("select count(o) from GdprAuditOutbox o", Long.class).getSingleResult()).isPositive();
        throw new IllegalStateException("the commit fails");
      });
    })).hasMessage("the commit fails");

    assertThat(kit.audit().waiting(TenantId.DEFAULT)).isZero();
    assertThat(kit.audit().size(TenantId.DEFAULT)).isEqualTo(before);
    transactions.useTransaction(() -> assertThat(contacts().find(ALICE.value()).orElseThrow().getName())
        .isEqualTo("Alice Example"));
  }

  @Test
  @DisplayName("a bulk JPQL update through the kit is audited for each subject it names (Envers misses these)")
  void auditsBulkUpdates() {
    int rows = interceptor.bulk().update(Contact.class,
        "update Contact c set c.newsletter = false where c.id in :subjects", List.of(ALICE, BOB));

    assertThat(rows).isEqualTo(2);
    assertThat(HostModel.records(kit, AuditKind.UPDATED, "Contact")).hasSize(2).allSatisfy(update ->
        assertThat(update.details()).containsEntry("bulk", "true").containsEntry("statementRows", "2")
            .containsEntry("statementSubjects", "2"))
        .extracting(AuditRecord::subjectPseudonym).containsExactlyInAnyOrder(pseudonym(ALICE), pseudonym(BOB));
  }

  @Test
  @DisplayName("a bulk delete inside the host's transaction is audited with it, and not at all if it rolls back")
  void auditsBulkDeletesInTheHostsTransaction() {
    long before = kit.audit().size(TenantId.DEFAULT);
    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      interceptor.bulk().delete(Contact.class, "delete from Contact c where c.id in :subjects", List.of(BOB));
      throw new IllegalStateException("the host's work fails");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(kit.audit().size(TenantId.DEFAULT)).isEqualTo(before);

    transactions.useTransaction(() -> interceptor.bulk().delete(Contact.class,
        "delete from Contact c where c.id in :subjects and c.name = :name", List.of(BOB), Map.of("name", "Bob Example")));

    assertThat(HostModel.records(kit, AuditKind.DELETED, "Contact")).extracting(AuditRecord::subjectPseudonym)
        .containsExactly(pseudonym(BOB));
  }

  @Test
  @DisplayName("a bulk statement must limit its rows to the subjects it names")
  void refusesABulkStatementWithoutItsSubjects() {
    assertThatThrownBy(() -> interceptor.bulk().update(Contact.class, "update Contact c set c.newsletter = false",
        List.of(ALICE))).isInstanceOf(InvalidInputException.class).hasMessageContaining(":subjects");
    assertThatThrownBy(() -> interceptor.bulk().update(Contact.class,
        "delete from Contact c where c.id in :subjects", List.of(ALICE))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> interceptor.bulk().update(Company.class,
        "update Company c set c.name = 'x' where c.id in :subjects", List.of(ALICE)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("two threads' transactions are audited apart, each with its own purpose; the one rolled back leaves none")
  void keepsTwoThreadsApart() throws Exception {
    CyclicBarrier bothRead = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> committing = threads.submit(() -> {
        try (PurposeScope scope = PurposeScope.open(BILLING)) {
          transactions.useTransaction(() -> {
            contacts().find(ALICE.value()).orElseThrow();
            await(bothRead);
          });
        }
        return null;
      });
      Future<?> rollingBack = threads.submit(() -> {
        transactions.useTransaction(() -> {
          contacts().find(BOB.value()).orElseThrow();
          await(bothRead);
          throw new IllegalStateException("the second thread's work fails");
        });
        return null;
      });
      committing.get(60, TimeUnit.SECONDS);
      assertThatThrownBy(() -> rollingBack.get(60, TimeUnit.SECONDS))
          .hasRootCauseMessage("the second thread's work fails");
    } finally {
      threads.shutdownNow();
    }

    assertThat(HostModel.records(kit, AuditKind.ACCESSED, "Contact")).singleElement().satisfies(read -> {
      assertThat(read.subjectPseudonym()).isEqualTo(pseudonym(ALICE));
      assertThat(read.purpose()).isEqualTo(BILLING);
    });
  }

  @Test
  @DisplayName("on the host's own transaction, entries are written at HostTransactions.commit() and dropped at rollback()")
  void auditsOnTheHostsOwnTransaction() {
    interceptor.close();
    EntityManager em = HostModel.factory(database).createEntityManager();
    try {
      HostTransactions host = JpaTransactions.joining(em);
      GdprKit hostKit = HostModel.kit(host);
      try (PersistenceInterceptor onHost = PersistenceInterceptor.install(hostKit, host)) {
        ContactRepository contacts = new ContactRepository(em);

        host.begin();
        contacts.rename(BOB.value(), "Bob Rolled Back");
        host.rollback();
        host.begin();
        contacts.rename(ALICE.value(), "Alice Committed");
        host.commit();

        assertThat(HostModel.records(hostKit, AuditKind.UPDATED, "Contact")).singleElement()
            .satisfies(update -> assertThat(update.subjectPseudonym())
                .isEqualTo(AuditPseudonyms.of(hostKit.pseudonymKey(), ALICE)));
        assertThat(HostModel.records(hostKit, AuditKind.ACCESSED, "Contact")).singleElement()
            .satisfies(read -> assertThat(read.subjectPseudonym())
                .isEqualTo(AuditPseudonyms.of(hostKit.pseudonymKey(), ALICE)));
      }
    } finally {
      em.close();
    }
  }

  @Test
  @DisplayName("an entity naming the listener with @EntityListeners is audited without the kit's mapping file")
  void auditsAnEntityThatNamesTheListener() {
    interceptor.close();
    EntityManagerFactory factory = database.hostEntityManagerFactory("gdpr-kit-listened",
        List.of(ListenedContact.class), List.of());
    try {
      JpaTransactions listened = JpaTransactions.resourceLocal(factory);
      GdprKit listenedKit = HostModel.kit(listened);
      try (PersistenceInterceptor onListened = PersistenceInterceptor.install(listenedKit, listened)) {
        listened.useTransaction(() -> listened.entityManager()
            .createQuery("delete from ListenedContact c").executeUpdate());

        listened.useTransaction(() -> listened.entityManager().persist(new ListenedContact(ALICE.value())));

        assertThat(HostModel.records(listenedKit, AuditKind.CREATED, "ListenedContact")).singleElement()
            .satisfies(created -> assertThat(created.subjectPseudonym())
                .isEqualTo(AuditPseudonyms.of(listenedKit.pseudonymKey(), ALICE)));
      }
    } finally {
      factory.close();
    }
  }

  @Test
  @DisplayName("personal data used where no entry can join the transaction is refused, never left unaudited")
  void refusesPersonalDataOutsideAUnit() {
    EntityManager em = HostModel.factory(database).createEntityManager();
    try {
      assertThatThrownBy(() -> em.find(Contact.class, ALICE.value()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a unit of work");
      HostTransactions host = JpaTransactions.joining(em);
      em.getTransaction().begin();
      assertThatThrownBy(() -> host.inTransaction(() -> em.find(Contact.class, BOB.value())))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a unit of work");
      em.getTransaction().rollback();
      assertThat(em.find(Company.class, "none")).isNull();
    } finally {
      em.close();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
