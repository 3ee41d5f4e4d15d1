package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.spring.autoconfigure.GdprKitCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Micrometer metrics of the kit, when Micrometer and a {@link MeterRegistry} bean are present: decisions per purpose
 * through a {@link MeteredDecisionService} bean (inject {@code DecisionService} or {@code Guard} to have them
 * counted), and {@link GdprMetrics} from the kit's events and gauges.
 *
 * <p>Usage example: <pre>{@code curl localhost:8080/actuator/metrics/gdpr.decisions?tag=outcome:denied}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "io.gdprkit.spring.actuate.GdprActuatorAutoConfiguration", "io.gdprkit.spring.events.GdprEventsAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, GdprKit.class})
@EnableConfigurationProperties(GdprActuatorProperties.class)
@Import(OutboxProbeConfiguration.class)
public final class GdprMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(DecisionService.class)
  MeteredDecisionService gdprDecisionService(GdprKit kit, MeterRegistry registry) {
    return new MeteredDecisionService(kit, registry);
  }

  @Bean
  @ConditionalOnMissingBean
  GdprMetrics gdprMetrics(ObjectProvider<GdprKit> kit, MeterRegistry registry,
      ObjectProvider<GdprEndpoint.OutboxProbe> outbox, GdprActuatorProperties properties) {
    return new GdprMetrics(kit::getObject, registry, outbox.getIfAvailable(), properties.outboxStaleAfter());
  }

  @Bean
  GdprKitCustomizer gdprMetricsCustomizer(ObjectProvider<GdprMetrics> metrics) {
    return builder -> builder.onEvent(event -> metrics.ifAvailable(listener -> listener.on(event)));
  }
}
