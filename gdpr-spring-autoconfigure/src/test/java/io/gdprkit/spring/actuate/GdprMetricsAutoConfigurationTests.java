package io.gdprkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.subject.SubjectId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GdprMetricsAutoConfigurationTests {

  private static final SubjectId ALICE = SubjectId.of("alice");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprMetricsAutoConfiguration.class))
      .withPropertyValues("gdpr.jpa.enabled=false", "gdpr.purposes.newsletter.basis=CONSENT",
          "gdpr.purposes.newsletter.description=Monthly newsletter")
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void countsDecisionsPerPurposeOutcomeAndReason() {
    runner.run(context -> {
      DecisionService decisions = context.getBean(DecisionService.class);

      decisions.decide(ALICE, "newsletter");
      decisions.decide(ALICE, "newsletter");

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("gdpr.decisions").tags("purpose", "newsletter", "outcome", "denied", "reason",
          "NO_CONSENT").counter().count()).isEqualTo(2.0);
      assertThat(registry.get("gdpr.decisions").tags("outcome", "allowed").counters()).isNotEmpty()
          .allSatisfy(counter -> assertThat(counter.count()).isZero());
    });
  }

  @Test
  void countsErasuresAndReadsRequestGaugesFromTheKit() {
    runner.run(context -> {
      context.getBean(GdprKit.class).erasure().erase(ALICE);

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("gdpr.erasures").tag("scope", "EVERYTHING").counter().count()).isEqualTo(1.0);
      assertThat(registry.get("gdpr.requests.overdue").gauge().value()).isZero();
      assertThat(registry.find("gdpr.outbox.lag").gauge()).isNull();
    });
  }

  @Test
  void countsExportsByKindAndFormat() {
    runner.run(context -> {
      context.getBean(GdprKit.class).exports().write(ALICE, ExportFormat.JSON, new ByteArrayOutputStream());

      assertThat(context.getBean(MeterRegistry.class).get("gdpr.exports").tags("kind", "ACCESS", "format", "JSON")
          .counter().count()).isEqualTo(1.0);
    });
  }

  @Test
  void readsTheOutboxLagFromTheProbe() {
    runner.withBean(GdprEndpoint.OutboxProbe.class, () -> staleAfter -> new GdprEndpoint.OutboxStatus(4, 2,
            Instant.EPOCH, Duration.ofSeconds(90)))
        .run(context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);

          assertThat(registry.get("gdpr.outbox.waiting").gauge().value()).isEqualTo(4.0);
          assertThat(registry.get("gdpr.outbox.lag").gauge().value()).isEqualTo(90.0);
        });
  }

  @Test
  void readsTheOutboxFromTheRelayWithoutActuator() {
    runner.withClassLoader(new FilteredClassLoader(org.springframework.boot.actuate.endpoint.annotation.Endpoint.class))
        .withBean(EventOutboxRelay.class, () -> new EventOutboxRelay(Mockito.mock(JpaTransactions.class),
            event -> { }, Clock.systemUTC()))
        .run(context -> {
          assertThat(context).hasSingleBean(GdprEndpoint.OutboxProbe.class);
          assertThat(context.getBean(MeterRegistry.class).find("gdpr.outbox.lag").gauge()).isNotNull();
        });
  }

  @Test
  void decidesWithoutAllocatingMoreThanTheKitDoes() {
    runner.run(context -> {
      GdprKit kit = context.getBean(GdprKit.class);
      DecisionService metered = context.getBean(DecisionService.class);
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      for (int i = 0; i < 50_000; i++) { // warm both paths up
        kit.decide(ALICE, "newsletter");
        metered.decide(ALICE, "newsletter");
      }

      long bare = allocatedBy(threads, () -> kit.decide(ALICE, "newsletter"));
      long counted = allocatedBy(threads, () -> metered.decide(ALICE, "newsletter"));

      assertThat(counted - bare).as("bytes per 10,000 decisions beyond the kit's own").isLessThan(10_000);
    });
  }

  @Test
  void staysOffWithoutAMeterRegistry() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprMetricsAutoConfiguration.class))
        .withPropertyValues("gdpr.jpa.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MeteredDecisionService.class)
            .doesNotHaveBean(GdprMetrics.class));
  }

  @Test
  void staysOffWithoutMicrometer() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprMetricsAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withPropertyValues("gdpr.jpa.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MeteredDecisionService.class));
  }

  @Test
  void backsOffWhenTheHostDefinesItsOwnDecisionService() {
    runner.withBean("hostDecisions", DecisionService.class, () -> GdprKit.builder().build().decisions())
        .run(context -> assertThat(context).hasSingleBean(DecisionService.class).hasBean("hostDecisions")
            .hasSingleBean(GdprMetrics.class));
  }

  private static long allocatedBy(com.sun.management.ThreadMXBean threads, Runnable decision) {
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 10_000; i++) {
      decision.run();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
