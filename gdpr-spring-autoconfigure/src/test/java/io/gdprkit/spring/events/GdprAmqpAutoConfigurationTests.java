package io.gdprkit.spring.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.spring.events.internal.RabbitEventSender;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Runs without a broker: nothing listens on port 1, and the listener container is only created, never started. */
@ExtendWith(OutputCaptureExtension.class)
class GdprAmqpAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprEventsAutoConfiguration.class,
          RabbitAutoConfiguration.class, GdprAmqpAutoConfiguration.class))
      .withPropertyValues("gdpr.jpa.enabled=false", "spring.rabbitmq.port=1", "gdpr.events.source=crm",
          "gdpr.events.amqp.exchange=gdpr-kit.starter-events.conditions")
      .withBean(SubjectResolver.class, () -> (tenant, pseudonym) -> Optional.empty());

  @Test
  void sendsWhenSpringAmqpAndAConnectionFactoryArePresent() {
    runner.withPropertyValues("gdpr.events.amqp.listen=false").run(context -> assertThat(context)
        .hasSingleBean(RabbitEventSender.class).hasSingleBean(Declarables.class)
        .doesNotHaveBean(SimpleMessageListenerContainer.class));
  }

  @Test
  void declaresTheQueueWithItsDeadLetterQueueAndListensToIt() {
    runner.withPropertyValues("gdpr.events.amqp.listen=true")
        .withInitializer(context -> context.getBeanFactory().addBeanPostProcessor(new NoAutoStartup()))
        .run(context -> {
          Declarables topology = context.getBean(Declarables.class);

          assertThat(topology.getDeclarablesByType(Queue.class)).extracting(Queue::getName)
              .containsExactlyInAnyOrder("gdpr-kit.starter-events.conditions.crm",
                  "gdpr-kit.starter-events.conditions.crm.dlq");
          assertThat(topology.getDeclarablesByType(Queue.class).get(0).getArguments())
              .containsEntry("x-dead-letter-exchange", "gdpr-kit.starter-events.conditions.dlx");
          assertThat(context.getBean(SimpleMessageListenerContainer.class).getQueueNames())
              .containsExactly("gdpr-kit.starter-events.conditions.crm");
        });
  }

  @Test
  void namesTheQueueAfterTheApplicationWithoutASource() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprEventsAutoConfiguration.class,
            RabbitAutoConfiguration.class, GdprAmqpAutoConfiguration.class))
        .withPropertyValues("gdpr.jpa.enabled=false", "spring.rabbitmq.port=1", "spring.application.name=shop",
            "gdpr.events.amqp.exchange=gdpr-kit.starter-events.conditions")
        .run(context -> assertThat(context.getBean(Declarables.class).getDeclarablesByType(Queue.class))
            .extracting(Queue::getName).contains("gdpr-kit.starter-events.conditions.shop"));
  }

  @Test
  void staysOffForAnApplicationWithoutANameAndSaysWhy(CapturedOutput output) {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprEventsAutoConfiguration.class,
            RabbitAutoConfiguration.class, GdprAmqpAutoConfiguration.class))
        .withPropertyValues("spring.rabbitmq.port=1")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(RabbitEventSender.class)
              .doesNotHaveBean(Declarables.class);
          assertThat(output).contains("gdpr-kit's events are not sent to RabbitMQ: set gdpr.events.source");
        });
  }

  @Test
  void staysOffWithoutSpringAmqp() {
    runner.withClassLoader(new FilteredClassLoader(RabbitTemplate.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RabbitEventSender.class)
            .doesNotHaveBean(Declarables.class));
  }

  @Test
  void staysOffWhenSwitchedOff() {
    runner.withPropertyValues("gdpr.events.amqp.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(RabbitEventSender.class));
  }

  @Test
  void staysOffWithoutAConnectionFactory() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprEventsAutoConfiguration.class,
            GdprAmqpAutoConfiguration.class))
        .withPropertyValues("gdpr.jpa.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RabbitEventSender.class));
  }

  @Test
  void backsOffWhenTheHostDefinesItsOwnListenerContainer() {
    runner.withPropertyValues("gdpr.events.amqp.listen=true")
        .withBean("gdprEventListenerContainer", SimpleMessageListenerContainer.class, () -> {
          SimpleMessageListenerContainer own = new SimpleMessageListenerContainer(
              new org.springframework.amqp.rabbit.connection.CachingConnectionFactory("127.0.0.1", 1));
          own.setAutoStartup(false);
          return own;
        })
        .run(context -> assertThat(context.getBean(SimpleMessageListenerContainer.class).getQueueNames()).isEmpty());
  }

  /** Keeps listener containers from connecting: these tests look at the wiring only. */
  static final class NoAutoStartup implements org.springframework.beans.factory.config.BeanPostProcessor {
    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
      if (bean instanceof SimpleMessageListenerContainer container) {
        container.setAutoStartup(false);
      }
      return bean;
    }
  }
}
