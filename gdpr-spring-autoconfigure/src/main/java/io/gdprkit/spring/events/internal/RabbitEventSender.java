package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.outbox.OutboxEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import io.gdprkit.spring.events.EventBrokerUnavailableException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends outbox events to a RabbitMQ topic exchange and returns only once the broker confirmed the message: a message
 * the broker nacked or left unconfirmed past the timeout makes the send throw, so the event stays in the outbox and
 * is sent again (a withdrawal is never lost on the way, Art. 7(3)). A broker that cannot be reached, or leaves the
 * message unconfirmed, is reported as {@link EventBrokerUnavailableException}, an outage to wait out. Every message is persistent and every queue a
 * consumer declares is durable; a message whose type no queue is bound to is confirmed and dropped by the broker,
 * as publish-subscribe does.
 */
@API(status = INTERNAL, since = "0.2")
public final class RabbitEventSender {

  private final RabbitTemplate template;
  private final String exchange;
  private final String source;
  private final Duration confirmTimeout;
  private final Runnable close;
  private volatile boolean declared;

  /**
   * Creates the sink.
   *
   * @param template a template on a connection factory with correlated publisher confirms
   * @param close closes that connection factory
   */
  public RabbitEventSender(RabbitTemplate template, String exchange, String source, Duration confirmTimeout,
      Runnable close) {
    this.template = template;
    this.close = close;
    this.exchange = exchange;
    this.source = source;
    this.confirmTimeout = confirmTimeout;
  }

  /**
   * Sends one event and waits for the broker's confirm.
   *
   * @throws EventBrokerUnavailableException if the broker cannot be reached, or did not confirm the event in time
   * @throws AmqpException if the broker refused it
   */
  public void send(OutboxEvent event) {
    CorrelationData correlation = new CorrelationData(event.id().toString());
    try {
      declareExchange();
      template.send(exchange, AmqpMessages.routingKey(event.aggregateType(), event.type()),
          AmqpMessages.toMessage(event, source), correlation);
    } catch (AmqpException e) {
      throw EventBrokerUnavailableException.of(broker(), e);
    }
    CorrelationData.Confirm confirm;
    try {
      confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AmqpException("interrupted while waiting for the broker to confirm event " + event.id(), e);
    } catch (TimeoutException e) {
      throw EventBrokerUnavailableException.of(broker(), e);
    } catch (ExecutionException e) {
      throw new AmqpException("the broker did not confirm event " + event.id(), e.getCause());
    }
    if (!confirm.ack()) {
      throw new AmqpException("the broker refused event " + event.id() + ": " + confirm.reason());
    }
  }

  /** Returns the broker this sender publishes to, as {@code RabbitMQ at host:port}. */
  public String broker() {
    ConnectionFactory factory = template.getConnectionFactory();
    return "RabbitMQ at " + factory.getHost() + ":" + factory.getPort();
  }

  /** Closes the sender's connection. */
  public void close() {
    close.run();
  }

  /** Declares the exchange once per sender, so that the first system started can publish before any consumer. */
  private void declareExchange() {
    if (!declared) {
      template.execute(channel -> channel.exchangeDeclare(exchange, "topic", true));
      declared = true;
    }
  }
}
