package io.gdprkit.jpa.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.gpc.internal.GpcSignalRow;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Global Privacy Control signal records (the proof that a subject's opt-out signal was received and what it
 * withdrew or objected to, Art. 7(3), Art. 21(5)) in table {@code gdpr_gpc_signal}, keyed by tenant, subject and the
 * record's place in the subject's history.
 *
 * <p>The primary key carries the sequence check: a record is an insert that ignores a duplicate key, so of instances
 * racing to append the same place exactly one inserts and the others get a {@link ConsentConflictException}; a record
 * after the first also share-locks its predecessor, so that it neither skips a place nor survives an erasure that
 * removed the history it continues.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().gpcStore(new JpaGpcStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaGpcStore implements GpcStore {

  /** The history name in conflict messages, as the in-memory store names it. */
  private static final String HISTORY = "gpc-signals";

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaGpcStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  /**
   * Appends without a lock held on a row that is not there: the predecessor is share-locked only once a plain read saw
   * it (a locking read of a missing key would lock MariaDB's gap), and a refused insert is never followed by a write.
   */
  @Override
  public void append(GpcSignalRecord record) {
    Preconditions.notNull(record, "record");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      long sequence = record.sequence();
      SubjectId subject = record.subject();
      boolean follows = sequence == 1
          || exists(em, subject, sequence - 1, LockModeType.NONE)
          && exists(em, subject, sequence - 1, LockModeType.PESSIMISTIC_READ);
      if (!follows || SqlVendor.of(em).insertIgnoringDuplicate(em, "gdpr_gpc_signal", GpcSignalRow.COLUMNS,
          GpcSignalRow.values(record)) == 0) {
        throw ConsentConflictException.ofHistory(subject, HISTORY, last(em, subject) + 1, sequence);
      }
    });
  }

  @Override
  public List<GpcSignalRecord> history(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<GpcSignalRow> rows = em.createQuery("select g from GdprGpcSignal g where g.tenant = :tenant"
              + " and g.subject = :subject order by g.sequence", GpcSignalRow.class)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value())
          .getResultList();
      rows.forEach(em::detach);
      return rows.stream().map(GpcSignalRow::toRecord).toList();
    });
  }

  /**
   * Deletes the subject's records, then once more if there were any: an append that share-locked its predecessor
   * before the first delete began commits while that delete waits for the lock, and PostgreSQL's delete does not see a
   * row committed after it began, so only a second statement removes the record that append added (Art. 17).
   */
  @Override
  public int erase(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      int erased = delete(em, subject);
      return erased == 0 ? 0 : erased + delete(em, subject);
    });
  }

  private static int delete(EntityManager em, SubjectId subject) {
    return em.createQuery("delete from GdprGpcSignal g where g.tenant = :tenant and g.subject = :subject")
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .executeUpdate();
  }

  private static boolean exists(EntityManager em, SubjectId subject, long sequence, LockModeType lock) {
    return !em.createQuery("select g.sequence from GdprGpcSignal g where g.tenant = :tenant and g.subject = :subject"
            + " and g.sequence = :sequence", Long.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setParameter("sequence", sequence)
        .setLockMode(lock)
        .getResultList()
        .isEmpty();
  }

  /** Returns the subject's last sequence as this unit sees it, 0 for none: only for the conflict's message. */
  private static long last(EntityManager em, SubjectId subject) {
    Long last = em.createQuery("select max(g.sequence) from GdprGpcSignal g where g.tenant = :tenant"
            + " and g.subject = :subject", Long.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .getSingleResult();
    return last == null ? 0 : last;
  }
}
