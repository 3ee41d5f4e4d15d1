package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.spring.events.internal.AmqpEventListener;
import io.gdprkit.spring.events.internal.AmqpMessages;
import io.gdprkit.spring.events.internal.RabbitEventSender;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The kit's events over RabbitMQ, when Spring AMQP and a connection factory are present: the outbox relay sends each
 * event to a durable topic exchange with publisher confirms (unconfirmed events stay in the outbox), and this
 * system's durable queue receives the other systems' withdrawals, objections and erasures, dead-lettering what can
 * never be applied to {@code <queue>.dlq} (Art. 7(3), 17(2), 19, 21(3)).
 *
 * <p>Topology, all durable: the topic exchange {@code gdpr.events.amqp.exchange}, routing keys
 * {@code <aggregatetype>.<type>} such as {@code subject.ConsentWithdrawn}; this system's queue, bound to the types the
 * {@link RemoteEventApplier} applies, with the direct exchange {@code <exchange>.dlx} as its dead-letter exchange and
 * {@code <queue>.dlq} behind it.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code gdpr.events: { source: crm, amqp.exchange: acme.gdpr }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprEventsAutoConfiguration.class,
    afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass({RabbitTemplate.class, CachingConnectionFactory.class})
@ConditionalOnBean(ConnectionFactory.class)
@ConditionalOnProperty(name = "gdpr.events.amqp.enabled", matchIfMissing = true)
@Conditional(NamedApplicationCondition.class)
public final class GdprAmqpAutoConfiguration {

  @Bean
  Declarables gdprAmqpTopology(GdprEventsProperties properties, Environment environment) {
    GdprEventsProperties.Amqp amqp = properties.amqp();
    TopicExchange exchange = new TopicExchange(amqp.exchange(), true, false);
    List<Declarable> declarables = new ArrayList<>();
    declarables.add(exchange);
    if (amqp.listen()) {
      String queueName = amqp.queueFor(source(properties, environment));
      DirectExchange deadLetters = new DirectExchange(amqp.exchange() + ".dlx", true, false);
      Queue queue = QueueBuilder.durable(queueName).deadLetterExchange(deadLetters.getName())
          .deadLetterRoutingKey(queueName).build();
      Queue dlq = QueueBuilder.durable(queueName + ".dlq").build();
      declarables.add(deadLetters);
      declarables.add(queue);
      declarables.add(dlq);
      declarables.add(BindingBuilder.bind(dlq).to(deadLetters).with(queueName));
      for (String type : RemoteEventApplier.APPLIED_TYPES) {
        Binding binding = BindingBuilder.bind(queue).to(exchange).with(AmqpMessages.routingKey("subject", type));
        declarables.add(binding);
      }
    }
    return new Declarables(declarables);
  }

  /**
   * The sender, on a connection factory of its own with correlated publisher confirms: the host's factory may have
   * them off, and a send counts only once confirmed.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  RabbitEventSender gdprRabbitEventSender(ConnectionFactory connectionFactory, GdprEventsProperties properties,
      Environment environment) {
    String source = source(properties, environment);
    if (!(connectionFactory instanceof AbstractConnectionFactory host)) {
      if (!connectionFactory.isPublisherConfirms()) {
        throw new IllegalStateException("gdpr-kit sends events only with publisher confirms, which the "
            + connectionFactory.getClass().getName() + " bean does not give; set spring.rabbitmq.publisher-confirm-type"
            + "=correlated or define a RabbitEventSender bean");
      }
      return new RabbitEventSender(new RabbitTemplate(connectionFactory), properties.amqp().exchange(),
          source, properties.amqp().confirmTimeout(), () -> { });
    }
    CachingConnectionFactory confirming = new CachingConnectionFactory(host.getRabbitConnectionFactory());
    confirming.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
    confirming.setConnectionNameStrategy(factory -> "gdpr-kit-events-" + source);
    RabbitTemplate template = new RabbitTemplate(confirming);
    return new RabbitEventSender(template, properties.amqp().exchange(), source,
        properties.amqp().confirmTimeout(), confirming::destroy);
  }

  @Bean
  @ConditionalOnBean(RemoteEventApplier.class)
  @ConditionalOnProperty(name = "gdpr.events.amqp.listen", matchIfMissing = true)
  @ConditionalOnMissingBean(name = "gdprEventListenerContainer")
  SimpleMessageListenerContainer gdprEventListenerContainer(ConnectionFactory connectionFactory,
      RemoteEventApplier applier, GdprEventsProperties properties, Environment environment) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
    container.setQueueNames(properties.amqp().queueFor(source(properties, environment)));
    container.setMessageListener(new AmqpEventListener(applier, properties.amqp().retryDelay()));
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setDefaultRequeueRejected(true);
    container.setPrefetchCount(20);
    container.setMissingQueuesFatal(false);
    return container;
  }

  private static String source(GdprEventsProperties properties, Environment environment) {
    return properties.sourceOr(environment.getProperty("spring.application.name"));
  }
}
