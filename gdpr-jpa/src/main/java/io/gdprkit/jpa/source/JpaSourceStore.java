package io.gdprkit.jpa.source;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.internal.Subjects;
import io.gdprkit.jpa.source.internal.SourceTagRow;
import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceTag;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Source tags (Art. 14(2)(f): from which source the personal data originate) in table {@code gdpr_source_tag}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().sourceStore(new JpaSourceStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaSourceStore implements SourceStore {

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaSourceStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public void append(SourceTag tag) {
    Preconditions.notNull(tag, "tag");
    transactions.useStoreTransaction(() -> transactions.entityManager().persist(SourceTagRow.of(tag)));
  }

  @Override
  public void appendAll(List<SourceTag> tags) {
    List<SourceTag> batch = List.copyOf(Preconditions.notNull(tags, "tags"));
    if (batch.isEmpty()) {
      return;
    }
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      for (SourceTag tag : batch) {
        em.persist(SourceTagRow.of(tag));
      }
    });
  }

  @Override
  public List<SourceTag> tags(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select t from GdprSourceTag t where t.tenant = :tenant and t.subject = :subject order by t.id",
            SourceTagRow.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .getResultList()
        .stream()
        .map(SourceTagRow::toTag)
        .toList());
  }

  @Override
  public int erase(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("delete from GdprSourceTag t where t.tenant = :tenant and t.subject = :subject")
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .executeUpdate());
  }

  @Override
  public List<SubjectId> subjectsFrom(Origin origin, @Nullable SubjectId after, int limit) {
    Preconditions.notNull(origin, "origin");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> Subjects.page(transactions.entityManager()
        .createQuery("select distinct t.tenant, t.subject from GdprSourceTag t where t.originType = :type"
            + " and t.originReference = :reference and " + Subjects.AFTER.formatted("t")
            + " order by t.tenant, t.subject", Object[].class)
        .setParameter("type", origin.type())
        .setParameter("reference", origin.reference()), after, limit));
  }
}
