package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gdpr.actuator.*} properties: which tenants' audit chains the endpoint and health indicator verify, and
 * how early a breach's 72 hours (Art. 33(1)) count as near.
 *
 * <p>Usage example, in {@code application.yaml}: <pre>{@code gdpr.actuator: { tenants: [default, acme], breach-warning: 12h }}</pre>
 *
 * @param tenants Tenants whose audit chains are verified
 * @param breachWarning Time left before a breach's notification deadline from which the endpoint lists it
 * @param outboxStaleAfter Age from which an outbox event counts as stale in the endpoint and metrics
 * @param auditCheckInterval How long a verification of an audit chain stands before the endpoint or the health
 *     indicator verifies the whole chain again; zero verifies on every call
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@ConfigurationProperties("gdpr.actuator")
public record GdprActuatorProperties(@DefaultValue("default") List<String> tenants,
    @DefaultValue("24h") Duration breachWarning, @DefaultValue("5m") Duration outboxStaleAfter,
    @DefaultValue("1m") Duration auditCheckInterval) {

  /** Checks the settings. */
  public GdprActuatorProperties {
    tenants = List.copyOf(tenants);
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("gdpr.actuator.tenants must name at least one tenant, such as 'default'");
    }
    if (breachWarning.isNegative() || outboxStaleAfter.isNegative() || auditCheckInterval.isNegative()) {
      throw new IllegalArgumentException("gdpr.actuator durations must not be negative");
    }
  }
}
