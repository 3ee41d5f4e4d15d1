package io.gdprkit.spring.actuate;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory audit store, whose entries a test can edit in place, as someone with database access could. */
final class TamperableAuditStore implements AuditStore {

  private final AuditStore delegate = AuditStore.inMemory();
  private final Map<Long, AuditEntry> edited = new ConcurrentHashMap<>();

  /** Moves the time of the entry at {@code position} by a second, leaving its hash as it was. */
  void editTimeOf(TenantId tenant, long position) {
    AuditEntry entry = delegate.entries(tenant, position, 1).get(0);
    edited.put(position, new AuditEntry(entry.position(), entry.at().plusSeconds(1), entry.record(),
        entry.previousHash(), entry.hash()));
  }

  @Override
  public boolean append(TenantId tenant, AuditEntry entry) {
    return delegate.append(tenant, entry);
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
    List<AuditEntry> entries = new ArrayList<>(delegate.entries(tenant, from, limit));
    entries.replaceAll(entry -> edited.getOrDefault(entry.position(), entry));
    return entries;
  }

  @Override
  public long size(TenantId tenant) {
    return delegate.size(tenant);
  }
}
