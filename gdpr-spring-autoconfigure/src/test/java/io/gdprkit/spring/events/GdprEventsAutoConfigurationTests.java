package io.gdprkit.spring.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentGranted;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.jpa.outbox.OutboxSink;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.spring.events.internal.JpaSubjectDirectory;
import io.gdprkit.spring.events.internal.LazyEventOutbox;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

class GdprEventsAutoConfigurationTests {

  private static final SubjectId ALICE = SubjectId.of("alice");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprEventsAutoConfiguration.class))
      .withPropertyValues("gdpr.jpa.enabled=false", "gdpr.purposes.newsletter.basis=CONSENT",
          "gdpr.purposes.newsletter.description=Monthly newsletter", "spring.application.name=marketing");

  @Test
  void publishesTheKitsEventsAsSpringEventsAfterTheCommit() {
    List<GdprEvent> heard = new CopyOnWriteArrayList<>();
    runner.withBean(ApplicationListener.class, () -> (ApplicationListener<PayloadApplicationEvent<?>>) e -> {
      if (e.getPayload() instanceof GdprEvent event) {
        heard.add(event);
      }
    }).run(context -> {
      grant(context.getBean(GdprKit.class));

      assertThat(heard).hasAtLeastOneElementOfType(ConsentGranted.class);
    });
  }

  @Test
  void publishesNoSpringEventsWhenSwitchedOff() {
    runner.withPropertyValues("gdpr.events.publish-kit-events=false")
        .run(context -> assertThat(context).doesNotHaveBean("gdprSpringEventsCustomizer"));
  }

  @Test
  void leavesOutTheOutboxAndTheApplierWithoutJpaOrAResolver() {
    runner.run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(OutboxSink.class).doesNotHaveBean(EventOutboxRelay.class)
        .doesNotHaveBean(EventInbox.class).doesNotHaveBean(RemoteEventApplier.class));
  }

  @Test
  void wiresTheOutboxRelayInboxAndDirectoryOnTheKitsJpaTransactions() {
    runner.withBean(JpaTransactions.class, UnusedTransactions::new).run(context -> assertThat(context)
        .hasSingleBean(LazyEventOutbox.class).hasSingleBean(JpaSubjectDirectory.class)
        .hasSingleBean(EventInbox.class).hasSingleBean(OutboxSink.class).hasSingleBean(EventOutboxRelay.class)
        .hasSingleBean(RemoteEventApplier.class));
  }

  @Test
  void leavesOutTheJpaPartsWhenGdprJpaIsAbsent() {
    runner.withClassLoader(new FilteredClassLoader("io.gdprkit.jpa."))
        .withBean(SubjectResolver.class, () -> (tenant, pseudonym) -> Optional.of(ALICE))
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean("gdprEventOutbox").doesNotHaveBean("gdprEventInbox")
            .hasSingleBean(RemoteEventApplier.class));
  }

  @Test
  void backsOffWhenTheHostDefinesItsOwnBeans() {
    OutboxSink sink = event -> { };
    SubjectResolver resolver = (tenant, pseudonym) -> Optional.empty();
    EventInbox inbox = EventInbox.inMemory();
    runner.withBean(JpaTransactions.class, UnusedTransactions::new)
        .withBean(OutboxSink.class, () -> sink).withBean(SubjectResolver.class, () -> resolver)
        .withBean(EventInbox.class, () -> inbox)
        .run(context -> {
          assertThat(context.getBean(OutboxSink.class)).isSameAs(sink);
          assertThat(context.getBean(SubjectResolver.class)).isSameAs(resolver);
          assertThat(context.getBean(EventInbox.class)).isSameAs(inbox);
          assertThat(context).doesNotHaveBean(JpaSubjectDirectory.class);
        });
  }

  @Test
  void handsEveryEventToTheHostsPublisherBeanInTheUnitOfWork() {
    List<GdprEvent> published = new CopyOnWriteArrayList<>();
    runner.withBean(GdprEventPublisher.class, () -> published::add).run(context -> {
      grant(context.getBean(GdprKit.class));

      assertThat(published).hasAtLeastOneElementOfType(ConsentGranted.class);
    });
  }

  @Test
  void appliesEventsHandedToItWithoutANameWhileRabbitMqStaysOff() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprEventsAutoConfiguration.class))
        .withBean(SubjectResolver.class, () -> (tenant, pseudonym) -> Optional.empty())
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RemoteEventApplier.class));
  }

  @Test
  void refusesToStartWithASourceNameTooLong() {
    runner.withPropertyValues("gdpr.events.source=" + "x".repeat(65)).run(context -> assertThat(context)
        .getFailure().rootCause().hasMessageContaining("gdpr.events.source must be 1 to 64 characters"));
  }

  @Test
  void refusesToStartWithoutAConfirmTimeout() {
    runner.withPropertyValues("gdpr.events.amqp.confirm-timeout=0s").run(context -> assertThat(context)
        .getFailure().rootCause().hasMessageContaining("gdpr.events.amqp.confirm-timeout must be positive"));
  }

  private static void grant(GdprKit kit) {
    kit.consents().grant(ALICE, "newsletter", ConsentProof.webForm("signup", "v1").build());
  }

  /** Transactions the wiring needs as a bean and no test here runs. */
  static final class UnusedTransactions implements JpaTransactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      throw new UnsupportedOperationException("not in this test");
    }

    @Override
    public boolean inUnit() {
      return false;
    }

    @Override
    public EntityManager entityManager() {
      throw new UnsupportedOperationException("not in this test");
    }
  }
}
