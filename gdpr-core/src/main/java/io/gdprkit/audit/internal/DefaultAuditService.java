package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Appends under a per-tenant lock (one total order per chain in this JVM) and retries when another instance
 * sharing the store took the position first; verifies page by page.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultAuditService implements AuditService {

  private static final int PAGE = 1_000;
  private static final int MAX_ATTEMPTS = 1_000;

  private final AuditStore store;
  private final Clock clock;
  private final Map<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();

  public DefaultAuditService(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public AuditEntry append(AuditRecord record) {
    Preconditions.notNull(record, "record");
    ReentrantLock lock = locks.computeIfAbsent(record.tenant(), t -> new ReentrantLock());
    lock.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        AuditEntry last = store.last(record.tenant()).orElse(null);
        long position = last == null ? 0 : last.position() + 1;
        String previous = last == null ? AuditEntry.GENESIS : last.hash();
        Instant at = clock.instant();
        AuditEntry entry = new AuditEntry(position, at, record, previous,
            EntryHashing.hash(position, at, record, previous));
        if (store.append(record.tenant(), entry)) {
          return entry;
        }
        Thread.onSpinWait(); // another instance appended first: chain onto its entry
      }
      throw new IllegalStateException("audit chain of tenant " + record.tenant() + " kept moving for "
          + MAX_ATTEMPTS + " attempts");
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    return store.entries(Preconditions.notNull(tenant, "tenant"), from, limit);
  }

  @Override
  public long size(TenantId tenant) {
    return store.size(Preconditions.notNull(tenant, "tenant"));
  }

  /**
   * Checks, entry by entry, that positions run 0, 1, 2…, that each entry names its predecessor's hash, and that
   * each hash matches its content. An entry edited without recomputing its hash breaks at itself; one edited and
   * re-hashed breaks at its successor. The last entry re-hashed after an edit is caught only against a signed
   * checkpoint.
   */
  @Override
  public VerificationResult verify(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    long expected = 0;
    String previous = AuditEntry.GENESIS;
    while (true) {
      List<AuditEntry> page = store.entries(tenant, expected, PAGE);
      if (page.isEmpty()) {
        return VerificationResult.ok(expected);
      }
      for (AuditEntry entry : page) {
        if (entry.position() != expected) {
          return VerificationResult.broken(expected, expected,
              "entry at position " + expected + " says it is at position " + entry.position());
        }
        if (!entry.previousHash().equals(previous)) {
          return VerificationResult.broken(expected, expected,
              "entry at position " + expected + " does not chain onto its predecessor");
        }
        if (!EntryHashing.hash(entry.position(), entry.at(), entry.record(), entry.previousHash())
            .equals(entry.hash())) {
          return VerificationResult.broken(expected, expected,
              "entry at position " + expected + " was changed after it was appended");
        }
        previous = entry.hash();
        expected++;
      }
    }
  }
}
