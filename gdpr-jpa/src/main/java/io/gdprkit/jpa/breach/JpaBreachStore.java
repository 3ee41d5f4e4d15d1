package io.gdprkit.jpa.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.breach.internal.BreachJson;
import io.gdprkit.jpa.breach.internal.BreachRow;
import io.gdprkit.jpa.internal.Detached;
import io.gdprkit.jpa.internal.SortKeys;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The breach register (Art. 33(5)) in table {@code gdpr_breach}, one register per tenant, each breach as its latest
 * version: the breach as JSON, and for each obligation queue (the authority's notification pending, the subjects due
 * to be told, not yet assessed) a column holding the breach's deadline while it is in that queue, null otherwise,
 * recomputed on every write and indexed with the tenant and id.
 *
 * <p>An update is {@code UPDATE … WHERE tenant = ? AND id = ? AND version = ?}, so of two writers that read the same
 * version exactly one wins. Deadlines in the queue columns are kept to the microsecond.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().breachStore(new JpaBreachStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaBreachStore implements BreachStore {

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaBreachStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public void insert(TenantId tenant, Breach breach) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(breach, "breach");
    Preconditions.check(breach.version() == 1, "breach", "must be at version 1 to be inserted");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (SqlVendor.of(em).insertIgnoringDuplicate(em, BreachRow.TABLE, BreachRow.columns(tenant, breach)) == 0) {
        throw BreachConflictException.alreadyStored(breach.id());
      }
    });
  }

  @Override
  public void update(TenantId tenant, Breach breach) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(breach, "breach");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      int updated = em.createQuery("update GdprBreach b set b.version = :version, b.authorityDueAt = :authority,"
              + " b.subjectsDueAt = :subjects, b.unassessedDueAt = :unassessed, b.payload = :payload"
              + " where b.tenant = :tenant and b.id = :id and b.version = :basedOn")
          .setParameter("version", breach.version())
          .setParameter("authority", BreachRow.authorityDueAt(breach))
          .setParameter("subjects", BreachRow.subjectsDueAt(breach))
          .setParameter("unassessed", BreachRow.unassessedDueAt(breach))
          .setParameter("payload", BreachJson.write(breach))
          .setParameter("tenant", tenant.value())
          .setParameter("id", breach.id().value())
          .setParameter("basedOn", breach.version() - 1)
          .executeUpdate();
      if (updated == 0) {
        // A locking read sees the version a racing writer committed, even under MariaDB's repeatable read.
        BreachRow stored = row(em, tenant, breach.id(), LockModeType.PESSIMISTIC_READ)
            .orElseThrow(() -> UnknownBreachException.of(breach.id()));
        throw BreachConflictException.of(breach.id(), breach.version() - 1, stored.version());
      }
    });
  }

  @Override
  public Optional<Breach> find(TenantId tenant, BreachId id) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> row(transactions.entityManager(), tenant, id, LockModeType.NONE)
        .map(BreachRow::toBreach));
  }

  @Override
  public List<Breach> page(TenantId tenant, @Nullable BreachId after, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return breaches(em, em.createQuery("select b from GdprBreach b where b.tenant = :tenant and b.id > :after"
              + " order by b.id", BreachRow.class)
          .setParameter("tenant", tenant.value())
          .setParameter("after", after == null ? "" : after.value())
          .setMaxResults(limit));
    });
  }

  @Override
  public List<Breach> pendingDueBy(TenantId tenant, Instant cutoff, @Nullable Breach after, int limit) {
    Preconditions.notNull(cutoff, "cutoff");
    return queue("authorityDueAt", tenant, cutoff, after, limit);
  }

  @Override
  public List<Breach> subjectCommunicationDue(TenantId tenant, @Nullable Breach after, int limit) {
    return queue("subjectsDueAt", tenant, null, after, limit);
  }

  @Override
  public List<Breach> unassessed(TenantId tenant, @Nullable Breach after, int limit) {
    return queue("unassessedDueAt", tenant, null, after, limit);
  }

  /** Returns a page of the breaches whose {@code due} column is set, by that deadline, then id. */
  private List<Breach> queue(String due, TenantId tenant, @Nullable Instant cutoff, @Nullable Breach after,
      int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      String d = "b." + due;
      TypedQuery<BreachRow> query = em.createQuery("select b from GdprBreach b where b.tenant = :tenant"
          + " and " + d + " is not null" + (cutoff == null ? "" : " and " + d + " <= :cutoff")
          + (after == null ? "" : " and (" + d + " > :afterDue or (" + d + " = :afterDue and b.id > :afterId))")
          + " order by " + d + ", b.id", BreachRow.class)
          .setParameter("tenant", tenant.value())
          .setMaxResults(limit);
      if (cutoff != null) {
        query.setParameter("cutoff", SortKeys.time(cutoff));
      }
      if (after != null) {
        query.setParameter("afterDue", SortKeys.time(after.deadline())).setParameter("afterId", after.id().value());
      }
      return breaches(em, query);
    });
  }

  private static Optional<BreachRow> row(EntityManager em, TenantId tenant, BreachId id, LockModeType lock) {
    return Detached.first(em, em.createQuery("select b from GdprBreach b where b.tenant = :tenant and b.id = :id",
            BreachRow.class)
        .setParameter("tenant", tenant.value())
        .setParameter("id", id.value())
        .setLockMode(lock));
  }

  private static List<Breach> breaches(EntityManager em, TypedQuery<BreachRow> query) {
    return Detached.rows(em, query).stream().map(BreachRow::toBreach).toList();
  }
}
