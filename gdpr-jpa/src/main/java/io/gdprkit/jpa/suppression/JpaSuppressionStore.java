package io.gdprkit.jpa.suppression;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.suppression.internal.SuppressionRow;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.spi.SuppressionStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The suppression list (Art. 17, Art. 21(3): a contact point that asked never to be contacted again) in table
 * {@code gdpr_suppression}, keyed by tenant and keyed hash, so the list holds no contact point in the clear.
 *
 * <p>Adding is an insert that ignores a duplicate key, so of two instances suppressing the same address at once
 * exactly one adds it (and the kit audits it once); the other reads the stored row.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().suppressionStore(new JpaSuppressionStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaSuppressionStore implements SuppressionStore {

  private static final String TABLE = "gdpr_suppression";
  private static final String[] COLUMNS = {"tenant", "hash", "kind", "suppressed_at"};

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaSuppressionStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public SuppressionEntry add(SuppressionEntry entry) {
    Preconditions.notNull(entry, "entry");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      int added = SqlVendor.of(em).insertIgnoringDuplicate(em, TABLE, COLUMNS,
          entry.tenant().value(), entry.hash(), entry.kind().name(), entry.suppressedAt());
      if (added == 1) {
        return entry;
      }
      // A locking read sees the row the other transaction committed, even under MariaDB's repeatable read.
      return em.createQuery("select s from GdprSuppression s where s.tenant = :tenant and s.hash = :hash",
              SuppressionRow.class)
          .setParameter("tenant", entry.tenant().value())
          .setParameter("hash", entry.hash())
          .setLockMode(LockModeType.PESSIMISTIC_READ)
          .getSingleResult()
          .toEntry();
    });
  }

  @Override
  public Optional<SuppressionEntry> find(TenantId tenant, String hash) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(hash, "hash");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select s from GdprSuppression s where s.tenant = :tenant and s.hash = :hash",
            SuppressionRow.class)
        .setParameter("tenant", tenant.value())
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        .map(SuppressionRow::toEntry));
  }

  @Override
  public boolean remove(TenantId tenant, String hash) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(hash, "hash");
    return transactions.inStoreTransaction(() -> delete(transactions.entityManager(), tenant, hash) == 1);
  }

  @Override
  public List<SuppressionEntry> entries(TenantId tenant, @Nullable String afterHash, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(limit > 0, "limit", "must be positive");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select s from GdprSuppression s where s.tenant = :tenant and s.hash > :after order by s.hash",
            SuppressionRow.class)
        .setParameter("tenant", tenant.value())
        .setParameter("after", afterHash == null ? "" : afterHash)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(SuppressionRow::toEntry)
        .toList());
  }

  @Override
  public boolean replace(TenantId tenant, String oldHash, SuppressionEntry replacement) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(oldHash, "old hash");
    Preconditions.notNull(replacement, "replacement");
    Preconditions.check(replacement.tenant().equals(tenant), "replacement", "must be of the same tenant");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (delete(em, tenant, oldHash) == 0) {
        return false;
      }
      add(replacement);
      return true;
    });
  }

  private static int delete(EntityManager em, TenantId tenant, String hash) {
    return em.createQuery("delete from GdprSuppression s where s.tenant = :tenant and s.hash = :hash")
        .setParameter("tenant", tenant.value())
        .setParameter("hash", hash)
        .executeUpdate();
  }
}
