package io.gdprkit.jpa.consent;

import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The change feed of the consent snapshots: which subjects' rows were written after a time of the database's clock,
 * in the order of {@code gdpr_consent_snapshot_changed} (changed_at, tenant, subject), a page at a time.
 */
final class ConsentFeed {

  private static final String SELECT = "select s.tenant, s.subject, s.version, s.changedAt from GdprConsentSnapshot s";
  private static final String ORDER = " order by s.changedAt, s.tenant, s.subject";

  private final JpaTransactions transactions;

  ConsentFeed(JpaTransactions transactions) {
    this.transactions = transactions;
  }

  /** One snapshot row as the feed reports it: its subject, version and the time of its last write. */
  record Change(SubjectId subject, long version, Instant changedAt) {}

  /** Returns the time of the latest committed change, or {@code null} when no snapshot was stamped yet. */
  @Nullable Instant latest() {
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select max(s.changedAt) from GdprConsentSnapshot s", Instant.class)
        .getSingleResult());
  }

  /** Returns the first {@code limit} changes stamped after {@code from}, or of all time when it is {@code null}. */
  List<Change> since(@Nullable Instant from, int limit) {
    return transactions.inStoreTransaction(() -> {
      TypedQuery<Object[]> query = from == null
          ? transactions.entityManager().createQuery(SELECT + " where s.changedAt is not null" + ORDER, Object[].class)
          : transactions.entityManager().createQuery(SELECT + " where s.changedAt > :from" + ORDER, Object[].class)
              .setParameter("from", from);
      return changes(query, limit);
    });
  }

  /** Returns the next {@code limit} changes after {@code last}, in the feed's order. */
  List<Change> after(Change last, int limit) {
    return transactions.inStoreTransaction(() -> changes(transactions.entityManager()
        .createQuery(SELECT + " where s.changedAt >= :at and (s.changedAt > :at or s.tenant > :tenant"
            + " or (s.tenant = :tenant and s.subject > :subject))" + ORDER, Object[].class)
        .setParameter("at", last.changedAt())
        .setParameter("tenant", last.subject().tenant().value())
        .setParameter("subject", last.subject().value()), limit));
  }

  private static List<Change> changes(TypedQuery<Object[]> query, int limit) {
    List<Object[]> rows = query.setMaxResults(limit).getResultList();
    List<Change> changes = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      changes.add(new Change(new SubjectId(TenantId.of((String) row[0]), (String) row[1]), (Long) row[2],
          (Instant) row[3]));
    }
    return changes;
  }
}
