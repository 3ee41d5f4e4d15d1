package io.gdprkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Before-commit actions of the JPA units of work: what the audit interceptor writes its entries with, so they commit
 * with the work or not at all (Art. 5(2)).
 */
@ParameterizedClass(name = "JPA units of work on {0}")
@EnumSource(TestDatabase.class)
class JpaTransactionsTests {

  private static final AuditRecord READ = AuditRecord.of(AuditKind.ACCESSED, TenantId.DEFAULT, null, Actor.system("test"));

  @Parameter
  TestDatabase database;

  private JpaTransactions transactions;
  private List<String> ran;

  @BeforeEach
  void clean() {
    database.clean();
    transactions = database.transactions();
    ran = new ArrayList<>();
  }

  @Test
  @DisplayName("an action runs once per key, in the unit's transaction, just before it commits")
  void runsAnActionOncePerKeyBeforeCommit() {
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);

    transactions.useTransaction(() -> {
      Runnable first = transactions.beforeCommit("audit", () -> () -> {
        ran.add("audit");
        outbox.add(READ); // joins the unit, which is still open
      });
      Runnable second = transactions.beforeCommit("audit", () -> () -> ran.add("again"));
      assertThat(second).isSameAs(first);
      assertThat(ran).isEmpty();
    });

    assertThat(ran).containsExactly("audit");
    assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(1);
  }

  @Test
  @DisplayName("an action registered by an action runs too, and none runs for a unit that rolls back")
  void runsChainedActionsAndNoneOnRollback() {
    transactions.useTransaction(() -> transactions.beforeCommit("first", () -> () -> {
      ran.add("first");
      transactions.beforeCommit("second", () -> () -> ran.add("second"));
    }));
    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      transactions.beforeCommit("dropped", () -> () -> ran.add("dropped"));
      throw new IllegalStateException("the work fails");
    })).hasMessage("the work fails");

    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  @DisplayName("an action that fails rolls back the unit with everything it wrote")
  void rollsBackWhenAnActionFails() {
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      outbox.add(READ);
      transactions.beforeCommit("fails", () -> () -> {
        throw new IllegalStateException("the action fails");
      });
    })).hasMessage("the action fails");

    assertThat(outbox.waiting(TenantId.DEFAULT)).isZero();
  }

  @Test
  @DisplayName("a unit marked rollback-only is rolled back and says so, rather than seeming committed")
  void reportsARollbackOnlyUnit() {
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      outbox.add(READ);
      transactions.entityManager().getTransaction().setRollbackOnly();
    })).isInstanceOf(RollbackException.class);

    assertThat(outbox.waiting(TenantId.DEFAULT)).isZero();
  }

  @Test
  @DisplayName("outside a unit an action cannot be registered")
  void refusesAnActionOutsideAUnit() {
    assertThat(transactions.boundToThisThread()).isFalse();
    assertThatThrownBy(() -> transactions.beforeCommit("audit", () -> () -> ran.add("audit")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("on the host's transaction, actions run at HostTransactions.commit() and are dropped at rollback()")
  void runsActionsAtTheHostsCommit() {
    EntityManager em = database.entityManagerFactory().createEntityManager();
    try {
      HostTransactions host = JpaTransactions.joining(em);
      JpaAuditOutbox outbox = new JpaAuditOutbox(host);

      host.begin();
      assertThat(host.boundToThisThread()).isTrue();
      host.beforeCommit("dropped", () -> () -> ran.add("dropped"));
      host.rollback();
      host.begin();
      host.beforeCommit("audit", () -> () -> {
        ran.add("audit");
        outbox.add(READ);
      });
      host.commit();

      assertThat(ran).containsExactly("audit");
      assertThat(host.boundToThisThread()).isFalse();
      assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(1);
    } finally {
      em.close();
    }
  }

  @Test
  @DisplayName("a transaction the host began on the entity manager directly refuses actions whose commit it cannot see")
  void refusesActionsOnATransactionItCannotSee() {
    EntityManager em = database.entityManagerFactory().createEntityManager();
    try {
      HostTransactions host = JpaTransactions.joining(em);
      em.getTransaction().begin();

      assertThatThrownBy(() -> host.inTransaction(() -> host.beforeCommit("audit", () -> () -> ran.add("audit"))))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("HostTransactions.begin()");
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
  }

  @Test
  @DisplayName("actions left by a transaction committed on the entity manager directly are reported at the next begin")
  void reportsActionsLeftByATransactionEndedDirectly() {
    EntityManager em = database.entityManagerFactory().createEntityManager();
    try {
      HostTransactions host = JpaTransactions.joining(em);
      host.begin();
      host.beforeCommit("audit", () -> () -> ran.add("audit"));
      em.getTransaction().commit();

      assertThatThrownBy(host::begin).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not run");
      host.begin();
      host.commit();
      assertThat(ran).isEmpty();
    } finally {
      em.close();
    }
  }

  @Test
  @DisplayName("a one-statement write outside a unit is committed when it returns, in one round trip")
  void commitsAOneStatementWriteOutsideAUnit() {
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);

    boolean autoCommit = transactions.inStoreWrite(connection -> {
      insertRecord(connection);
      return connection.getAutoCommit();
    });

    assertThat(autoCommit).as("the statement ran as a transaction of its own").isTrue();
    assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(1);
  }

  @Test
  @DisplayName("inside a unit a one-statement write joins the unit and rolls back with it")
  void joinsTheUnitWithAOneStatementWrite() {
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);

    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      boolean autoCommit = transactions.inStoreWrite(connection -> {
        insertRecord(connection);
        return connection.getAutoCommit();
      });
      assertThat(autoCommit).isFalse();
      assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(1);
      throw new IllegalStateException("the unit fails");
    })).hasMessage("the unit fails");

    assertThat(outbox.waiting(TenantId.DEFAULT)).isZero();
  }

  @Test
  @DisplayName("on a pool whose connections come with auto-commit off, a one-statement write is committed, or rolled"
      + " back when it fails")
  void commitsAOneStatementWriteOnAManualCommitPool() {
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);
    EntityManagerFactory factory = database.hostEntityManagerFactory("gdpr-kit-manual-commit", List.of(), List.of(),
        Map.of("hibernate.hikari.autoCommit", "false"));
    try {
      JpaTransactions manual = JpaTransactions.resourceLocal(factory);

      boolean autoCommit = manual.inStoreWrite(connection -> {
        insertRecord(connection);
        return connection.getAutoCommit();
      });
      assertThatThrownBy(() -> manual.inStoreWrite(connection -> {
        insertRecord(connection);
        throw new SQLException("the write fails after its insert");
      })).hasRootCauseMessage("the write fails after its insert");

      assertThat(autoCommit).as("the pool's connection").isFalse();
      assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(1);
    } finally {
      factory.close();
    }
  }

  private static int insertRecord(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into gdpr_audit_outbox (tenant, record, record_count) values (?, ?, 1)")) {
      insert.setString(1, TenantId.DEFAULT.value());
      insert.setBytes(2, PendingAuditRecord.encodeAll(List.of(READ)));
      return insert.executeUpdate();
    }
  }
}
