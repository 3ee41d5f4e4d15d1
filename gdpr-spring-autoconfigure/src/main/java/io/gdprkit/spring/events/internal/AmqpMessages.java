package io.gdprkit.spring.events.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.jpa.outbox.OutboxEvent;
import io.gdprkit.spring.events.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.apiguardian.api.API;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * How an outbox event travels over AMQP: the payload as the JSON body; id, type and sending system as the standard
 * message id, type and app id properties; tenant, aggregate and sequence as headers; routed by
 * {@code <aggregatetype>.<type>}, such as {@code subject.ConsentWithdrawn}.
 */
@API(status = INTERNAL, since = "0.2")
public final class AmqpMessages {

  /** The header that names the tenant. */
  public static final String TENANT = "gdpr-tenant";
  /** The header with the subject's pseudonym or the tenant id (Debezium's aggregateid). */
  public static final String AGGREGATE_ID = "gdpr-aggregate-id";
  /** The header with the outbox sequence. */
  public static final String SEQUENCE = "gdpr-sequence";

  private AmqpMessages() {}

  /** Returns the routing key of an event. */
  public static String routingKey(String aggregateType, String type) {
    return aggregateType + "." + type;
  }

  /** Returns the message for an outbox event sent by {@code source}. */
  public static Message toMessage(OutboxEvent event, String source) {
    return MessageBuilder.withBody(event.payload().getBytes(StandardCharsets.UTF_8))
        .setContentType(MessageProperties.CONTENT_TYPE_JSON)
        .setContentEncoding(StandardCharsets.UTF_8.name())
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .setMessageId(event.id().toString())
        .setType(event.type())
        .setAppId(source)
        .setTimestamp(Date.from(event.createdAt()))
        .setHeader(TENANT, event.tenant())
        .setHeader(AGGREGATE_ID, event.aggregateId())
        .setHeader(SEQUENCE, event.sequence())
        .build();
  }

  /**
   * Returns the received event a message carries.
   *
   * @throws IllegalArgumentException if a property is missing or the id is no UUID
   */
  public static ReceivedEvent fromMessage(Message message) {
    MessageProperties properties = message.getMessageProperties();
    String id = properties.getMessageId();
    String source = properties.getAppId();
    String type = properties.getType();
    Object tenant = properties.getHeaders().get(TENANT);
    if (id == null || source == null || type == null || tenant == null) {
      throw new IllegalArgumentException("the message lacks its id, app id, type or " + TENANT + " header");
    }
    return new ReceivedEvent(UUID.fromString(id), source, type, tenant.toString(),
        new String(message.getBody(), StandardCharsets.UTF_8));
  }
}
