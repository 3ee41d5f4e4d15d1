package io.gdprkit.audit;

import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;

/** An in-memory audit store behind a seam: tests override {@link #appendAll} to fail or watch appends. */
class ForwardingAuditStore implements AuditStore {

  final AuditStore delegate = AuditStore.inMemory();

  @Override
  public boolean append(TenantId tenant, AuditEntry entry) {
    return appendAll(tenant, List.of(entry)) == 1;
  }

  @Override
  public int appendAll(TenantId tenant, List<AuditEntry> entries) {
    return delegate.appendAll(tenant, entries);
  }

  @Override
  public Optional<AuditEntry> last(TenantId tenant) {
    return delegate.last(tenant);
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    return delegate.entries(tenant, from, limit);
  }

  @Override
  public long size(TenantId tenant) {
    return delegate.size(tenant);
  }
}
