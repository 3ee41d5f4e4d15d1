package io.gdprkit.spring.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.jpa.outbox.OutboxEvent;
import io.gdprkit.spring.events.EventInbox;
import io.gdprkit.spring.events.RemoteEventApplier;
import io.gdprkit.transaction.TransactionRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

class AmqpEventListenerTests {

  private final EventInbox inbox = EventInbox.inMemory();
  private final RemoteEventApplier applier = new RemoteEventApplier(GdprKit.builder().build(),
      TransactionRunner.inMemory(), inbox, (tenant, pseudonym) -> {
        throw new IllegalStateException("database down");
      }, "marketing");
  private final AmqpEventListener listener = new AmqpEventListener(applier, Duration.ofMillis(200));

  @Test
  void carriesAnOutboxEventAcrossUnchanged() {
    OutboxEvent sent = new OutboxEvent(UUID.randomUUID(), "subject", "k1:p", "ConsentWithdrawn", "{\"a\":1}", "acme",
        Instant.parse("2026-12-07T09:00:00Z"), 42);

    var received = AmqpMessages.fromMessage(AmqpMessages.toMessage(sent, "crm"));

    assertThat(received.id()).isEqualTo(sent.id());
    assertThat(received.source()).isEqualTo("crm");
    assertThat(received.type()).isEqualTo("ConsentWithdrawn");
    assertThat(received.tenant()).isEqualTo("acme");
    assertThat(received.payload()).isEqualTo("{\"a\":1}");
  }

  @Test
  void deadLettersAMessageThatIsNoEvent() {
    Message stray = MessageBuilder.withBody("hello".getBytes(StandardCharsets.UTF_8)).build();

    assertThatThrownBy(() -> listener.onMessage(stray)).isInstanceOf(AmqpRejectAndDontRequeueException.class);
  }

  @Test
  void deadLettersAnEventThatCanNeverBeApplied() {
    assertThatThrownBy(() -> listener.onMessage(event("not json")))
        .isInstanceOf(AmqpRejectAndDontRequeueException.class).hasMessageContaining("dead-letter");
  }

  @Test
  void pausesThenRequeuesAnEventThatFailedForAPassingReason() {
    Message withdrawal = event("{\"subject\":\"k1:p\",\"purpose\":\"newsletter\",\"occurredAt\":\"" + Instant.now()
        + "\"}");
    long start = System.nanoTime();

    assertThatThrownBy(() -> listener.onMessage(withdrawal)).isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(AmqpRejectAndDontRequeueException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(inbox.contains(UUID.fromString(withdrawal.getMessageProperties().getMessageId()))).isFalse();
  }

  private static Message event(String payload) {
    return MessageBuilder.withBody(payload.getBytes(StandardCharsets.UTF_8))
        .setMessageId(UUID.randomUUID().toString()).setType("ConsentWithdrawn").setAppId("crm")
        .setHeader(AmqpMessages.TENANT, "default").build();
  }
}
