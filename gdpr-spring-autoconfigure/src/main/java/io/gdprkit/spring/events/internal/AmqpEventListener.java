package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.spring.events.ReceivedEvent;
import io.gdprkit.spring.events.RemoteEventApplier;
import io.gdprkit.spring.events.UnappliableEventException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Applies each message of this system's queue through the {@link RemoteEventApplier}; the container acknowledges
 * it when this returns. A message that can never be applied is rejected without requeue, which dead-letters it; a
 * store failure rejects it with requeue, to be applied on redelivery.
 */
@API(status = INTERNAL, since = "0.2")
public final class AmqpEventListener implements MessageListener {

  private static final Logger log = LoggerFactory.getLogger(AmqpEventListener.class);

  private final RemoteEventApplier applier;
  private final Duration retryDelay;

  /**
   * Creates the listener.
   *
   * @param retryDelay how long the consumer pauses after a failure that a redelivery may cure, so that a database
   *     that is down is not asked again in a tight loop
   */
  public AmqpEventListener(RemoteEventApplier applier, Duration retryDelay) {
    this.applier = applier;
    this.retryDelay = retryDelay;
  }

  @Override
  public void onMessage(Message message) {
    ReceivedEvent event;
    try {
      event = AmqpMessages.fromMessage(message);
    } catch (IllegalArgumentException e) {
      log.warn("Dead-lettering a message that is no gdpr-kit event: {}", e.getMessage());
      throw new AmqpRejectAndDontRequeueException("not a gdpr-kit event", e);
    }
    try {
      RemoteEventApplier.Outcome outcome = applier.apply(event);
      log.debug("{}: {}", event, outcome);
    } catch (UnappliableEventException e) {
      log.warn("{}", e.getMessage());
      throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
    } catch (RuntimeException e) {
      log.warn("{} failed and goes back to the queue: {}", event, e.toString());
      pause();
      throw e;
    }
  }

  private void pause() {
    try {
      Thread.sleep(retryDelay.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
