package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * One list per tenant; appends check the position under the list's lock.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryAuditStore implements AuditStore {

  private final Map<TenantId, List<AuditEntry>> chains = new ConcurrentHashMap<>();

  private List<AuditEntry> chain(TenantId tenant) {
    return chains.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), t -> new ArrayList<>());
  }

  @Override
  public boolean append(TenantId tenant, AuditEntry entry) {
    List<AuditEntry> chain = chain(tenant);
    synchronized (chain) {
      if (entry.position() != chain.size()) {
        return false;
      }
      chain.add(entry);
      return true;
    }
  }

  @Override
  public int appendAll(TenantId tenant, List<AuditEntry> entries) {
    List<AuditEntry> chain = chain(tenant);
    synchronized (chain) {
      int stored = 0;
      for (AuditEntry entry : entries) {
        if (entry.position() != chain.size()) {
          break;
        }
        chain.add(entry);
        stored++;
      }
      return stored;
    }
  }

  @Override
  public Optional<AuditEntry> last(TenantId tenant) {
    List<AuditEntry> chain = chain(tenant);
    synchronized (chain) {
      return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    Preconditions.check(from >= 0, "from", "must not be negative");
    Preconditions.positive(limit, "limit");
    List<AuditEntry> chain = chain(tenant);
    synchronized (chain) {
      if (from >= chain.size()) {
        return List.of();
      }
      return List.copyOf(chain.subList((int) from, (int) Math.min(chain.size(), from + limit)));
    }
  }

  @Override
  public long size(TenantId tenant) {
    List<AuditEntry> chain = chain(tenant);
    synchronized (chain) {
      return chain.size();
    }
  }
}
