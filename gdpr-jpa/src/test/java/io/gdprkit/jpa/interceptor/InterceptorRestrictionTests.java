package io.gdprkit.jpa.interceptor;

import static io.gdprkit.jpa.interceptor.HostModel.BILLING;
import static io.gdprkit.jpa.interceptor.HostModel.NEWSLETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.jpa.interceptor.SubjectRestrictedException.Change;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * Restriction (Art. 18) and purpose limitation (Art. 5(1)(b), Art. 6) inside the host's persistence layer: the
 * host's own repository is stopped, the kit's erasure and rectification are not.
 */
@ParameterizedClass(name = "restriction in the persistence layer on {0}")
@EnumSource(TestDatabase.class)
class InterceptorRestrictionTests extends InterceptedHost {

  private static final Actor DPO = Actor.staff("dpo");

  @Parameter
  TestDatabase database;

  @Override
  TestDatabase database() {
    return database;
  }

  @Override
  PersonalDataProvider[] providers(JpaTransactions transactions) {
    return new PersonalDataProvider[] {ExemptingProvider.wrap(new ContactProvider(transactions))};
  }

  @Override
  void seed(ContactRepository contacts) {
    super.seed(contacts);
    contacts.addNote(ALICE.value(), "prefers e-mail");
  }

  @Test
  @DisplayName("the host's repository cannot change, remove or add to a restricted subject's data (Art. 18(2))")
  void stopsTheHostsRepositoryWhileRestricted() {
    kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);

    SubjectRestrictedException renamed = catchThrowableOfType(SubjectRestrictedException.class,
        () -> transactions.useTransaction(() -> contacts().rename(ALICE.value(), "Alice Changed")));
    SubjectRestrictedException removed = catchThrowableOfType(SubjectRestrictedException.class,
        () -> transactions.useTransaction(() -> contacts().delete(ALICE.value())));
    SubjectRestrictedException added = catchThrowableOfType(SubjectRestrictedException.class,
        () -> transactions.useTransaction(() -> contacts().addNote(ALICE.value(), "called again")));

