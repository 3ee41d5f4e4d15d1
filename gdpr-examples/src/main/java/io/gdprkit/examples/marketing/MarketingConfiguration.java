package io.gdprkit.examples.marketing;

import io.gdprkit.GdprKit;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.gdprkit.spring.events.GdprEventsProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What the companion processes personal data for (the CRM's two e-mail purposes that marketing automation sends,
 * both on consent and both direct marketing, Art. 6(1)(a), 21(2)) and its sign-up queue: a durable queue of its own on
 * the kit's exchange, bound to the consent events, next to the queue the starter binds to withdrawals, objections and
 * erasures.
 */
@Configuration(proxyBeanMethods = false)
class MarketingConfiguration {

  static final String NEWSLETTER = "newsletter";
  static final String OFFERS = "offers";

  @Bean
  GdprKitCustomizer marketingPurposes() {
    return builder -> builder
        .purpose(Purpose.of(NEWSLETTER, LegalBasis.CONSENT, "The monthly newsletter by e-mail")
            .withDataCategories(DataCategory.CONTACT_DETAILS).asDirectMarketing())
        .purpose(Purpose.of(OFFERS, LegalBasis.CONSENT, "Special offers by e-mail")
            .withDataCategories(DataCategory.CONTACT_DETAILS).asDirectMarketing())
        // Opens and clicks of the mails it sends; also what the shared TCF mapping (purpose 1) points at
        .purpose(Purpose.of("tracking", LegalBasis.CONSENT, "Opens and clicks of the e-mails we send")
            .withDataCategories(DataCategory.BEHAVIOURAL).requiring(ProcessingSwitch.TRACKING));
  }

  @Bean
  Declarables marketingSignupTopology(GdprEventsProperties properties, Environment environment) {
    TopicExchange exchange = new TopicExchange(properties.amqp().exchange(), true, false);
    Queue queue = QueueBuilder.durable(signupQueue(properties, environment)).build();
    List<Declarable> declarables = new ArrayList<>(List.of(exchange, queue));
    for (String type : SignupListener.SIGNUP_TYPES) {
      declarables.add(BindingBuilder.bind(queue).to(exchange).with("subject." + type));
    }
    return new Declarables(declarables);
  }

  @Bean
  SimpleMessageListenerContainer marketingSignupListener(ConnectionFactory connections, GdprKit gdpr,
      Subscribers subscribers, GdprEventsProperties properties, Environment environment) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(signupQueue(properties, environment));
    container.setMessageListener(new SignupListener(gdpr, subscribers, source(properties, environment),
        Clock.systemUTC()));
    container.setMissingQueuesFatal(false);
    return container;
  }

  /** The sign-up queue: the starter's queue for this application, suffixed {@code .signups}. */
  static String signupQueue(GdprEventsProperties properties, Environment environment) {
    return properties.amqp().queueFor(source(properties, environment)) + ".signups";
  }

  private static String source(GdprEventsProperties properties, Environment environment) {
    return properties.sourceOr(environment.getProperty("spring.application.name"));
  }
}
