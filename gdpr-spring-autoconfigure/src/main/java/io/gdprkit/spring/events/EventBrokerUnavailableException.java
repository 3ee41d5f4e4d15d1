package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Thrown when the event broker cannot be reached, or did not confirm an event in time: the events stay in the outbox
 * and are sent once it is back, so nothing is lost (Art. 7(3), 17(2)).
 *
 * <p>Why a type of its own: an unreachable broker is an outage to wait out, not a failure of the host's code; the
 * starter's scheduled relay says so once, backs off, and says when the broker is back.
 *
 * <p>Usage example: <pre>{@code catch (EventBrokerUnavailableException e) { log.warn(e.getMessage()); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class EventBrokerUnavailableException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String broker;

  private EventBrokerUnavailableException(String broker, Throwable cause) {
    super("the event broker " + broker + " is unreachable (" + cause.getClass().getSimpleName()
        + "); the events stay in the outbox and are sent once it is back", cause);
    this.broker = broker;
  }

  /**
   * Creates the exception.
   *
   * @param broker the broker, as {@code RabbitMQ at host:port}; never a credential
   * @param cause what the client threw; only its type goes into the message
   * @return the exception, for the caller to throw
   */
  public static EventBrokerUnavailableException of(String broker, Throwable cause) {
    return new EventBrokerUnavailableException(broker, cause);
  }

  /** Returns the broker, as {@code RabbitMQ at host:port}. */
  public String broker() {
    return broker;
  }
}
