package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.audit.spi.PendingAuditRecord;
import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.LocalTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The audit outbox in this JVM's memory: one ordered map per tenant; adds and takes log their undo with
 * {@link LocalTransactions}, so a rolled-back unit leaves the outbox as it was.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryAuditOutbox implements AuditOutbox, InMemoryStore {

  private final AtomicLong sequence = new AtomicLong();
  private final Map<TenantId, ConcurrentSkipListMap<Long, AuditRecord>> waiting = new ConcurrentHashMap<>();

  @Override
  public long add(AuditRecord record) {
    Preconditions.notNull(record, "record");
    long next = sequence.incrementAndGet();
    ConcurrentSkipListMap<Long, AuditRecord> queue = queue(record.tenant());
    queue.put(next, record);
    LocalTransactions.onRollback(() -> queue.remove(next));
    return next;
  }

  @Override
  public List<PendingAuditRecord> take(TenantId tenant, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    ConcurrentSkipListMap<Long, AuditRecord> queue = queue(tenant);
    List<PendingAuditRecord> taken = new ArrayList<>(Math.min(limit, 256));
    for (Map.Entry<Long, AuditRecord> next; taken.size() < limit && (next = queue.pollFirstEntry()) != null; ) {
      taken.add(new PendingAuditRecord(next.getKey(), next.getValue()));
    }
    if (!taken.isEmpty()) {
      LocalTransactions.onRollback(() -> taken.forEach(p -> queue.put(p.sequence(), p.record())));
    }
    return taken;
  }

  @Override
  public List<TenantId> tenantsWaiting(int limit) {
    Preconditions.positive(limit, "limit");
    return waiting.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
        .limit(limit).toList();
  }

  @Override
  public long waiting(TenantId tenant) {
    ConcurrentSkipListMap<Long, AuditRecord> queue = waiting.get(Preconditions.notNull(tenant, "tenant"));
    return queue == null ? 0 : queue.size();
  }

  private ConcurrentSkipListMap<Long, AuditRecord> queue(TenantId tenant) {
    return waiting.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>());
  }
}
