package io.gdprkit.spring.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.jpa.audit.JpaAuditOutbox;
import io.gdprkit.jpa.consent.JpaConsentStore;
import io.gdprkit.spring.jpa.host.Customer;
import io.gdprkit.spring.jpa.host.CustomerService;
import io.gdprkit.spring.jpa.host.HostApplication;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import io.gdprkit.test.transaction.TransactionRunnerCompatibilityKit;
import io.gdprkit.transaction.TransactionRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's transactions meet the kit's contract for a unit of work, on H2 through JPA, and join the host's
 * transactions: before-commit actions, rollback-only on a kit failure, deadlock retries only when the kit owns the
 * transaction.
 */
class SpringJpaTransactionsTests extends TransactionRunnerCompatibilityKit {

  private static final AuditRecord READ = AuditRecord.of(AuditKind.ACCESSED, TenantId.DEFAULT, null,
      Actor.system("test"));

  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    context = new SpringApplicationBuilder(HostApplication.class).profiles("gdpr-h2")
        .run("--spring.main.web-application-type=none");
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  @Override
  protected TransactionRunner createRunner() {
    return context.getBean(SpringJpaTransactions.class);
  }

  @Override
  protected ConsentStore createStore() {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    jdbc.execute("set referential_integrity false");
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where lower(table_name) like 'gdpr%'", String.class)) {
      jdbc.execute("truncate table " + table);
    }
    jdbc.execute("set referential_integrity true");
    return new JpaConsentStore(context.getBean(SpringJpaTransactions.class));
  }

  @Test
  void runsBeforeCommitActionsInTheHostsTransactionJustBeforeItCommits() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    AtomicInteger runs = new AtomicInteger();

    host.executeWithoutResult(status -> {
      transactions.beforeCommit("key", () -> () -> {
        runs.incrementAndGet();
        transactions.entityManager().persist(new Customer("before-commit", "Written before commit", null));
      });
      transactions.beforeCommit("key", () -> () -> runs.addAndGet(100)); // same key: registered once
      assertThat(runs).hasValue(0);
    });

    assertThat(runs).hasValue(1);
    assertThat(customer("before-commit")).isNotNull();
  }

  @Test
  void neverRunsBeforeCommitActionsOfARolledBackTransaction() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    AtomicInteger runs = new AtomicInteger();

    host.executeWithoutResult(status -> {
      transactions.beforeCommit("key", () -> runs::incrementAndGet);
      status.setRollbackOnly();
    });

    assertThat(runs).hasValue(0);
  }

  @Test
  void keepsTheActionsOfATransactionTheHostSuspendsForAnInnerOne() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    PlatformTransactionManager manager = context.getBean(PlatformTransactionManager.class);
    TransactionTemplate outer = new TransactionTemplate(manager);
    TransactionTemplate inner = new TransactionTemplate(manager);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    List<String> ran = new CopyOnWriteArrayList<>();

    outer.executeWithoutResult(status -> {
      transactions.beforeCommit("key", () -> () -> ran.add("outer"));
      inner.executeWithoutResult(innerStatus -> transactions.beforeCommit("key", () -> () -> ran.add("inner")));
      assertThat(ran).containsExactly("inner");
    });

    assertThat(ran).containsExactly("inner", "outer");
  }

  @Test
  void marksTheHostsTransactionRollbackOnlyWhenTheKitFailsInIt() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

    assertThatThrownBy(() -> host.executeWithoutResult(status -> {
      transactions.entityManager().persist(new Customer("half-done", "Half done", null));
      try {
        transactions.useTransaction(() -> {
          throw new IllegalStateException("the kit failed");
        });
      } catch (IllegalStateException swallowed) {
        // the host catches the kit's failure and tries to commit its own work anyway
      }
    })).isInstanceOf(UnexpectedRollbackException.class);

    assertThat(customer("half-done")).isNull();
  }

  @Test
  void retriesADeadlockVictimOnlyInATransactionOfItsOwn() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    AtomicInteger alone = new AtomicInteger();
    AtomicInteger joined = new AtomicInteger();

    String result = transactions.inStoreTransaction(() -> victimOnce(alone));
    assertThatThrownBy(() -> host.executeWithoutResult(status -> transactions.inStoreTransaction(
        () -> victimOnce(joined)))).hasRootCauseInstanceOf(SQLException.class);

    assertThat(result).isEqualTo("done");
    assertThat(alone).hasValue(2);
    assertThat(joined).hasValue(1);
  }

  private static String victimOnce(AtomicInteger attempts) {
    if (attempts.incrementAndGet() == 1) {
      throw new IllegalStateException("chosen as victim", new SQLException("deadlock", "40001"));
    }
    return "done";
  }

  @Test
  void commitsAOneStatementWriteOutsideAnyTransactionInAutoCommitMode() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);
    long before = outbox.waiting(TenantId.DEFAULT);

    boolean autoCommit = transactions.inStoreWrite(connection -> {
      outbox.add(READ);
      return connection.getAutoCommit();
    });

    assertThat(autoCommit).as("one round trip: the statement is its own transaction").isTrue();
    assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(before + 1);
    outbox.add(READ);
    assertThat(outbox.waiting(TenantId.DEFAULT)).as("the outbox's own write, committed on return")
        .isEqualTo(before + 2);
  }

  @Test
  void aOneStatementWriteJoinsTheHostsTransactionAndRollsBackWithIt() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);
    long before = outbox.waiting(TenantId.DEFAULT);

    host.executeWithoutResult(status -> {
      boolean autoCommit = transactions.inStoreWrite(connection -> connection.getAutoCommit());
      outbox.add(READ);
      assertThat(autoCommit).as("the host transaction's connection").isFalse();
      status.setRollbackOnly();
    });

    assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(before);
  }

  @Test
  void aOneStatementWriteInAnAfterCommitActionIsCommittedOnItsOwn() {
    SpringJpaTransactions transactions = context.getBean(SpringJpaTransactions.class);
    TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    JpaAuditOutbox outbox = new JpaAuditOutbox(transactions);
    long before = outbox.waiting(TenantId.DEFAULT);

    host.executeWithoutResult(status -> transactions.afterCommit(() -> outbox.add(READ)));

    assertThat(outbox.waiting(TenantId.DEFAULT)).isEqualTo(before + 1);
  }

  private static Customer customer(String id) {
    return context.getBean(CustomerService.class).find(id);
  }
}
