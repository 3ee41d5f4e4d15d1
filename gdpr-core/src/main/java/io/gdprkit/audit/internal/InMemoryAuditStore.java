package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.LocalTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * One list per tenant of entries as their canonical bytes and hashes, the log's leaf data; appends check the
 * position under the list's lock. Entries are decoded from the bytes on every read, so a reader sees exactly what is
 * hashed, and {@link #encodedEntries} hands the bytes to a verifier without decoding them.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryAuditStore implements AuditStore, InMemoryStore {

  private final Map<TenantId, List<EncodedEntry>> chains = new ConcurrentHashMap<>();

  private List<EncodedEntry> chain(TenantId tenant) {
    return chains.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), t -> new ArrayList<>());
  }

  @Override
  public boolean append(TenantId tenant, AuditEntry entry) {
    return appendAll(tenant, List.of(Preconditions.notNull(entry, "entry"))) == 1;
  }

  @Override
  public int appendAll(TenantId tenant, List<AuditEntry> entries) {
    List<EncodedEntry> chain = chain(tenant);
    // encoded outside the lock: only the position check and the add need it
    List<EncodedEntry> encoded = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      encoded.add(EncodedEntry.of(entry));
    }
    synchronized (chain) {
      int stored = 0;
      for (AuditEntry entry : entries) {
        if (entry.position() != chain.size()) {
          break;
        }
        chain.add(encoded.get(stored));
        stored++;
      }
      if (stored > 0) {
        int from = chain.size() - stored;
        LocalTransactions.onRollback(() -> {
          synchronized (chain) {
            chain.subList(from, chain.size()).clear();
          }
        });
      }
      return stored;
    }
  }

  @Override
  public Optional<AuditEntry> last(TenantId tenant) {
    List<EncodedEntry> chain = chain(tenant);
    EncodedEntry last;
    synchronized (chain) {
      if (chain.isEmpty()) {
        return Optional.empty();
      }
      last = chain.get(chain.size() - 1);
    }
    return Optional.of(last.toEntry());
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    List<EncodedEntry> page = encodedEntries(tenant, from, limit);
    List<AuditEntry> entries = new ArrayList<>(page.size());
    for (EncodedEntry encoded : page) {
      entries.add(encoded.toEntry());
    }
    return List.copyOf(entries);
  }

  @Override
  public List<EncodedEntry> encodedEntries(TenantId tenant, long from, int limit) {
    Preconditions.check(from >= 0, "from", "must not be negative");
    Preconditions.positive(limit, "limit");
    List<EncodedEntry> chain = chain(tenant);
    synchronized (chain) {
      if (from >= chain.size()) {
        return List.of();
      }
      return List.copyOf(chain.subList((int) from, (int) Math.min(chain.size(), from + limit)));
    }
  }

  @Override
  public long size(TenantId tenant) {
    List<EncodedEntry> chain = chain(tenant);
    synchronized (chain) {
      return chain.size();
    }
  }
}
