package io.gdprkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GdprActuatorAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprActuatorAutoConfiguration.class))
      .withPropertyValues("gdpr.jpa.enabled=false", "management.endpoints.web.exposure.include=health,gdpr");

  @Test
  void exposesTheEndpointAndTheHealthIndicatorWithActuator() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(GdprEndpoint.class).hasBean("gdprHealthIndicator");
      assertThat(context.getBean(GdprAuditHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
      assertThat(context.getBean(GdprEndpoint.class).report().audit().get("default").intact()).isTrue();
      assertThat(context.getBean(GdprEndpoint.class).report().outbox()).isNull();
    });
  }

  @Test
  void leavesTheEndpointOutWhenItIsNotExposed() {
    runner.withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(context -> assertThat(context).doesNotHaveBean(GdprEndpoint.class).hasBean("gdprHealthIndicator"));
  }

  @Test
  void leavesTheHealthIndicatorOutWhenSwitchedOff() {
    runner.withPropertyValues("management.health.gdpr.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("gdprHealthIndicator").hasSingleBean(GdprEndpoint.class));
  }

  @Test
  void staysOffWithoutActuator() {
    runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(GdprKit.class)
            .doesNotHaveBean(GdprEndpoint.class).doesNotHaveBean("gdprHealthIndicator"));
  }

  @Test
  void staysOffWithoutAKit() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GdprActuatorAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=gdpr")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GdprEndpoint.class));
  }

  @Test
  void backsOffWhenTheHostDefinesItsOwnEndpoint() {
    runner.withBean("hostEndpoint", GdprEndpoint.class,
            () -> {
              GdprKit own = GdprKit.builder().build();
              return new GdprEndpoint(own, new AuditChainCheck(own, java.time.Duration.ZERO),
                  new GdprActuatorProperties(java.util.List.of("default"), java.time.Duration.ofHours(1),
                      java.time.Duration.ofMinutes(1), java.time.Duration.ZERO), null);
            })
        .run(context -> assertThat(context).hasSingleBean(GdprEndpoint.class).hasBean("hostEndpoint"));
  }

  @Test
  void refusesToStartWithANegativeBreachWarning() {
    runner.withPropertyValues("gdpr.actuator.breach-warning=-1h").run(context -> assertThat(context)
        .getFailure().rootCause().hasMessageContaining("gdpr.actuator durations must not be negative"));
  }

  @Test
  void readsTheOutboxThroughAProbeWhenOneIsThere() {
    GdprEndpoint.OutboxStatus waiting = new GdprEndpoint.OutboxStatus(3, 1, java.time.Instant.EPOCH,
        java.time.Duration.ofMinutes(7));
    runner.withBean(GdprEndpoint.OutboxProbe.class, () -> staleAfter -> waiting)
        .run(context -> assertThat(context.getBean(GdprEndpoint.class).report().outbox()).isEqualTo(waiting));
  }
}
