package io.gdprkit.suppression.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Suppression entries in one sorted concurrent map per tenant.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemorySuppressionStore implements SuppressionStore, InMemoryStore {

  /** Stands in for a tenant with no entries; nothing is ever added to it. */
  private static final NavigableMap<String, SuppressionEntry> NONE = new ConcurrentSkipListMap<>();

  private final ConcurrentMap<TenantId, NavigableMap<String, SuppressionEntry>> tenants = new ConcurrentHashMap<>();

  @Override
  public SuppressionEntry add(SuppressionEntry entry) {
    Preconditions.notNull(entry, "entry");
    SuppressionEntry existing = tenants.computeIfAbsent(entry.tenant(), tenant -> new ConcurrentSkipListMap<>())
        .putIfAbsent(entry.hash(), entry);
    return existing != null ? existing : entry;
  }

  @Override
  public Optional<SuppressionEntry> find(TenantId tenant, String hash) {
    Preconditions.notNull(hash, "hash");
    return Optional.ofNullable(entriesOf(tenant).get(hash));
  }

  @Override
  public boolean remove(TenantId tenant, String hash) {
    Preconditions.notNull(hash, "hash");
    return entriesOf(tenant).remove(hash) != null;
  }

  @Override
  public boolean replace(TenantId tenant, String oldHash, SuppressionEntry replacement) {
    Preconditions.notNull(replacement, "replacement");
    Preconditions.check(replacement.tenant().equals(tenant), "replacement", "must be an entry of the tenant");
    NavigableMap<String, SuppressionEntry> entries = entriesOf(tenant);
    synchronized (entries) {
      if (entries.remove(Preconditions.notBlank(oldHash, "oldHash")) == null) {
        return false;
      }
      entries.putIfAbsent(replacement.hash(), replacement);
      return true;
    }
  }

  @Override
  public List<SuppressionEntry> entries(TenantId tenant, @Nullable String afterHash, int limit) {
    Preconditions.positive(limit, "limit");
    NavigableMap<String, SuppressionEntry> entries = entriesOf(tenant);
    NavigableMap<String, SuppressionEntry> tail = afterHash == null ? entries : entries.tailMap(afterHash, false);
    return tail.values().stream().limit(limit).toList();
  }

  private NavigableMap<String, SuppressionEntry> entriesOf(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    NavigableMap<String, SuppressionEntry> entries = tenants.get(tenant);
    return entries != null ? entries : NONE;
  }
}
