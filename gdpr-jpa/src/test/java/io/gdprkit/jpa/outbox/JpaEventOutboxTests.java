package io.gdprkit.jpa.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.HostCodeException;
import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentWithdrawn;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "JPA event outbox on {0}")
@EnumSource(TestDatabase.class)
class JpaEventOutboxTests {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final SubjectId ALICE = SubjectId.of("contact-42");
  private static final PseudonymKey KEY = PseudonymKey.of("k1", new byte[32]);

  @Parameter
  TestDatabase database;

  private JpaTransactions transactions;
  private JpaEventOutbox outbox;

  @BeforeEach
  void cleanTables() {
    database.clean();
    transactions = database.transactions();
    outbox = new JpaEventOutbox(transactions, KEY);
  }

  private static ConsentWithdrawn withdrawn(SubjectId subject, long sequence, Instant at) {
    return new ConsentWithdrawn(subject, "newsletter", UUID.randomUUID(), sequence, Actor.subject(), at);
  }

  private EventOutboxRelay relay(OutboxSink sink) {
    return new EventOutboxRelay(transactions, sink, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("an event is stored in Debezium's outbox layout, its subject named only by the audit pseudonym")
  void storesTheEventWithItsSubjectPseudonymised() {
    transactions.useTransaction(() -> outbox.publish(withdrawn(ALICE, 2, NOW)));

    List<OutboxEvent> sent = new ArrayList<>();
    assertThat(relay(sent::add).relayOnce(10)).isEqualTo(1);

    OutboxEvent event = sent.get(0);
    String pseudonym = AuditPseudonyms.of(KEY, ALICE);
    assertThat(event.aggregateType()).isEqualTo("subject");
    assertThat(event.aggregateId()).isEqualTo(pseudonym);
    assertThat(event.type()).isEqualTo("ConsentWithdrawn");
    assertThat(event.tenant()).isEqualTo(TenantId.DEFAULT.value());
    assertThat(event.createdAt()).isEqualTo(NOW);
    assertThat(event.payload()).contains("\"subject\":\"" + pseudonym + "\"", "\"purpose\":\"newsletter\"",
        "\"sequence\":2").doesNotContain("contact-42");
  }

  @Test
  @DisplayName("an event published in a unit that rolls back is never relayed (Art. 7(3): only what was committed)")
  void dropsTheEventOfARolledBackUnit() {
    RuntimeException failure = new RuntimeException("the host's change failed");
    assertThatThrownBy(() -> transactions.useTransaction(() -> {
      outbox.publish(withdrawn(ALICE, 2, NOW));
      throw failure;
    })).isSameAs(failure);

    assertThat(relay(event -> { }).relayOnce(10)).isZero();
    assertThat(relay(event -> { }).backlog(Duration.ZERO).waiting()).isZero();
  }

  @Test
  @DisplayName("the relay sends in insert order and deletes what it sent; a failing sink leaves the batch for later")
  void relaysInOrderAndKeepsABatchTheSinkRefused() {
    for (int i = 1; i <= 5; i++) {
      long sequence = i;
      transactions.useTransaction(() -> outbox.publish(withdrawn(ALICE, sequence, NOW)));
    }

    assertThatThrownBy(() -> relay(event -> {
      throw new IllegalStateException("broker down");
    }).relayOnce(10)).isInstanceOf(HostCodeException.class).hasMessageNotContaining("broker down");
    assertThat(relay(event -> { }).backlog(Duration.ZERO).waiting()).isEqualTo(5);

    List<OutboxEvent> sent = new ArrayList<>();
    assertThat(relay(sent::add).relayAll(2, 10)).isEqualTo(5);
    assertThat(sent).extracting(OutboxEvent::type).containsOnly("ConsentWithdrawn");
    assertThat(sent).extracting(OutboxEvent::sequence).isSorted();
    assertThat(sent).extracting(e -> e.payload().replaceAll(".*\"sequence\":(\\d+).*", "$1"))
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(relay(event -> { }).backlog(Duration.ZERO).waiting()).isZero();
  }

  @Test
  @DisplayName("a sink's gdpr-kit exception reaches the caller as it was thrown, and the batch stays")
  void passesTheKitsOwnExceptionThrough() {
    transactions.useTransaction(() -> outbox.publish(withdrawn(ALICE, 1, NOW)));
    InvalidInputException unavailable = InvalidInputException.of("broker", "is unreachable");

    assertThatThrownBy(() -> relay(event -> {
      throw unavailable;
    }).relayOnce(10)).isSameAs(unavailable);
    assertThat(relay(event -> { }).backlog(Duration.ZERO).waiting()).isEqualTo(1);
  }

  @Test
  @DisplayName("two relays racing over one outbox send every event exactly once")
  void racingRelaysSendEachEventOnce() throws Exception {
    int events = 200;
    for (int i = 0; i < events; i++) {
      SubjectId subject = SubjectId.of("racer-" + i);
      transactions.useTransaction(() -> outbox.publish(withdrawn(subject, 1, NOW)));
    }
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    List<UUID> duplicates = Collections.synchronizedList(new ArrayList<>());
    OutboxSink sink = event -> {
      if (!seen.add(event.id())) {
        duplicates.add(event.id());
      }
    };

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> relayed = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        relayed.add(pool.submit(() -> relay(sink).relayAll(7, 1_000)));
      }
      int total = 0;
      for (Future<Integer> future : relayed) {
        total += future.get();
      }
      assertThat(total).isEqualTo(events);
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(events);
    assertThat(duplicates).isEmpty();
  }

  @Test
  @DisplayName("the backlog counts stale rows, and purge deletes old rows in bounded batches without relaying them")
  void reportsTheBacklogAndPurgesOldRows() {
    transactions.useTransaction(() -> outbox.publish(withdrawn(ALICE, 1, NOW.minus(Duration.ofHours(2)))));
    transactions.useTransaction(() -> outbox.publish(withdrawn(ALICE, 2, NOW.minus(Duration.ofHours(1)))));
    transactions.useTransaction(() -> outbox.publish(withdrawn(ALICE, 3, NOW)));
    EventOutboxRelay relay = relay(event -> { });

    OutboxBacklog backlog = relay.backlog(Duration.ofMinutes(30));
    assertThat(backlog.waiting()).isEqualTo(3);
    assertThat(backlog.stale()).isEqualTo(2);
    assertThat(backlog.oldestCreated()).contains(NOW.minus(Duration.ofHours(2)));

    assertThat(relay.purge(NOW.minus(Duration.ofMinutes(30)), 1)).isEqualTo(1);
    assertThat(relay.purge(NOW.minus(Duration.ofMinutes(30)), 10)).isEqualTo(1);
    assertThat(relay.backlog(Duration.ofMinutes(30)).waiting()).isEqualTo(1);
  }

  @Test
  @DisplayName("a kit publishing through the outbox writes a withdrawal in the unit that records it")
  void aKitWritesItsEventsToTheOutbox() {
    GdprKit kit = GdprKit.builder()
        .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
        .transactions(transactions)
        .eventPublisher(outbox)
        .allowGeneratedKeys()
        .build();

    kit.consents().grant(ALICE, "newsletter", ConsentProof.of(ConsentChannel.API, Actor.subject()));
    kit.consents().withdraw(ALICE, "newsletter");

    List<OutboxEvent> sent = new ArrayList<>();
    relay(sent::add).relayAll(10, 10);
    assertThat(sent).extracting(OutboxEvent::type).containsSubsequence("ConsentGranted", "ConsentWithdrawn");
    assertThat(sent).allSatisfy(event -> assertThat(event.payload()).doesNotContain("contact-42"));
  }
}
