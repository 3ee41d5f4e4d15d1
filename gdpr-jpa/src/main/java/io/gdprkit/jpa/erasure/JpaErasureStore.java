package io.gdprkit.jpa.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureJobConflictException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.spi.ErasureHold;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.jpa.erasure.internal.ErasureHoldRow;
import io.gdprkit.jpa.erasure.internal.ErasureJobRow;
import io.gdprkit.jpa.erasure.internal.ErasureJson;
import io.gdprkit.jpa.erasure.internal.ErasureReportRow;
import io.gdprkit.jpa.erasure.internal.PublicationRow;
import io.gdprkit.jpa.erasure.internal.TombstoneRow;
import io.gdprkit.jpa.internal.Detached;
import io.gdprkit.jpa.internal.SqlVendor;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Erasure jobs, the reports kept as proof, the tombstone journal, holds on data kept until a date (Art. 17(3)) and
 * records of data made public (Art. 17(2)) in the tables {@code gdpr_erasure_*}, shared by every instance of the kit.
 *
 * <p>What is queried is in columns, the rest of a job or report as JSON: one pending job per subject is a unique key
 * on (tenant, subject); a save is an update on (id, version); {@link #claimNext} and {@link #claimDueHolds} take rows
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, so instances claiming at once never take the same row, and a lease
 * that ran out (its holder crashed) is taken over. Lease ends are compared with the clock given here. Times in columns
 * are kept to the microsecond.
 *
 * <p>On MariaDB's repeatable read, claims lock and change rows by primary key only, and a write that adds a row first
 * looks for it without a lock, so two instances adding different rows never wait on each other's gap locks.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().erasureStore(new JpaErasureStore(transactions, clock))}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class JpaErasureStore implements ErasureStore {

  /** How often an insert refused by a racing writer looks again for the row that refused it. */
  private static final int INSERT_ATTEMPTS = 3;

  /** The most keys one lookup of the batch writes names. */
  private static final int IDS_PER_QUERY = 500;

  private final JpaTransactions transactions;
  private final Clock clock;

  /** Creates the store on the kit's unit of work, comparing lease ends with {@code clock}. */
  public JpaErasureStore(JpaTransactions transactions, Clock clock) {
    this.transactions = Preconditions.notNull(transactions, "transactions");
    this.clock = Preconditions.notNull(clock, "clock");
  }

  // --- jobs

  @Override
  public Optional<ErasureJob> insert(ErasureJob job) {
    Preconditions.notNull(job, "job");
    if (job.version() != 0) {
      throw ErasureJobConflictException.duplicate(job.id());
    }
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (report(em, job.id()).isPresent()) {
        throw ErasureJobConflictException.duplicate(job.id());
      }
      return insert(em, job);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>In one transaction, the jobs' rows added in the order of their tenant and subject; ids already used by a
   * completed job are looked for with one query per {@value #IDS_PER_QUERY} jobs.
   */
  @Override
  public List<Optional<ErasureJob>> insertAll(List<ErasureJob> jobs) {
    Preconditions.notNull(jobs, "jobs");
    Set<UUID> ids = new HashSet<>();
    for (ErasureJob job : jobs) {
      Preconditions.notNull(job, "job");
      if (job.version() != 0 || !ids.add(job.id())) {
        throw ErasureJobConflictException.duplicate(job.id());
      }
    }
    List<Integer> order = IntStream.range(0, jobs.size()).boxed().sorted(Comparator.comparing(
        (Integer i) -> jobs.get(i).subject().tenant().value()).thenComparing(i -> jobs.get(i).subject().value()))
        .toList();
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<String> wanted = ids.stream().map(UUID::toString).toList();
      for (int from = 0; from < wanted.size(); from += IDS_PER_QUERY) {
        List<String> reported = em.createQuery("select r.job from GdprErasureReport r where r.job in :ids",
                String.class)
            .setParameter("ids", wanted.subList(from, Math.min(wanted.size(), from + IDS_PER_QUERY)))
            .getResultList();
        if (!reported.isEmpty()) {
          throw ErasureJobConflictException.duplicate(UUID.fromString(reported.get(0)));
        }
      }
      List<Optional<ErasureJob>> answers = new ArrayList<>(Collections.nCopies(jobs.size(), Optional.empty()));
      for (int i : order) {
        answers.set(i, insert(em, jobs.get(i)));
      }
      return answers;
    });
  }

  /** Adds one job's row in the running transaction, as {@link #insert(ErasureJob)} describes. */
  private static Optional<ErasureJob> insert(EntityManager em, ErasureJob job) {
    Map<String, @Nullable Object> row = ErasureJobRow.columns(job.withVersion(1));
    for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
      if (SqlVendor.of(em).insertIgnoringDuplicate(em, ErasureJobRow.TABLE, row) == 1) {
        return Optional.empty();
      }
      // Refused: the id or the subject's pending job is taken. Locking reads see what the racer committed, even
      // under repeatable read, and read only: no update follows the refused insert.
      if (job(em, job.id(), LockModeType.PESSIMISTIC_READ).isPresent()) {
        throw ErasureJobConflictException.duplicate(job.id());
      }
      Optional<ErasureJob> pending = Detached.first(em, em.createQuery("select j from GdprErasureJob j"
              + " where j.tenant = :tenant and j.subject = :subject", ErasureJobRow.class)
          .setParameter("tenant", job.subject().tenant().value())
          .setParameter("subject", job.subject().value())
          .setLockMode(LockModeType.PESSIMISTIC_READ))
          .map(ErasureJobRow::toJob);
      if (pending.isPresent()) {
        return pending;
      }
      // The job that refused the insert completed in between; try again.
    }
    throw new IllegalStateException("an erasure job insert was refused " + INSERT_ATTEMPTS
        + " times by rows that were gone when read");
  }

  @Override
  public ErasureJob save(ErasureJob job) {
    Preconditions.notNull(job, "job");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (update(em, job) == 1) {
        return job.withVersion(job.version() + 1);
      }
      ErasureJob stored = current(em, job);
      Preconditions.check(stored.subject().equals(job.subject()), "job", "must keep its subject");
      throw new IllegalStateException("an erasure job at its stored version was not updated");
    });
  }

  /** {@inheritDoc} In one transaction, in the order of the jobs' ids. */
  @Override
  public List<Optional<ErasureJob>> saveAll(List<ErasureJob> jobs) {
    Preconditions.notNull(jobs, "jobs");
    jobs.forEach(job -> Preconditions.notNull(job, "job"));
    List<Integer> order = IntStream.range(0, jobs.size()).boxed()
        .sorted(Comparator.comparing((Integer i) -> jobs.get(i).id().toString())).toList();
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<Optional<ErasureJob>> answers = new ArrayList<>(Collections.nCopies(jobs.size(), Optional.empty()));
      for (int i : order) {
        ErasureJob job = jobs.get(i);
        if (update(em, job) == 1) {
          answers.set(i, Optional.of(job.withVersion(job.version() + 1)));
        } else {
          job(em, job.id(), LockModeType.NONE).filter(stored -> stored.version() == job.version())
              .ifPresent(stored -> Preconditions.check(stored.subject().equals(job.subject()), "job",
                  "must keep its subject"));
        }
      }
      return answers;
    });
  }

  /** Writes a job over its stored version in the running transaction; returns the rows updated, 0 or 1. */
  private static int update(EntityManager em, ErasureJob job) {
    ErasureJob.Lease lease = job.lease();
    return em.createQuery("update GdprErasureJob j set j.version = j.version + 1, j.parent = :parent,"
            + " j.createdAt = :createdAt, j.leaseOwner = :owner, j.leaseUntil = :until, j.payload = :payload"
            + " where j.id = :id and j.version = :version and j.tenant = :tenant and j.subject = :subject")
        .setParameter("parent", job.parent() == null ? null : job.parent().toString())
        .setParameter("createdAt", job.createdAt())
        .setParameter("owner", lease == null ? null : lease.owner())
        .setParameter("until", lease == null ? null : lease.until())
        .setParameter("payload", ErasureJson.job(job))
        .setParameter("id", job.id().toString())
        .setParameter("version", job.version())
        .setParameter("tenant", job.subject().tenant().value())
        .setParameter("subject", job.subject().value())
        .executeUpdate();
  }

  /** Returns the stored job if its version is the job's, else throws the conflict. */
  private static ErasureJob current(EntityManager em, ErasureJob job) {
    ErasureJob stored = job(em, job.id(), LockModeType.PESSIMISTIC_READ)
        .orElseThrow(() -> ErasureJobConflictException.gone(job.id(), job.version()));
    if (stored.version() != job.version()) {
      throw ErasureJobConflictException.staleVersion(job.id(), job.version(), stored.version());
    }
    return stored;
  }

  @Override
  public Optional<ErasureJob> find(UUID id) {
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> job(transactions.entityManager(), id, LockModeType.NONE));
  }

  @Override
  public Optional<ErasureJob> active(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return Detached.first(em, em.createQuery("select j from GdprErasureJob j where j.tenant = :tenant"
              + " and j.subject = :subject", ErasureJobRow.class)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value()))
          .map(ErasureJobRow::toJob);
    });
  }

  @Override
  public List<ErasureJob> pending(@Nullable UUID after, int limit) {
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return Detached.rows(em, em.createQuery("select j from GdprErasureJob j where j.id > :after order by j.id",
              ErasureJobRow.class)
          .setParameter("after", after == null ? "" : after.toString())
          .setMaxResults(limit))
          .stream().map(ErasureJobRow::toJob).toList();
    });
  }

  @Override
  public List<ErasureJob> claimNext(String owner, Instant leaseUntil, int limit) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<String> free = claimable(em, ErasureJobRow.TABLE, "parent is null", "created_at", limit);
      List<ErasureJob> claimed = new ArrayList<>(free.size());
      for (String id : free) {
        job(em, UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE)
            .ifPresent(job -> claimed.add(lease(em, job, new ErasureJob.Lease(owner, leaseUntil))));
      }
      return claimed;
    });
  }

  @Override
  public Optional<ErasureJob> claim(UUID id, String owner, Instant leaseUntil) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return job(em, id, LockModeType.PESSIMISTIC_WRITE)
          .filter(job -> !job.heldByOtherAt(owner, clock.instant()))
          .map(job -> lease(em, job, new ErasureJob.Lease(owner, leaseUntil)));
    });
  }

  @Override
  public Optional<ErasureJob> renew(UUID id, String owner, Instant leaseUntil) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return job(em, id, LockModeType.PESSIMISTIC_WRITE)
          .filter(job -> job.lease() != null && job.lease().owner().equals(owner))
          .map(job -> lease(em, job, new ErasureJob.Lease(owner, leaseUntil)));
    });
  }

  @Override
  public boolean release(UUID id, String owner) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprErasureJob j set j.leaseOwner = null, j.leaseUntil = null, j.version = j.version + 1"
            + " where j.id = :id and j.leaseOwner = :owner")
        .setParameter("id", id.toString())
        .setParameter("owner", owner)
        .executeUpdate() == 1);
  }

  /** Sets the lease of a job locked by this transaction, by its primary key, and returns it as stored. */
  private static ErasureJob lease(EntityManager em, ErasureJob job, ErasureJob.Lease lease) {
    em.createQuery("update GdprErasureJob j set j.leaseOwner = :owner, j.leaseUntil = :until,"
            + " j.version = j.version + 1 where j.id = :id")
        .setParameter("owner", lease.owner())
        .setParameter("until", lease.until())
        .setParameter("id", job.id().toString())
        .executeUpdate();
    return job.withLease(lease).withVersion(job.version() + 1);
  }

  private static Optional<ErasureJob> job(EntityManager em, UUID id, LockModeType lock) {
    return Detached.first(em, em.createQuery("select j from GdprErasureJob j where j.id = :id", ErasureJobRow.class)
        .setParameter("id", id.toString())
        .setLockMode(lock))
        .map(ErasureJobRow::toJob);
  }

  // --- completion and reports

  @Override
  public void complete(ErasureJob job, ErasureReport report) {
    Preconditions.notNull(job, "job");
    Preconditions.notNull(report, "report");
    Preconditions.check(report.job().equals(job.id()), "report", "must be the report of the completed job");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      if (!complete(em, job, report)) {
        current(em, job);
        throw new IllegalStateException("an erasure job at its stored version was not deleted");
      }
    });
  }

  /** {@inheritDoc} In one transaction. */
  @Override
  public List<Boolean> completeAll(List<Completion> completions) {
    Preconditions.notNull(completions, "completions");
    completions.forEach(completion -> Preconditions.notNull(completion, "completion"));
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<Boolean> answers = new ArrayList<>(completions.size());
      for (Completion completion : completions) {
        answers.add(complete(em, completion.job(), completion.report()));
      }
      return answers;
    });
  }

  /**
   * Deletes a job at its stored version and keeps its report, in the running transaction; returns false, writing
   * nothing, when the job is not at that version.
   */
  private static boolean complete(EntityManager em, ErasureJob job, ErasureReport report) {
    int deleted = em.createQuery("delete from GdprErasureJob j where j.id = :id and j.version = :version")
        .setParameter("id", job.id().toString())
        .setParameter("version", job.version())
        .executeUpdate();
    if (deleted == 0) {
      return false;
    }
    ErasureReportRow row = ErasureReportRow.of(job.subject().tenant(), report);
    em.persist(row);
    em.flush();
    em.detach(row);
    return true;
  }

  @Override
  public Optional<ErasureReport> report(UUID job) {
    Preconditions.notNull(job, "job");
    return transactions.inStoreTransaction(() -> report(transactions.entityManager(), job));
  }

  private static Optional<ErasureReport> report(EntityManager em, UUID job) {
    return Detached.first(em, em.createQuery("select r from GdprErasureReport r where r.job = :job",
            ErasureReportRow.class)
        .setParameter("job", job.toString()))
        .map(ErasureReportRow::toReport);
  }

  @Override
  public List<ErasureReport> reports(TenantId tenant, @Nullable UUID after, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      long from = 0;
      if (after != null) {
        List<Long> position = em.createQuery("select r.seq from GdprErasureReport r where r.job = :job"
                + " and r.tenant = :tenant", Long.class)
            .setParameter("job", after.toString())
            .setParameter("tenant", tenant.value())
            .getResultList();
        Preconditions.check(!position.isEmpty(), "after", "must be the job of one of the tenant's reports");
        from = position.get(0);
      }
      return Detached.rows(em, em.createQuery("select r from GdprErasureReport r where r.tenant = :tenant"
              + " and r.seq > :from order by r.seq", ErasureReportRow.class)
          .setParameter("tenant", tenant.value())
          .setParameter("from", from)
          .setMaxResults(limit))
          .stream().map(ErasureReportRow::toReport).toList();
    });
  }

  // --- tombstones

  @Override
  public void saveTombstone(Tombstone tombstone) {
    Preconditions.notNull(tombstone, "tombstone");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      save(em, TombstoneRow.TABLE, TombstoneRow.columns(tombstone), "GdprErasureTombstone", tombstoneKey(tombstone),
          () -> updateTombstone(em, tombstone));
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>In one transaction, in the order of tenant and pseudonym: the tombstones already there are found with one query
   * per tenant and {@value #IDS_PER_QUERY} pseudonyms and updated, the others inserted.
   */
  @Override
  public void saveTombstones(List<Tombstone> tombstones) {
    Preconditions.notNull(tombstones, "tombstones");
    Map<TenantId, Map<String, Tombstone>> byTenant = new TreeMap<>(Comparator.comparing(TenantId::value));
    for (Tombstone tombstone : tombstones) {
      Preconditions.notNull(tombstone, "tombstone");
      byTenant.computeIfAbsent(tombstone.tenant(), t -> new TreeMap<>()).put(tombstone.subjectPseudonym(), tombstone);
    }
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      byTenant.forEach((tenant, byPseudonym) -> {
        List<String> pseudonyms = List.copyOf(byPseudonym.keySet());
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < pseudonyms.size(); from += IDS_PER_QUERY) {
          existing.addAll(em.createQuery("select t.pseudonym from GdprErasureTombstone t where t.tenant = :tenant"
                  + " and t.pseudonym in :pseudonyms", String.class)
              .setParameter("tenant", tenant.value())
              .setParameter("pseudonyms", pseudonyms.subList(from, Math.min(pseudonyms.size(), from + IDS_PER_QUERY)))
              .getResultList());
        }
        byPseudonym.values().forEach(tombstone -> save(em, TombstoneRow.TABLE, TombstoneRow.columns(tombstone),
            "GdprErasureTombstone", tombstoneKey(tombstone), () -> updateTombstone(em, tombstone),
            existing.contains(tombstone.subjectPseudonym())));
      });
    });
  }

  private static Map<String, Object> tombstoneKey(Tombstone tombstone) {
    return Map.of("tenant", tombstone.tenant().value(), "pseudonym", tombstone.subjectPseudonym());
  }

  private static void updateTombstone(EntityManager em, Tombstone tombstone) {
    Actor by = tombstone.recollectionAllowedBy();
    em.createQuery("update GdprErasureTombstone t set t.erasedAt = :erasedAt, t.recollectionAt = :at,"
            + " t.recollectionByType = :type, t.recollectionById = :by where t.tenant = :tenant"
            + " and t.pseudonym = :pseudonym")
        .setParameter("erasedAt", tombstone.erasedAt())
        .setParameter("at", tombstone.recollectionAllowedAt())
        .setParameter("type", by == null ? null : by.type())
        .setParameter("by", by == null ? null : by.id())
        .setParameter("tenant", tombstone.tenant().value())
        .setParameter("pseudonym", tombstone.subjectPseudonym())
        .executeUpdate();
  }

  @Override
  public Optional<Tombstone> tombstone(TenantId tenant, String subjectPseudonym) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(subjectPseudonym, "subjectPseudonym");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return Detached.first(em, em.createQuery("select t from GdprErasureTombstone t where t.tenant = :tenant"
              + " and t.pseudonym = :pseudonym", TombstoneRow.class)
          .setParameter("tenant", tenant.value())
          .setParameter("pseudonym", subjectPseudonym))
          .map(TombstoneRow::toTombstone);
    });
  }

  @Override
  public List<Tombstone> tombstones(TenantId tenant, @Nullable String after, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return Detached.rows(em, em.createQuery("select t from GdprErasureTombstone t where t.tenant = :tenant"
              + " and t.pseudonym > :after order by t.pseudonym", TombstoneRow.class)
          .setParameter("tenant", tenant.value())
          .setParameter("after", after == null ? "" : after)
          .setMaxResults(limit))
          .stream().map(TombstoneRow::toTombstone).toList();
    });
  }

  @Override
  public boolean replaceTombstone(TenantId tenant, String oldPseudonym, Tombstone replacement) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notBlank(oldPseudonym, "oldPseudonym");
    Preconditions.notNull(replacement, "replacement");
    Preconditions.check(replacement.tenant().equals(tenant), "replacement", "must be a tombstone of the tenant");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      int deleted = em.createQuery("delete from GdprErasureTombstone t where t.tenant = :tenant"
              + " and t.pseudonym = :pseudonym")
          .setParameter("tenant", tenant.value())
          .setParameter("pseudonym", oldPseudonym)
          .executeUpdate();
      if (deleted == 0) {
        return false;
      }
      // An instance that re-keyed the same subject first wrote the same tombstone: keep it.
      SqlVendor.of(em).insertIgnoringDuplicate(em, TombstoneRow.TABLE, TombstoneRow.columns(replacement));
      return true;
    });
  }

  // --- holds

  @Override
  public void saveHold(ErasureHold hold) {
    Preconditions.notNull(hold, "hold");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Map<String, @Nullable Object> columns = ErasureHoldRow.columns(hold);
      save(em, ErasureHoldRow.TABLE, columns, "GdprErasureHold", Map.of("id", hold.id().toString()),
          () -> em.createQuery("update GdprErasureHold h set h.tenant = :tenant, h.subject = :subject,"
                  + " h.erasedAt = :erasedAt, h.until = :until, h.leaseOwner = :owner, h.leaseUntil = :leaseUntil,"
                  + " h.scope = :scope where h.id = :id")
              .setParameter("tenant", columns.get("tenant"))
              .setParameter("subject", columns.get("subject"))
              .setParameter("erasedAt", hold.erasedAt())
              .setParameter("until", hold.until())
              .setParameter("owner", columns.get("lease_owner"))
              .setParameter("leaseUntil", columns.get("lease_until"))
              .setParameter("scope", columns.get("scope"))
              .setParameter("id", hold.id().toString())
              .executeUpdate());
    });
  }

  @Override
  public List<ErasureHold> holds(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return bySubject("GdprErasureHold", ErasureHoldRow.class, subject).stream().map(ErasureHoldRow::toHold).toList();
  }

  @Override
  public List<ErasureHold> claimDueHolds(String owner, Instant leaseUntil, int limit) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Preconditions.positive(limit, "limit");
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      List<String> due = claimable(em, ErasureHoldRow.TABLE, "until_at <= ?1", "until_at", limit);
      List<ErasureHold> claimed = new ArrayList<>(due.size());
      for (String id : due) {
        Optional<ErasureHold> hold = Detached.first(em, em.createQuery("select h from GdprErasureHold h"
                + " where h.id = :id", ErasureHoldRow.class)
            .setParameter("id", id)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE))
            .map(ErasureHoldRow::toHold);
        if (hold.isPresent()) {
          em.createQuery("update GdprErasureHold h set h.leaseOwner = :owner, h.leaseUntil = :until where h.id = :id")
              .setParameter("owner", owner)
              .setParameter("until", leaseUntil)
              .setParameter("id", id)
              .executeUpdate();
          claimed.add(hold.get().leasedTo(owner, leaseUntil));
        }
      }
      return claimed;
    });
  }

  @Override
  public boolean releaseHold(UUID id, String owner) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("update GdprErasureHold h set h.leaseOwner = null, h.leaseUntil = null where h.id = :id"
            + " and h.leaseOwner = :owner")
        .setParameter("id", id.toString())
        .setParameter("owner", owner)
        .executeUpdate() == 1);
  }

  @Override
  public boolean deleteHold(UUID id) {
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("delete from GdprErasureHold h where h.id = :id")
        .setParameter("id", id.toString())
        .executeUpdate() == 1);
  }

  // --- records of data made public

  @Override
  public void savePublication(Publication publication) {
    Preconditions.notNull(publication, "publication");
    transactions.useStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      Map<String, @Nullable Object> columns = PublicationRow.columns(publication);
      save(em, PublicationRow.TABLE, columns, "GdprErasurePublication", Map.of("id", publication.id().toString()),
          () -> em.createQuery("update GdprErasurePublication p set p.tenant = :tenant, p.subject = :subject,"
                  + " p.payload = :payload where p.id = :id")
              .setParameter("tenant", columns.get("tenant"))
              .setParameter("subject", columns.get("subject"))
              .setParameter("payload", columns.get("payload"))
              .setParameter("id", publication.id().toString())
              .executeUpdate());
    });
  }

  @Override
  public List<Publication> publications(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return bySubject("GdprErasurePublication", PublicationRow.class, subject).stream()
        .map(PublicationRow::toPublication).toList();
  }

  @Override
  public boolean deletePublication(UUID id) {
    Preconditions.notNull(id, "id");
    return transactions.inStoreTransaction(() -> transactions.entityManager()
        .createQuery("delete from GdprErasurePublication p where p.id = :id")
        .setParameter("id", id.toString())
        .executeUpdate() == 1);
  }

  // --- helpers

  /**
   * Adds a row or replaces the one with its key. An existing row is found without a lock and then updated, which
   * locks that row only; a new one is inserted ignoring a duplicate, after no lock that could block another instance
   * adding another row. Only a racing writer of the same key makes the insert refuse; then this write is applied over
   * the racer's, after locking the row for update. The store's callers do not race on one key: one job at a time
   * writes a subject's holds, tombstone and records.
   *
   * @param entity the entity of {@code table}
   * @param key the attributes and values of the row's key
   * @param update updates the row with its key
   */
  private static void save(EntityManager em, String table, Map<String, @Nullable Object> columns, String entity,
      Map<String, Object> key, Runnable update) {
    TypedQuery<Long> existing = em.createQuery("select count(e) from " + entity + " e where " + where(key),
        Long.class);
    key.forEach(existing::setParameter);
    save(em, table, columns, entity, key, update, existing.getSingleResult() > 0);
  }

  /** Saves a row as {@link #save(EntityManager, String, Map, String, Map, Runnable)} does, told whether it exists. */
  private static void save(EntityManager em, String table, Map<String, @Nullable Object> columns, String entity,
      Map<String, Object> key, Runnable update, boolean exists) {
    if (!exists) {
      if (SqlVendor.of(em).insertIgnoringDuplicate(em, table, columns) == 1) {
        return;
      }
      TypedQuery<Object> locked = em.createQuery("select e from " + entity + " e where " + where(key), Object.class)
          .setLockMode(LockModeType.PESSIMISTIC_WRITE);
      key.forEach(locked::setParameter);
      locked.getResultList().forEach(em::detach);
    }
    update.run();
  }

  private static String where(Map<String, Object> key) {
    return String.join(" and ", key.keySet().stream().map(name -> "e." + name + " = :" + name).toList());
  }

  /**
   * Locks and returns the ids of up to {@code limit} rows that meet {@code condition} (where {@code ?1} is the
   * store's time) and whose lease is free or ran out, first in {@code order}, then by id; rows that another claimer
   * has locked are skipped, not waited for.
   */
  private List<String> claimable(EntityManager em, String table, String condition, String order, int limit) {
    @SuppressWarnings("unchecked")
    List<String> ids = em.createNativeQuery("select id from " + table + " where " + condition
            + " and (lease_until is null or lease_until <= ?1) order by " + order + ", id limit ?2"
            + " for update skip locked")
        .setParameter(1, clock.instant())
        .setParameter(2, limit)
        .getResultList();
    return ids;
  }

  /** Returns the rows of a subject in the order first saved, from an entity with a {@code seq} attribute. */
  private <T> List<T> bySubject(String entity, Class<T> row, SubjectId subject) {
    return transactions.inStoreTransaction(() -> {
      EntityManager em = transactions.entityManager();
      return Detached.rows(em, em.createQuery("select e from " + entity + " e where e.tenant = :tenant"
              + " and e.subject = :subject order by e.seq", row)
          .setParameter("tenant", subject.tenant().value())
          .setParameter("subject", subject.value()));
    });
  }

}
