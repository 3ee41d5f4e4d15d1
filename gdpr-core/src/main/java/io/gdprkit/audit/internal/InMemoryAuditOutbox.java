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
 * <p>Unlike the other in-memory stores it also isolates: a record added in a unit still running is seen only by
 * that unit's thread until the unit commits, as a database's {@code SKIP LOCKED} reader would not see the row.
 * Otherwise a drainer on another thread could append a record to the chain that a rollback then takes back from
 * the outbox alone, leaving an audit entry for a change that never happened.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryAuditOutbox implements AuditOutbox, InMemoryStore {

  private final AtomicLong sequence = new AtomicLong();
  private final Map<TenantId, ConcurrentSkipListMap<Long, AuditRecord>> waiting = new ConcurrentHashMap<>();
  /** The sequences added by units still running, with the thread each unit runs on. */
  private final Map<Long, Thread> uncommitted = new ConcurrentHashMap<>();

  @Override
  public long add(AuditRecord record) {
    Preconditions.notNull(record, "record");
    long next = sequence.incrementAndGet();
    ConcurrentSkipListMap<Long, AuditRecord> queue = queue(record.tenant());
    if (LocalTransactions.active()) {
      uncommitted.put(next, Thread.currentThread());
      LocalTransactions.afterCommit(() -> uncommitted.remove(next));
      LocalTransactions.onRollback(() -> {
        queue.remove(next);
        uncommitted.remove(next);
      });
    }
    queue.put(next, record);
    return next;
  }

  @Override
  public List<PendingAuditRecord> take(TenantId tenant, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    ConcurrentSkipListMap<Long, AuditRecord> queue = queue(tenant);
    List<PendingAuditRecord> taken = new ArrayList<>(Math.min(limit, 256));
    for (Map.Entry<Long, AuditRecord> next : queue.entrySet()) {
      if (taken.size() >= limit) {
        break;
      }
      // remove(key, value) lets exactly one of two racing takers have the record
      if (visible(next.getKey()) && queue.remove(next.getKey(), next.getValue())) {
        taken.add(new PendingAuditRecord(next.getKey(), next.getValue()));
      }
    }
    if (!taken.isEmpty()) {
      LocalTransactions.onRollback(() -> taken.forEach(p -> queue.put(p.sequence(), p.record())));
    }
    return taken;
  }

  @Override
  public List<TenantId> tenantsWaiting(int limit) {
    Preconditions.positive(limit, "limit");
    return waiting.keySet().stream().filter(tenant -> waiting(tenant) > 0).sorted().limit(limit).toList();
  }

  @Override
  public long waiting(TenantId tenant) {
    ConcurrentSkipListMap<Long, AuditRecord> queue = waiting.get(Preconditions.notNull(tenant, "tenant"));
    if (queue == null) {
      return 0;
    }
    long hidden = uncommitted.keySet().stream().filter(sequence -> !visible(sequence) && queue.containsKey(sequence))
        .count();
    return Math.max(0, queue.size() - hidden);
  }

  /** Returns whether this thread may see the record: committed, or added by this thread's running unit. */
  private boolean visible(long sequence) {
    Thread owner = uncommitted.get(sequence);
    return owner == null || owner == Thread.currentThread();
  }

  private ConcurrentSkipListMap<Long, AuditRecord> queue(TenantId tenant) {
    return waiting.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>());
  }
}
