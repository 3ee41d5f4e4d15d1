package io.gdprkit.spring.actuate;

import io.gdprkit.jpa.outbox.EventOutboxRelay;
import io.gdprkit.jpa.outbox.OutboxBacklog;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event outbox as the endpoint and the metrics read it, from gdpr-jpa's relay; imported by both, so either works
 * without the other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(EventOutboxRelay.class)
@ConditionalOnBean(EventOutboxRelay.class)
final class OutboxProbeConfiguration {

  @Bean
  @ConditionalOnMissingBean
  GdprEndpoint.OutboxProbe gdprOutboxProbe(EventOutboxRelay relay) {
    return staleAfter -> status(relay.backlog(staleAfter), Clock.systemUTC());
  }

  private static GdprEndpoint.OutboxStatus status(OutboxBacklog backlog, Clock clock) {
    return new GdprEndpoint.OutboxStatus(backlog.waiting(), backlog.stale(), backlog.oldest(),
        backlog.oldest() == null ? null : Duration.between(backlog.oldest(), clock.instant()));
  }
}
