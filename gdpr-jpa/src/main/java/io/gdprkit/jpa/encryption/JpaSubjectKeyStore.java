package io.gdprkit.jpa.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.encryption.spi.DestroyedKey;
import io.gdprkit.encryption.spi.SubjectKeyState;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.encryption.internal.SubjectKeyRow;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.jpa.internal.Subjects;
import io.gdprkit.jpa.internal.Units;
import io.gdprkit.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Per-subject data keys for field encryption and crypto-shredding (Art. 17, Art. 32(1)(a)) in
 * {@code gdpr_subject_key}.
 *
 * <p>Destroying a key sets its wrapped bytes to null in place: no soft delete, no history row. PostgreSQL keeps the
 * old row version until {@code VACUUM} reclaims it and MariaDB until its purge thread does; both happen within
 * minutes on a live database, but a host that must show the bytes gone at once runs {@code VACUUM} on this table.
 * Backups of this table must expire sooner than the data backups it protects.
 *
 * <p>Keys are found and created with the entity manager's automatic flush off: the {@code @Encrypted} converter asks
 * for them while Hibernate writes or reads the host's entity in the host's unit, where a flush would meet that entity
 * half written.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().subjectKeyStore(new JpaSubjectKeyStore(transactions))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaSubjectKeyStore implements SubjectKeyStore {

  private static final String[] COLUMNS = {"tenant", "subject", "version", "kek_id", "wrapped", "created_at"};

  private final JpaTransactions transactions;

  /** Creates the store on the kit's unit of work. */
  public JpaSubjectKeyStore(JpaTransactions transactions) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
  }

  @Override
  public Optional<SubjectKeyState> find(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> Units.withoutAutoFlush(transactions.entityManager(),
        () -> row(transactions.entityManager(), subject, LockModeType.NONE)));
  }

  /**
   * Stores the candidate unless a key or a newer marker is there. The order of statements avoids MariaDB's
   * deadlock of two transactions that both hold a shared lock from a refused insert and both want to update: an
   * existing row is locked for update before anything else, and an insert is tried only where no row was seen.
   */
  @Override
  public SubjectKeyState create(WrappedKey candidate) {
    Preconditions.notNull(candidate, "candidate");
    return transactions.inStoreTransaction(() -> Units.withoutAutoFlush(transactions.entityManager(), () -> {
      EntityManager em = transactions.entityManager();
      SubjectId subject = candidate.subject();
      if (row(em, subject, LockModeType.NONE).isEmpty()) {
        if (SqlVendor.of(em).insertIgnoringDuplicate(em, "gdpr_subject_key", COLUMNS, subject.tenant().value(),
            subject.value(), candidate.version(), candidate.kekId(), candidate.wrapped(), candidate.created()) == 1) {
          return candidate;
        }
        // A racing creator committed the row: read it with a lock, which sees it even under repeatable read.
        SubjectKeyState created = row(em, subject, LockModeType.PESSIMISTIC_READ).orElseThrow(
            () -> new IllegalStateException("a subject key the database refused as a duplicate is not there"));
        if (!stale(created, candidate)) {
          return created;
        }
      }
      SubjectKeyState current = row(em, subject, LockModeType.PESSIMISTIC_WRITE).orElseThrow(
          () -> new IllegalStateException("a subject key row vanished while locked"));
      if (!stale(current, candidate)) {
        return current;
      }
      em.createQuery("update GdprSubjectKey k set k.version = :version, k.kekId = :kek, k.wrapped = :wrapped,"
              + " k.created = :created, k.destroyed = null where k.tenant = :tenant and k.subject = :subject")
          .setParameter("version", candidate.version())
          .setParameter("kek", candidate.kekId())
          .setParameter("wrapped", candidate.wrapped())
          .setParameter("created", candidate.created())
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value())
          .executeUpdate();
      return candidate;
    }));
  }

  /** Returns whether {@code current} is a destroyed marker older than {@code candidate}, which then replaces it. */
  private static boolean stale(SubjectKeyState current, WrappedKey candidate) {
    return current instanceof DestroyedKey destroyed && destroyed.version() < candidate.version();
  }

  @Override
  public boolean destroy(SubjectId subject, Instant at) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(at, "at");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprSubjectKey k set k.wrapped = null, k.kekId = null, k.destroyed = :at"
            + " where k.tenant = :tenant and k.subject = :subject and k.destroyed is null")
        .setParameter("at", at)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .executeUpdate() == 1);
  }

  @Override
  public boolean replace(WrappedKey expected, WrappedKey replacement) {
    Preconditions.notNull(expected, "expected");
    Preconditions.notNull(replacement, "replacement");
    if (!replacement.subject().equals(expected.subject()) || replacement.version() != expected.version()) {
      throw InvalidInputException.of("replacement", "must be the same subject's key of the same version");
    }
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprSubjectKey k set k.kekId = :newKek, k.wrapped = :newWrapped where k.tenant = :tenant"
            + " and k.subject = :subject and k.destroyed is null and k.version = :version and k.kekId = :kek"
            + " and k.wrapped = :wrapped")
        .setParameter("newKek", replacement.kekId())
        .setParameter("newWrapped", replacement.wrapped())
        .setParameter("tenant", expected.subject().tenant().value())
        .setParameter("subject", expected.subject().value())
        .setParameter("version", expected.version())
        .setParameter("kek", expected.kekId())
        .setParameter("wrapped", expected.wrapped())
        .executeUpdate() == 1);
  }

  @Override
  public List<WrappedKey> wrappedByOtherThan(String kekId, @Nullable SubjectId afterSubject, int limit) {
    Preconditions.notBlank(kekId, "kekId");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("select k from GdprSubjectKey k where k.destroyed is null and k.kekId <> :kek and "
            + Subjects.AFTER.formatted("k") + " order by k.tenant, k.subject", SubjectKeyRow.class)
        .setParameter("kek", kekId)
        .setParameter("afterTenant", afterSubject == null ? "" : afterSubject.tenant().value())
        .setParameter("afterSubject", afterSubject == null ? "" : afterSubject.value())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> (WrappedKey) row.toState())
        .toList());
  }

  private static Optional<SubjectKeyState> row(EntityManager em, SubjectId subject, LockModeType lock) {
    List<SubjectKeyRow> rows = em.createQuery(
            "select k from GdprSubjectKey k where k.tenant = :tenant and k.subject = :subject", SubjectKeyRow.class)
        .setParameter("tenant", subject.tenant().value())
        .setParameter("subject", subject.value())
        .setLockMode(lock)
        .getResultList();
    rows.forEach(em::detach);
    return rows.stream().findFirst().map(SubjectKeyRow::toState);
  }
}