    assertThat(renamed.change()).isEqualTo(Change.UPDATE);
    assertThat(renamed.entity()).isEqualTo("Contact");
    assertThat(renamed.subject()).isEqualTo(ALICE);
    assertThat(renamed.getMessage()).contains("Art. 18").doesNotContain("Alice Changed");
    assertThat(removed.change()).isEqualTo(Change.DELETE);
    assertThat(added.change()).isEqualTo(Change.CREATE);
    assertThat(added.entity()).isEqualTo("ContactNote");
    assertThat(nameOf(ALICE)).isEqualTo("Alice Example");
    assertThat(transactions.inTransaction(() -> contacts().notes(ALICE.value()))).hasSize(1);
  }

  @Test
  @DisplayName("storage goes on: a restricted subject's data stays, other subjects change, and a lifted restriction frees it")
  void letsStorageAndOtherSubjectsGoOn() {
    kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);

    transactions.useTransaction(() -> {
      contacts().find(ALICE.value()).orElseThrow();
      contacts().rename(BOB.value(), "Bob Changed");
    });
    kit.restrictions().lift(ALICE, "accuracy verified", DPO);
    transactions.useTransaction(() -> contacts().rename(ALICE.value(), "Alice Changed"));

    assertThat(nameOf(BOB)).isEqualTo("Bob Changed");
    assertThat(nameOf(ALICE)).isEqualTo("Alice Changed");
  }

  @Test
  @DisplayName("the kit's rectification (Art. 16) and erasure (Art. 17) change a restricted subject, audited as such")
  void letsTheKitsRectificationAndErasureThrough() {
    kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);

    kit.rectification().rectify(ALICE, "contacts", "contact", "name", "Alice Corrected");
    assertThat(nameOf(ALICE)).isEqualTo("Alice Corrected");
    kit.erasure().erase(ALICE);

    assertThat(nameOf(ALICE)).isEqualTo("erased");
    assertThat(transactions.inTransaction(() -> contacts().notes(ALICE.value()))).isEmpty();
    List<AuditRecord> records = HostModel.records(kit);
    String alice = AuditPseudonyms.of(kit.pseudonymKey(), ALICE);
    assertThat(records).filteredOn(r -> r.kind() == AuditKind.UPDATED && alice.equals(r.subjectPseudonym()))
        .extracting(r -> r.details().get("scope")).contains("rectification", "erasure");
    assertThat(records).filteredOn(r -> r.kind() == AuditKind.DELETED && alice.equals(r.subjectPseudonym()))
        .extracting(r -> r.details().get("scope")).containsExactly("erasure");
  }

  @Test
  @DisplayName("a read for a purpose that decide denies is refused with the purpose in force (Art. 6(1), Art. 18)")
  void refusesReadsForADeniedPurpose() {
    ProcessingNotPermittedException noConsent = catchThrowableOfType(ProcessingNotPermittedException.class, () -> {
      try (PurposeScope scope = PurposeScope.open(NEWSLETTER)) {
        transactions.useTransaction(() -> contacts().find(ALICE.value()));
      }
    });
    kit.consents().grant(ALICE, NEWSLETTER, ConsentProof.of(ConsentChannel.API, Actor.subject()));
    try (PurposeScope scope = PurposeScope.open(NEWSLETTER)) {
      transactions.useTransaction(() -> contacts().find(ALICE.value()).orElseThrow());
    }
    kit.restrictions().restrict(ALICE, "objection pending (Art. 18(1)(d))", DPO);
    ProcessingNotPermittedException restricted = catchThrowableOfType(ProcessingNotPermittedException.class, () -> {
      try (PurposeScope scope = PurposeScope.open(BILLING)) {
        transactions.useTransaction(() -> contacts().notes(ALICE.value()));
      }
    });

    assertThat(noConsent.purpose()).isEqualTo(NEWSLETTER);
    assertThat(noConsent.decision().reason()).isEqualTo(DecisionReason.NO_CONSENT);
    assertThat(restricted.purpose()).isEqualTo(BILLING);
    assertThat(restricted.decision().reason()).isEqualTo(DecisionReason.RESTRICTED);
    assertThat(HostModel.records(kit, AuditKind.ACCESSED, "Contact")).filteredOn(r -> NEWSLETTER.equals(r.purpose()))
        .hasSize(1);
  }

  @Test
  @DisplayName("a restricted subject's data is read outside any scope, audited as made outside one")
  void letsReadsOutsideAScopeThroughAudited() {
    kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);

    assertThat(nameOf(ALICE)).isEqualTo("Alice Example");

    assertThat(HostModel.records(kit, AuditKind.ACCESSED, "Contact"))
        .filteredOn(r -> AuditPseudonyms.of(kit.pseudonymKey(), ALICE).equals(r.subjectPseudonym()))
        .singleElement().satisfies(read -> assertThat(read.details()).containsEntry("scope", "none"));
  }

  @Test
  @DisplayName("a refusal the host catches and goes on from still rolls its whole transaction back")
  void rollsBackATransactionThatMetARefusal() {
    kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);
    long before = kit.audit().size(TenantId.DEFAULT);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      contacts().rename(BOB.value(), "Bob Changed");
      assertThatThrownBy(() -> contacts().delete(ALICE.value())).isInstanceOf(SubjectRestrictedException.class);
    })).isInstanceOf(jakarta.persistence.RollbackException.class);
    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      contacts().rename(BOB.value(), "Bob Changed");
      try (PurposeScope scope = PurposeScope.open(NEWSLETTER)) {
        assertThatThrownBy(() -> contacts().find(ALICE.value())).isInstanceOf(ProcessingNotPermittedException.class);
      }
    })).isInstanceOf(jakarta.persistence.RollbackException.class);

    assertThat(nameOf(BOB)).isEqualTo("Bob Example");
    assertThat(kit.audit().size(TenantId.DEFAULT) - before).isEqualTo(1); // the read of nameOf only
  }

  @Test
  @DisplayName("a bulk statement naming a restricted subject is refused whole")
  void refusesBulkStatementsOnARestrictedSubject() {
    kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);
    long before = kit.audit().size(TenantId.DEFAULT);

    assertThatThrownBy(() -> interceptor.bulk().update(Contact.class,
        "update Contact c set c.name = 'Changed' where c.id in :subjects", List.of(BOB, ALICE)))
        .isInstanceOf(SubjectRestrictedException.class);

    assertThat(nameOf(BOB)).isEqualTo("Bob Example");
    assertThat(kit.audit().size(TenantId.DEFAULT) - before).isEqualTo(1); // the read of nameOf only
  }

  @Test
  @DisplayName("a restriction another thread commits stops a change under way at its flush, as the isolation level sees it")
  void seesARestrictionFromAnotherThread() throws Exception {
    CountDownLatch loaded = new CountDownLatch(1);
    CountDownLatch restricted = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Throwable outcome;
    try {
      Future<?> host = threads.submit(() -> transactions.useTransaction(() -> {
        contacts().rename(ALICE.value(), "Alice Changed"); // loaded and changed, not yet flushed
        loaded.countDown();
        await(restricted);
      }));
      Future<?> dpo = threads.submit(() -> {
        await(loaded);
        kit.restrictions().restrict(ALICE, "accuracy contested (Art. 18(1)(a))", DPO);
        restricted.countDown();
        return null;
      });
      dpo.get(60, TimeUnit.SECONDS);
      outcome = catchThrowable(() -> host.get(60, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }

    if (database == TestDatabase.MARIADB) {
      // REPEATABLE READ: the transaction reads the restriction as it stood at its first read, and commits; the
      // restriction stops the next one
      assertThat(outcome).isNull();
      assertThat(nameOf(ALICE)).isEqualTo("Alice Changed");
      assertThatThrownBy(() -> transactions.useTransaction(() -> contacts().rename(ALICE.value(), "Alice Again")))
          .isInstanceOf(SubjectRestrictedException.class);
    } else {
      // READ COMMITTED: the flush reads the committed restriction
      assertThat(outcome).hasCauseInstanceOf(SubjectRestrictedException.class);
      assertThat(nameOf(ALICE)).isEqualTo("Alice Example");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
