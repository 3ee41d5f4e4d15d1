package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code gdpr} actuator endpoint and the {@code gdpr} health indicator, when Spring Boot Actuator is on the
 * classpath and the kit is a bean; each backs off when the host defines its own.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code management.endpoints.web.exposure.include: health,gdpr}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class,
    afterName = "io.gdprkit.spring.events.GdprEventsAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(GdprKit.class)
@EnableConfigurationProperties(GdprActuatorProperties.class)
@Import(OutboxProbeConfiguration.class)
public final class GdprActuatorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AuditChainCheck gdprAuditChainCheck(GdprKit kit, GdprActuatorProperties properties) {
    return new AuditChainCheck(kit, properties.auditCheckInterval());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint(GdprEndpoint.class)
  GdprEndpoint gdprEndpoint(GdprKit kit, AuditChainCheck chains, GdprActuatorProperties properties,
      ObjectProvider<GdprEndpoint.OutboxProbe> outbox) {
    return new GdprEndpoint(kit, chains, properties, outbox.getIfAvailable());
  }

  /** The audit chain's health. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("gdpr")
  static final class Health {

    @Bean
    @ConditionalOnMissingBean(name = "gdprHealthIndicator")
    GdprAuditHealthIndicator gdprHealthIndicator(AuditChainCheck chains, GdprActuatorProperties properties) {
      return new GdprAuditHealthIndicator(chains, properties.tenants());
    }
  }
}
