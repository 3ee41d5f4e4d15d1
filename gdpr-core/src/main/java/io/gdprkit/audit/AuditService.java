package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.TenantId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The audit trail: append-only entries, one hash chain per tenant, and a check that finds any edited, deleted,
 * inserted or reordered entry.
 *
 * <p>Appends from many threads keep one total order per chain. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.audit().append(AuditRecord.of(AuditKind.EXPORTED, TenantId.DEFAULT, pseudonym, Actor.staff("dpo")));
 * VerificationResult result = gdpr.audit().verify(TenantId.DEFAULT);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuditService {

  /** Appends a record to its tenant's chain and returns the entry. */
  AuditEntry append(AuditRecord record);

  /** Returns up to {@code limit} entries of a tenant's chain from position {@code from}, in order. */
  List<AuditEntry> entries(TenantId tenant, long from, int limit);

  /** Returns how many entries the tenant's chain has. */
  long size(TenantId tenant);

  /** Verifies the tenant's whole chain. */
  VerificationResult verify(TenantId tenant);
}
