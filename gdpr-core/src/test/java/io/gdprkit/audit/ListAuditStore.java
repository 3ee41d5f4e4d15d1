package io.gdprkit.audit;

import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A one-tenant store over a plain list that tests may tamper with. */
final class ListAuditStore implements AuditStore {

  final List<AuditEntry> entries;

  ListAuditStore(List<AuditEntry> entries) {
    this.entries = entries;
  }

  ListAuditStore() {
    this(new ArrayList<>());
  }

  @Override
  public synchronized boolean append(TenantId tenant, AuditEntry entry) {
    if (entry.position() != entries.size()) {
      return false;
    }
    return entries.add(entry);
  }

  @Override
  public synchronized Optional<AuditEntry> last(TenantId tenant) {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  @Override
  public synchronized List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    if (from >= entries.size()) {
      return List.of();
    }
    return List.copyOf(entries.subList((int) from, (int) Math.min(entries.size(), from + limit)));
  }

  @Override
  public synchronized long size(TenantId tenant) {
    return entries.size();
  }
}
