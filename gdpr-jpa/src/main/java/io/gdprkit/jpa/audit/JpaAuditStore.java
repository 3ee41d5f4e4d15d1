package io.gdprkit.jpa.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.audit.spi.EncodedEntry;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The audit hash chains (Art. 5(2), Art. 30) in table {@code gdpr_audit_entry}, one row per entry holding its
 * canonical bytes and stored hash, so verification reads and hashes bytes without decoding them.
 *
 * <p>An append takes the next position only: the primary key (tenant, position) refuses a second writer of the same
 * position, and a position beyond the last committed one is refused before it is written, so no instance can fork or
 * gap a chain. Refused appends return {@code false}; the kit's drainer retries them after reading the new last entry.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditStore(new JpaAuditStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaAuditStore implements AuditStore {

  private static final String TABLE = "gdpr_audit_entry";
  private static final String[] COLUMNS = {"tenant", "position", "entry_at", "hash", "bytes"};

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaAuditStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public boolean append(TenantId tenant, AuditEntry entry) {
    Preconditions.notNull(entry, "entry");
    return appendAll(tenant, List.of(entry)) == 1;
  }

  @Override
  public int appendAll(TenantId tenant, List<AuditEntry> entries) {
    Preconditions.notNull(tenant, "tenant");
    List<AuditEntry> batch = List.copyOf(Preconditions.notNull(entries, "entries"));
    if (batch.isEmpty()) {
      return 0;
    }
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      long next = size(em, tenant);
      SqlVendor vendor = SqlVendor.of(em);
      int stored = 0;
      for (AuditEntry entry : batch) {
        if (entry.position() != next + stored) {
          break;
        }
        EncodedEntry encoded = EncodedEntry.of(entry);
        if (vendor.insertIgnoringDuplicate(em, TABLE, COLUMNS, tenant.value(), entry.position(), entry.at(),
            encoded.hash().toByteArray(), encoded.bytes()) == 0) {
          break;
        }
        stored++;
      }
      return stored;
    });
  }

  @Override
  public Optional<AuditEntry> last(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select e.bytes, e.hash from GdprAuditEntry e where e.tenant = :tenant order by e.position desc",
            Object[].class)
        .setParameter("tenant", tenant.value())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(JpaAuditStore::encoded)
        .map(EncodedEntry::toEntry));
  }

  @Override
  public List<AuditEntry> entries(TenantId tenant, long from, int limit) {
    List<EncodedEntry> encoded = encodedEntries(tenant, from, limit);
    List<AuditEntry> entries = new ArrayList<>(encoded.size());
    for (EncodedEntry entry : encoded) {
      entries.add(entry.toEntry());
    }
    return entries;
  }

  @Override
  public List<EncodedEntry> encodedEntries(TenantId tenant, long from, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(from >= 0, "from", "must not be negative");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select e.bytes, e.hash from GdprAuditEntry e where e.tenant = :tenant and e.position >= :from"
            + " order by e.position", Object[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("from", from)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JpaAuditStore::encoded)
        .toList());
  }

  @Override
  public long size(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return transactions.inStoreTransaction(() -> size(transactions.entityManager(), tenant));
  }

  private static long size(EntityManager em, TenantId tenant) {
    Long last = em.createQuery("select max(e.position) from GdprAuditEntry e where e.tenant = :tenant", Long.class)
        .setParameter("tenant", tenant.value())
        .getSingleResult();
    return last == null ? 0 : last + 1;
  }

  private static EncodedEntry encoded(Object[] row) {
    return new EncodedEntry((byte[]) row[0], AuditHash.of((byte[]) row[1]));
  }
}
