package io.gdprkit.spring.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentGranted;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.gdprkit.spring.jpa.host.Customer;
import io.gdprkit.spring.jpa.host.CustomerService;
import io.gdprkit.spring.jpa.host.HostApplication;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A host application on H2 with JPA and the starter: decisions and erasure work through the beans, and the kit's
 * writes commit and roll back with the host's {@code @Transactional} methods.
 */
@SpringBootTest(classes = {HostApplication.class, GdprJpaIntegrationTests.Events.class})
@ActiveProfiles("gdpr-h2")
@ExtendWith(OutputCaptureExtension.class)
class GdprJpaIntegrationTests {

  @Autowired
  GdprKit gdpr;

  @Autowired
  CustomerService customers;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Events events;

  @Test
  void decidesOnAConsentRecordedInTheHostsTransaction() {
    customers.signUp("c-1", "Alice Example", "alice@example.com", false);

    assertThat(gdpr.decide(SubjectId.of("c-1"), "newsletter").allowed()).isTrue();
    assertThat(customers.find("c-1")).isNotNull();
  }

  @Test
  void chainsTheAuditEntriesOfAWriteBeforeItReturns(CapturedOutput output) {
    // Issue 12: the after-commit drain joined the Spring transaction that had just committed, failed to append,
    // and left the entries waiting for the scheduled drain with an "appending audit entries … failed" warning
    gdpr.consents().grant(SubjectId.of("c-6"), "newsletter", ConsentProof.webForm("signup", "v1").build());
    customers.signUp("c-7", "Grace Example", "grace@example.com", false);

    assertThat(gdpr.audit().waiting(TenantId.DEFAULT)).isZero();
    assertThat(gdpr.audit().verify(TenantId.DEFAULT).intact()).isTrue();
    assertThat(output.getAll()).doesNotContain("appending audit entries").doesNotContain("after-commit action failed");
  }

  @Test
  void storesTheHostsEncryptedColumnUnderTheSubjectsKey() {
    customers.signUp("c-5", "Eve Example", "eve@example.com", false);

    String stored = jdbc.queryForObject("select email from host_customer where id = 'c-5'", String.class);
    assertThat(stored).startsWith("gkj1~").doesNotContain("eve@example.com");
    assertThat(customers.find("c-5").email()).isEqualTo("eve@example.com");
  }

  @Test
  void leavesNothingOfTheKitsWritesWhenTheHostsTransactionRollsBack() {
    Map<String, Integer> before = rowsPerKitTable();

    assertThatThrownBy(() -> customers.signUp("c-2", "Bob Example", "bob@example.com", true))
        .isInstanceOf(IllegalStateException.class);

    assertThat(customers.find("c-2")).isNull();
    assertThat(gdpr.decide(SubjectId.of("c-2"), "newsletter").reason()).isEqualTo(DecisionReason.NO_CONSENT);
    assertThat(rowsPerKitTable()).isEqualTo(before);
    assertThat(events.grantedTo("c-2")).isEmpty();
  }

  @Test
  void tellsListenersOfACommittedConsentAfterTheCommit() {
    customers.signUp("c-3", "Carol Example", "carol@example.com", false);

    assertThat(events.grantedTo("c-3")).hasSize(1);
  }

  @Test
  void erasesTheHostsAnnotatedEntityThroughTheKit() {
    customers.signUp("c-4", "Dave Example", "dave@example.com", false);

    gdpr.erasure().erase(SubjectId.of("c-4"));

    Customer erased = customers.find("c-4");
    assertThat(erased.name()).isEqualTo("erased");
    assertThat(erased.email()).isNull();
    assertThat(gdpr.erasure().wasErased(SubjectId.of("c-4"))).isTrue();
    assertThat(gdpr.decide(SubjectId.of("c-4"), "newsletter").allowed()).isFalse();
  }

  /** Returns how many rows each of the kit's tables holds. */
  private Map<String, Integer> rowsPerKitTable() {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where lower(table_name) like 'gdpr%' order by table_name", String.class)) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
    }
    assertThat(rows).hasSizeGreaterThan(20);
    return rows;
  }

  /** Collects the kit's events as an after-commit listener, registered through a customizer. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Events {

    final List<GdprEvent> received = new CopyOnWriteArrayList<>();

    @Bean
    GdprKitCustomizer collectEvents() {
      return builder -> builder.onEvent(received::add);
    }

    List<GdprEvent> grantedTo(String subject) {
      return received.stream()
          .filter(e -> e instanceof ConsentGranted granted && granted.subject().equals(SubjectId.of(subject)))
          .toList();
    }
  }
}
