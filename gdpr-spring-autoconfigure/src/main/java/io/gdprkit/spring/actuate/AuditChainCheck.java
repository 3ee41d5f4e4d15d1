package io.gdprkit.spring.actuate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Verifies a tenant's audit chain at most once per {@code gdpr.actuator.audit-check-interval}, for the endpoint and
 * the health indicator: a full verification reads the whole chain, which a health probe every few seconds must not
 * do on a chain of millions of entries. A broken chain stays broken, so its result is kept until the next check.
 *
 * <p>Usage example: <pre>{@code boolean intact = check.verify(TenantId.DEFAULT).intact();}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class AuditChainCheck {

  private final GdprKit kit;
  private final Duration interval;
  private final Map<TenantId, Checked> last = new ConcurrentHashMap<>();

  /** Creates the check; an {@code interval} of zero verifies on every call. */
  public AuditChainCheck(GdprKit kit, Duration interval) {
    this.kit = Objects.requireNonNull(kit, "kit");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** Returns the tenant's chain verified now, or within the interval. */
  public VerificationResult verify(TenantId tenant) {
    Instant now = kit.clock().instant();
    Checked checked = last.get(tenant);
    if (checked == null || !checked.at().plus(interval).isAfter(now)) {
      checked = new Checked(kit.audit().verify(tenant), now);
      last.put(tenant, checked);
    }
    return checked.result();
  }

  private record Checked(VerificationResult result, Instant at) {}
}
