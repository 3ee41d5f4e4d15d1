package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.VerificationResult;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN when an audit chain fails verification: an edited, deleted, inserted or reordered entry means the trail no
 * longer proves what was done (Art. 5(2)), which someone must look at now, not at the next audit.
 *
 * <p>Each configured tenant's whole chain is verified, at most once per {@code gdpr.actuator.audit-check-interval}
 * ({@link AuditChainCheck}); the details name the tenant, the first bad position and the problem, never personal data.
 *
 * <p>Usage example: <pre>{@code curl localhost:8080/actuator/health/gdpr}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprAuditHealthIndicator extends AbstractHealthIndicator {

  private final AuditChainCheck chains;
  private final List<TenantId> tenants;

  /** Creates the indicator over the chains of {@code tenants}. */
  public GdprAuditHealthIndicator(AuditChainCheck chains, List<String> tenants) {
    super("The gdpr-kit audit chain could not be verified");
    this.chains = Objects.requireNonNull(chains, "chains");
    this.tenants = tenants.stream().map(TenantId::of).toList();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up();
    for (TenantId tenant : tenants) {
      VerificationResult result = chains.verify(tenant);
      if (result.intact()) {
        builder.withDetail(tenant.value(), "intact, " + result.checked() + " entries");
      } else {
        builder.down().withDetail(tenant.value(), "broken at position " + result.firstBadPosition() + ": "
            + result.problem());
      }
    }
  }
}
