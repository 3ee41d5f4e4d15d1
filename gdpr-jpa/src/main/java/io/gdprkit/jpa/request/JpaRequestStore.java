package io.gdprkit.jpa.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.Detached;
import io.gdprkit.jpa.internal.SortKeys;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.request.internal.RequestJson;
import io.gdprkit.jpa.request.internal.RequestRow;
import io.gdprkit.request.RequestConflictException;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Subject requests (Art. 12, Art. 15-22) in table {@code gdpr_request}, each as its latest version: the request with
 * every step and the evidence it carries as JSON, and what the queries sort by in columns.
 *
 * <p>An update is {@code UPDATE … WHERE id = ? AND version = ?}, so of two writers that read the same version exactly
 * one wins; that includes the write of a {@linkplain SubjectRequest#claim() claim}, kept in the JSON, by which one
 * kit instance takes a request before running its fulfiller. Due-date queries read an index on the deadline in force of open requests only (a closed request's is
 * null), kept to the microsecond.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().requestStore(new JpaRequestStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaRequestStore implements RequestStore {

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaRequestStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public void insert(SubjectRequest request) {
    Preconditions.notNull(request, "request");
    Preconditions.check(request.version() == 1, "request", "must be at version 1 to be inserted");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (SqlVendor.of(em).insertIgnoringDuplicate(em, RequestRow.TABLE, RequestRow.columns(request)) == 0) {
        throw RequestConflictException.alreadyStored(request.id());
      }
    });
  }

  @Override
  public void update(SubjectRequest request) {
    Preconditions.notNull(request, "request");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      int updated = em.createQuery("update GdprRequest r set r.version = :version, r.tenant = :tenant,"
              + " r.subject = :subject, r.receivedAt = :receivedAt, r.openDueAt = :openDueAt, r.payload = :payload"
              + " where r.id = :id and r.version = :basedOn")
          .setParameter("version", request.version())
          .setParameter("tenant", request.subject().tenant().value())
          .setParameter("subject", request.subject().value())
          .setParameter("receivedAt", SortKeys.time(request.receivedAt()))
          .setParameter("openDueAt", RequestRow.openDueAt(request))
          .setParameter("payload", RequestJson.write(request))
          .setParameter("id", request.id().toString())
          .setParameter("basedOn", request.version() - 1)
          .executeUpdate();
      if (updated == 0) {
        // A locking read sees the version a racing writer committed, even under MariaDB's repeatable read.
        RequestRow stored = row(em, request.id(), LockModeType.PESSIMISTIC_READ)
            .orElseThrow(() -> UnknownRequestException.of(request.id()));
        throw RequestConflictException.of(request.id(), request.version() - 1, stored.version());
      }
    });
  }

  @Override
  public Optional<SubjectRequest> find(RequestId id) {
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> row(transactions.entityManager(), id, LockModeType.NONE)
        .map(RequestRow::toRequest));
  }

  @Override
  public List<SubjectRequest> forSubject(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return requests(em, em.createQuery("select r from GdprRequest r where r.tenant = :tenant"
              + " and r.subject = :subject order by r.receivedAt, r.id", RequestRow.class)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value()));
    });
  }

  @Override
  public List<SubjectRequest> openDueBy(Instant cutoff, @Nullable SubjectRequest after, int limit) {
    Preconditions.notNull(cutoff, "cutoff");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      TypedQuery<RequestRow> query = em.createQuery("select r from GdprRequest r where r.openDueAt <= :cutoff"
          + (after == null ? "" : " and (r.openDueAt > :afterDue or (r.openDueAt = :afterDue and r.id > :afterId))")
          + " order by r.openDueAt, r.id", RequestRow.class)
          .setParameter("cutoff", SortKeys.time(cutoff))
          .setMaxResults(limit);
      if (after != null) {
        query.setParameter("afterDue", SortKeys.time(after.deadline()))
            .setParameter("afterId", after.id().toString());
      }
      return requests(em, query);
    });
  }

  private static Optional<RequestRow> row(EntityManager em, RequestId id, LockModeType lock) {
    return Detached.first(em, em.createQuery("select r from GdprRequest r where r.id = :id", RequestRow.class)
        .setParameter("id", id.toString())
        .setLockMode(lock));
  }

  private static List<SubjectRequest> requests(EntityManager em, TypedQuery<RequestRow> query) {
    return Detached.rows(em, query).stream().map(RequestRow::toRequest).toList();
  }
}
