package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gdpr.events.*} properties: how this application names itself to the others, and the RabbitMQ exchange
 * and queue its events travel through, so that an opt-out or an erasure in one system reaches the others (Art. 7(3),
 * Art. 17(2), Art. 19).
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code
 * gdpr.events:
 *   source: crm
 *   amqp: { exchange: acme.gdpr, queue: acme.gdpr.crm }
 * }</pre>
 *
 * @param source Name of this application in the messages it sends, 'spring.application.name' when not set; its
 *     listener ignores messages with this name, so every application of a group needs its own
 * @param publishKitEvents Whether the kit's events are published as Spring application events after each commit
 * @param amqp RabbitMQ settings, used when Spring AMQP is on the classpath
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@ConfigurationProperties("gdpr.events")
public record GdprEventsProperties(@Nullable String source,
    @DefaultValue("true") boolean publishKitEvents, @DefaultValue Amqp amqp) {

  /** Checks the names. */
  public GdprEventsProperties {
    if (source != null && (source.isBlank() || source.length() > 64)) {
      throw new IllegalArgumentException("gdpr.events.source must be 1 to 64 characters, such as 'crm'");
    }
  }

  /** The name an application without {@code gdpr.events.source} or {@code spring.application.name} goes by. */
  static final String UNNAMED = "unnamed-application";

  /**
   * Returns this application's name in the messages: {@code gdpr.events.source}, else {@code spring.application.name},
   * else {@value #UNNAMED}, under which RabbitMQ stays off ({@link NamedApplicationCondition}): two applications left
   * unnamed would take each other's events for their own echoes and drop them.
   */
  public String sourceOr(@Nullable String applicationName) {
    if (source != null) {
      return source;
    }
    if (applicationName == null || applicationName.isBlank() || applicationName.length() > 64) {
      // Unnamed: RabbitMQ stays off (NamedApplicationCondition), so no other system's events arrive to be told apart
      return UNNAMED;
    }
    return applicationName;
  }

  /**
   * RabbitMQ settings.
   *
   * @param enabled Whether events are sent to and received from RabbitMQ when Spring AMQP is present
   * @param exchange Topic exchange every application of the group publishes to
   * @param queue Durable queue this application receives from; the exchange's name, a dot and the source when not set
   * @param confirmTimeout How long a send waits for the broker's confirm before the event stays in the outbox
   * @param listen Whether this application applies the other applications' withdrawals, objections and erasures
   * @param retryDelay How long the listener pauses before an event that failed for a passing reason, such as the
   *     database being down, goes back to the queue
   */
  public record Amqp(@DefaultValue("true") boolean enabled, @DefaultValue("gdpr-kit.events") String exchange,
      @Nullable String queue, @DefaultValue("10s") Duration confirmTimeout, @DefaultValue("true") boolean listen,
      @DefaultValue("1s") Duration retryDelay) {

    /** Checks the settings. */
    public Amqp {
      if (exchange.isBlank()) {
        throw new IllegalArgumentException("gdpr.events.amqp.exchange must not be blank");
      }
      if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
        throw new IllegalArgumentException("gdpr.events.amqp.confirm-timeout must be positive, such as 10s");
      }
      if (retryDelay.isNegative()) {
        throw new IllegalArgumentException("gdpr.events.amqp.retry-delay must not be negative, such as 1s");
      }
    }

    /** Returns the queue this application receives from. */
    public String queueFor(String source) {
      return queue != null && !queue.isBlank() ? queue : exchange + "." + source;
    }
  }
}
