package io.gdprkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit's units on the host's own entity manager: they join the transaction the host has open, never commit or roll
 * it back, and their after-commit actions wait for the host's commit (Art. 5(2): what the kit records commits exactly
 * when the host's change does).
 */
@ParameterizedClass(name = "host transactions on {0}")
@EnumSource(TestDatabase.class)
class HostTransactionsTests {

  private static final SubjectId ALICE = SubjectId.of("alice");
  private static final SubjectId BOB = SubjectId.of("bob");
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Parameter
  TestDatabase database;

  private EntityManager hostEntityManager;
  private HostTransactions host;
  private JpaConsentStore hostStore;
  /** The same tables seen from the kit's own transactions, on other connections. */
  private JpaConsentStore elsewhere;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void openTheHostsEntityManager() {
    database.clean();
    hostEntityManager = database.entityManagerFactory().createEntityManager();
    host = JpaTransactions.joining(hostEntityManager);
    hostStore = new JpaConsentStore(host);
    elsewhere = new JpaConsentStore(database.transactions());
  }

  @AfterEach
  void closeIt() {
    if (hostEntityManager.getTransaction().isActive()) {
      hostEntityManager.getTransaction().rollback();
    }
    hostEntityManager.close();
  }

  @Test
  @DisplayName("a unit joins the host's open transaction: its writes commit when the host commits, not before")
  void commitsWithTheHost() {
    hostEntityManager.getTransaction().begin();

    host.useTransaction(() -> hostStore.append(granted(ALICE)));
    List<ConsentEvent> beforeCommit = elsewhere.history(ALICE);
    boolean stillOpen = hostEntityManager.getTransaction().isActive();
    host.commit();

    assertThat(stillOpen).as("the unit left the host's transaction open").isTrue();
    assertThat(beforeCommit).as("what another connection saw before the host committed").isEmpty();
    assertThat(elsewhere.history(ALICE)).hasSize(1);
  }

  @Test
  @DisplayName("a store called in the host's transaction without a unit of its own joins it as well")
  void joinsWithoutAnExplicitUnit() {
    hostEntityManager.getTransaction().begin();

    hostStore.append(granted(ALICE));
    hostStore.append(granted(BOB));
    host.rollback();

    assertThat(elsewhere.subjects(null, 10)).isEmpty();
  }

  @Test
  @DisplayName("a unit's writes are rolled back with the host's transaction")
  void rollsBackWithTheHost() {
    hostEntityManager.getTransaction().begin();
    host.useTransaction(() -> {
      hostStore.append(granted(ALICE));
      host.afterCommit(() -> log.add("after commit"));
    });

    host.rollback();
    hostEntityManager.getTransaction().begin();
    host.useTransaction(() -> hostStore.append(granted(BOB)));
    host.commit();

    assertThat(elsewhere.history(ALICE)).isEmpty();
    assertThat(elsewhere.history(BOB)).hasSize(1);
    assertThat(log).as("actions of the rolled-back transaction").isEmpty();
  }

  @Test
  @DisplayName("a unit that fails marks the host's transaction rollback-only, so the host cannot commit half of it")
  void marksTheHostsTransactionRollbackOnly() {
    hostEntityManager.getTransaction().begin();
    hostStore.append(granted(BOB));
    IllegalStateException failure = new IllegalStateException("the unit fails");

    assertThatThrownBy(() -> host.useTransaction(() -> {
      hostStore.append(granted(ALICE));
      host.afterCommit(() -> log.add("after commit"));
      throw failure;
    })).isSameAs(failure);
    boolean rollbackOnly = hostEntityManager.getTransaction().getRollbackOnly();

    assertThat(rollbackOnly).isTrue();
    assertThatThrownBy(host::commit).isInstanceOf(RollbackException.class);
    assertThat(elsewhere.subjects(null, 10)).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  @DisplayName("a unit that began its own transaction is rolled back when a unit that joined it failed, even if caught")
  void rollsBackItsOwnTransactionWhenAJoinedUnitFailed() {
    Throwable thrown = null;
    try {
      host.useTransaction(() -> {
        hostStore.append(granted(ALICE));
        host.afterCommit(() -> log.add("after commit"));
        try {
          host.useTransaction(() -> {
            throw new IllegalStateException("the joined unit fails");
          });
        } catch (IllegalStateException caught) {
          // the outer work goes on, but the transaction is rollback-only
        }
      });
    } catch (RollbackException e) {
      thrown = e;
    }

    assertThat(thrown).isNotNull();
    assertThat(hostEntityManager.getTransaction().isActive()).isFalse();
    assertThat(log).isEmpty();
    assertThat(elsewhere.history(ALICE)).isEmpty();
  }

  @Test
  @DisplayName("after-commit actions wait for the host's commit through HostTransactions, then run once in order")
  void runsAfterCommitActionsWhenTheHostCommits() {
    hostEntityManager.getTransaction().begin();
    host.useTransaction(() -> {
      hostStore.append(granted(ALICE));
      host.afterCommit(() -> log.add("first"));
      host.useTransaction(() -> host.afterCommit(() -> log.add("second")));
    });
    host.afterCommit(() -> log.add("third"));
    List<String> beforeCommit = List.copyOf(log);

    host.commit();
    host.useTransaction(() -> { });

    assertThat(beforeCommit).isEmpty();
    assertThat(log).containsExactly("first", "second", "third");
  }

  @Test
  @DisplayName("with no host transaction open, a unit begins, commits and runs its actions itself")
  void runsItsOwnTransactionWhenTheHostHasNone() {
    host.useTransaction(() -> {
      hostStore.append(granted(ALICE));
      host.afterCommit(() -> log.add("after the unit's own commit"));
    });
    boolean left = hostEntityManager.getTransaction().isActive();

    assertThat(left).as("a transaction left open").isFalse();
    assertThat(log).containsExactly("after the unit's own commit");
    assertThat(elsewhere.history(ALICE)).hasSize(1);
  }

  @Test
  @DisplayName("with no host transaction open, a failing unit rolls back what it began")
  void rollsBackItsOwnTransactionWhenTheHostHasNone() {
    IllegalStateException failure = new IllegalStateException("the unit fails");

    assertThatThrownBy(() -> host.useTransaction(() -> {
      hostStore.append(granted(ALICE));
      host.afterCommit(() -> log.add("after a rollback"));
      throw failure;
    })).isSameAs(failure);

    assertThat(hostEntityManager.getTransaction().isActive()).isFalse();
    assertThat(log).isEmpty();
    assertThat(elsewhere.history(ALICE)).isEmpty();
  }

  private static ConsentEvent granted(SubjectId subject) {
    return new ConsentEvent(UUID.randomUUID(), subject, "newsletter", ConsentEventType.GRANTED, 1, START, START,
        ConsentProof.of(ConsentChannel.API, Actor.subject()), null, "v1");
  }
}
