package io.gdprkit.preference;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a call names a topic that was not declared on the kit.
 *
 * <p>Usage example: <pre>{@code gdpr.preferences().subscribe(alice, "ofers", proof)  // throws UnknownTopicException}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class UnknownTopicException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String topic;

  private UnknownTopicException(String topic) {
    super("topic " + Messages.quote(topic) + " is not declared; declare it with GdprKit.builder().topic(...)");
    this.topic = topic;
  }

  /** Creates the exception. */
  public static UnknownTopicException of(String topic) {
    return new UnknownTopicException(topic);
  }

  /** Returns the id that was not declared. */
  public String topic() {
    return topic;
  }
}
