package io.gdprkit.spring.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditPseudonyms;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.jpa.outbox.JpaEventOutbox;
import io.gdprkit.jpa.outbox.OutboxSink;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.gdprkit.spring.events.internal.CompositeEventPublisher;
import io.gdprkit.spring.events.internal.JpaEventInbox;
import io.gdprkit.spring.events.internal.JpaSubjectDirectory;
import io.gdprkit.spring.events.internal.LazyEventOutbox;
import io.gdprkit.spring.events.internal.RabbitEventSender;
import io.gdprkit.transaction.TransactionRunner;
import java.time.Clock;
import java.util.List;
import org.apiguardian.api.API;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The kit's events for the host and for a second system: each event as a Spring application event after its commit;
 * with gdpr-jpa and the kit's {@link JpaTransactions} as a bean, the transactional outbox, its relay to an
 * {@link OutboxSink} (Spring events, and RabbitMQ through {@link GdprAmqpAutoConfiguration}), the durable
 * {@link EventInbox} and the subject directory that let this system apply another's withdrawals, objections and
 * erasures once each (Art. 7(3), 17(2), 19, 21(3)).
 *
 * <p>Every {@link GdprEventPublisher} bean joins the kit's unit of work through one composite: another
 * auto-configuration or the host adds a publisher as a bean, never through {@code Builder.eventPublisher}, which
 * takes one. Each bean backs off when the host defines its own.
 *
 * <p>Usage example: <pre>{@code @EventListener void on(ConsentWithdrawn e) { mailer.stop(e.subject()); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class,
    afterName = "io.gdprkit.spring.jpa.GdprJpaAutoConfiguration")
@EnableConfigurationProperties(GdprEventsProperties.class)
public final class GdprEventsAutoConfiguration {

  @Bean
  @ConditionalOnProperty(name = "gdpr.events.publish-kit-events", matchIfMissing = true)
  GdprKitCustomizer gdprSpringEventsCustomizer(ApplicationEventPublisher publisher) {
    return builder -> builder.onEvent(publisher::publishEvent);
  }

  /** Says at start-up why events do not go to RabbitMQ when Spring AMQP is there but the application has no name. */
  @Bean
  @ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
  @ConditionalOnProperty(name = "gdpr.events.amqp.enabled", matchIfMissing = true)
  static SmartInitializingSingleton gdprUnnamedEventsWarning(Environment environment) {
    return () -> {
      String source = environment.getProperty("gdpr.events.source");
      String name = environment.getProperty("spring.application.name");
      if (!NamedApplicationCondition.valid(source) && !(source == null && NamedApplicationCondition.valid(name))) {
        LoggerFactory.getLogger(GdprEventsAutoConfiguration.class).warn("gdpr-kit's events are not sent to RabbitMQ:"
            + " set gdpr.events.source or spring.application.name (1 to 64 characters, unique among the applications"
            + " sharing the events), or gdpr.events.amqp.enabled=false to silence this");
      }
    };
  }

  @Bean
  GdprKitCustomizer gdprEventPublishersCustomizer(ObjectProvider<GdprEventPublisher> publishers) {
    return builder -> {
      List<GdprEventPublisher> all = publishers.orderedStream().toList();
      if (!all.isEmpty()) {
        builder.eventPublisher(all.size() == 1 ? all.get(0) : new CompositeEventPublisher(all));
      }
    };
  }

  /**
   * The applier of other systems' events, once a subject resolver exists to match their pseudonyms: the host's, or
   * the directory of {@link JpaEvents}, whose beans are registered before this method's condition is evaluated.
   */
  @Bean
  @ConditionalOnBean({GdprKit.class, SubjectResolver.class})
  @ConditionalOnMissingBean
  RemoteEventApplier gdprRemoteEventApplier(GdprKit kit, ObjectProvider<TransactionRunner> transactions,
      ObjectProvider<EventInbox> inbox, SubjectResolver resolver, GdprEventsProperties properties,
      Environment environment) {
    EventInbox received = inbox.getIfAvailable(() -> {
      LoggerFactory.getLogger(GdprEventsAutoConfiguration.class).warn("Other systems' events are applied once per"
          + " event id only while this JVM runs: without gdpr-jpa's JpaTransactions or an EventInbox bean the"
          + " inbox is in memory, and a redelivery after a restart applies an event again");
      return EventInbox.inMemory();
    });
    // Ambiguous runners fail here rather than let the inbox and the change commit apart
    return new RemoteEventApplier(kit, transactions.getIfAvailable(TransactionRunner::inMemory), received, resolver,
        properties.sourceOr(environment.getProperty("spring.application.name")));
  }

  /** The outbox, its relay and the inbox, on the kit's JPA transactions. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JpaEventOutbox.class)
  @ConditionalOnBean(JpaTransactions.class)
  static final class JpaEvents {

    @Bean
    @ConditionalOnMissingBean(JpaEventOutbox.class)
    LazyEventOutbox gdprEventOutbox(JpaTransactions transactions, ObjectProvider<GdprKit> kit) {
      return new LazyEventOutbox(transactions, kit::getObject);
    }

    @Bean
    @ConditionalOnMissingBean(SubjectResolver.class)
    JpaSubjectDirectory gdprSubjectDirectory(JpaTransactions transactions, ObjectProvider<GdprKit> kit) {
      return new JpaSubjectDirectory(transactions, subject -> AuditPseudonyms.of(kit.getObject().pseudonymKey(),
          subject));
    }

    @Bean
    @ConditionalOnMissingBean
    EventInbox gdprEventInbox(JpaTransactions transactions) {
      return new JpaEventInbox(transactions, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxSink gdprOutboxSink(ApplicationEventPublisher publisher, ObjectProvider<RabbitEventSender> rabbit) {
      // The broker first: in-process listeners hear only of what left, and a refused send stops both.
      SpringEventsOutboxSink spring = new SpringEventsOutboxSink(publisher);
      return event -> {
        RabbitEventSender sender = rabbit.getIfAvailable();
        if (sender != null) {
          sender.send(event);
        }
        spring.send(event);
      };
    }

    @Bean
    @ConditionalOnMissingBean
    EventOutboxRelay gdprEventOutboxRelay(JpaTransactions transactions, OutboxSink sink) {
      return new EventOutboxRelay(transactions, sink, Clock.systemUTC());
    }
  }
}
