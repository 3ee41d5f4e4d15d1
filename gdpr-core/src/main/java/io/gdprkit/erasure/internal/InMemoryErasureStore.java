package io.gdprkit.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.erasure.ErasureJobConflictException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.spi.ErasureHold;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.transaction.LocalTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Jobs, reports, tombstones, holds and publications in memory, under one lock: every operation is one atomic step, as
 * a transaction of a database adapter would be. Leases are compared with the injected clock. Writes of publications,
 * which erasure makes in the unit of work that informs the controllers, are taken back if that unit fails.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryErasureStore implements ErasureStore, InMemoryStore {

  private static final Comparator<ErasureJob> OLDEST_FIRST =
      Comparator.comparing(ErasureJob::createdAt).thenComparing(ErasureJob::id);

  private final Clock clock;
  private final NavigableMap<UUID, ErasureJob> jobs = new TreeMap<>();
  private final Map<SubjectId, UUID> activeBySubject = new HashMap<>();
  private final Map<UUID, ErasureReport> reportsByJob = new HashMap<>();
  private final Map<UUID, Integer> reportPositions = new HashMap<>();
  private final Map<TenantId, List<ErasureReport>> reportsByTenant = new HashMap<>();
  private final Map<TenantId, NavigableMap<String, Tombstone>> tombstones = new HashMap<>();
  private final Map<UUID, ErasureHold> holds = new LinkedHashMap<>();
  private final Map<UUID, Publication> publications = new LinkedHashMap<>();

  public InMemoryErasureStore(Clock clock) {
    this.clock = Preconditions.notNull(clock, "clock");
  }

  @Override
  public synchronized Optional<ErasureJob> insert(ErasureJob job) {
    Preconditions.notNull(job, "job");
    if (job.version() != 0 || jobs.containsKey(job.id()) || reportsByJob.containsKey(job.id())) {
      throw ErasureJobConflictException.duplicate(job.id());
    }
    UUID active = activeBySubject.get(job.subject());
    if (active != null) {
      return Optional.of(jobs.get(active));
    }
    jobs.put(job.id(), job.withVersion(1));
    activeBySubject.put(job.subject(), job.id());
    return Optional.empty();
  }

  /** {@inheritDoc} As one atomic step. */
  @Override
  public synchronized List<Optional<ErasureJob>> insertAll(List<ErasureJob> jobs) {
    Preconditions.notNull(jobs, "jobs");
    Set<UUID> ids = new HashSet<>();
    for (ErasureJob job : jobs) {
      Preconditions.notNull(job, "job");
      if (job.version() != 0 || !ids.add(job.id()) || this.jobs.containsKey(job.id())
          || reportsByJob.containsKey(job.id())) {
        throw ErasureJobConflictException.duplicate(job.id());
      }
    }
    return ErasureStore.super.insertAll(jobs);
  }

  /** {@inheritDoc} As one atomic step. */
  @Override
  public synchronized List<Optional<ErasureJob>> saveAll(List<ErasureJob> jobs) {
    return ErasureStore.super.saveAll(Preconditions.notNull(jobs, "jobs"));
  }

  @Override
  public synchronized ErasureJob save(ErasureJob job) {
    Preconditions.notNull(job, "job");
    ErasureJob stored = current(job);
    Preconditions.check(stored.subject().equals(job.subject()), "job", "must keep its subject");
    ErasureJob next = job.withVersion(stored.version() + 1);
    jobs.put(job.id(), next);
    return next;
  }

  /** Returns the stored job if its version is the job's, else throws the conflict. */
  private ErasureJob current(ErasureJob job) {
    ErasureJob stored = jobs.get(job.id());
    if (stored == null) {
      throw ErasureJobConflictException.gone(job.id(), job.version());
    }
    if (stored.version() != job.version()) {
      throw ErasureJobConflictException.staleVersion(job.id(), job.version(), stored.version());
    }
    return stored;
  }

  @Override
  public synchronized Optional<ErasureJob> find(UUID id) {
    return Optional.ofNullable(jobs.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public synchronized Optional<ErasureJob> active(SubjectId subject) {
    UUID id = activeBySubject.get(Preconditions.notNull(subject, "subject"));
    return id == null ? Optional.empty() : Optional.of(jobs.get(id));
  }

  @Override
  public synchronized List<ErasureJob> pending(@Nullable UUID after, int limit) {
    Preconditions.positive(limit, "limit");
    return (after == null ? jobs : jobs.tailMap(after, false)).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized List<ErasureJob> claimNext(String owner, Instant leaseUntil, int limit) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Preconditions.positive(limit, "limit");
    Instant now = clock.instant();
    List<ErasureJob> free = jobs.values().stream()
        .filter(job -> job.parent() == null && (job.lease() == null || !job.lease().heldAt(now)))
        .sorted(OLDEST_FIRST).limit(limit).toList();
    List<ErasureJob> claimed = new ArrayList<>(free.size());
    for (ErasureJob job : free) {
      claimed.add(lease(job, owner, leaseUntil));
    }
    return claimed;
  }

  @Override
  public synchronized Optional<ErasureJob> claim(UUID id, String owner, Instant leaseUntil) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    ErasureJob job = jobs.get(Preconditions.notNull(id, "id"));
    if (job == null || job.heldByOtherAt(owner, clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(lease(job, owner, leaseUntil));
  }

  @Override
  public synchronized Optional<ErasureJob> renew(UUID id, String owner, Instant leaseUntil) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    ErasureJob job = jobs.get(Preconditions.notNull(id, "id"));
    if (job == null || job.lease() == null || !job.lease().owner().equals(owner)) {
      return Optional.empty();
    }
    return Optional.of(lease(job, owner, leaseUntil));
  }

  private ErasureJob lease(ErasureJob job, String owner, Instant leaseUntil) {
    ErasureJob next = job.leasedTo(owner, leaseUntil).withVersion(job.version() + 1);
    jobs.put(job.id(), next);
    return next;
  }

  @Override
  public synchronized boolean release(UUID id, String owner) {
    Preconditions.notBlank(owner, "owner");
    ErasureJob job = jobs.get(Preconditions.notNull(id, "id"));
    if (job == null || job.lease() == null || !job.lease().owner().equals(owner)) {
      return false;
    }
    jobs.put(id, job.withLease(null).withVersion(job.version() + 1));
    return true;
  }

  @Override
  public synchronized void complete(ErasureJob job, ErasureReport report) {
    Preconditions.notNull(job, "job");
    Preconditions.notNull(report, "report");
    Preconditions.check(report.job().equals(job.id()), "report", "must be the report of the completed job");
    current(job);
    jobs.remove(job.id());
    activeBySubject.remove(job.subject(), job.id());
    List<ErasureReport> tenantReports = reportsByTenant.computeIfAbsent(job.subject().tenant(), t -> new ArrayList<>());
    reportPositions.put(job.id(), tenantReports.size());
    tenantReports.add(report);
    reportsByJob.put(job.id(), report);
  }

  /** {@inheritDoc} As one atomic step. */
  @Override
  public synchronized List<Boolean> completeAll(List<Completion> completions) {
    return ErasureStore.super.completeAll(Preconditions.notNull(completions, "completions"));
  }

  @Override
  public synchronized Optional<ErasureReport> report(UUID job) {
    return Optional.ofNullable(reportsByJob.get(Preconditions.notNull(job, "job")));
  }

  @Override
  public synchronized List<ErasureReport> reports(TenantId tenant, @Nullable UUID after, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    List<ErasureReport> all = reportsByTenant.getOrDefault(tenant, List.of());
    int from = 0;
    if (after != null) {
      Integer position = reportPositions.get(after);
      ErasureReport previous = reportsByJob.get(after);
      Preconditions.check(position != null && all.size() > position && all.get(position) == previous, "after",
          "must be the job of one of the tenant's reports");
      from = position + 1;
    }
    return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
  }

  @Override
  public synchronized void saveTombstone(Tombstone tombstone) {
    Preconditions.notNull(tombstone, "tombstone");
    tombstones.computeIfAbsent(tombstone.tenant(), t -> new TreeMap<>()).put(tombstone.subjectPseudonym(), tombstone);
  }

  /** {@inheritDoc} As one atomic step. */
  @Override
  public synchronized void saveTombstones(List<Tombstone> tombstones) {
    Preconditions.notNull(tombstones, "tombstones");
    tombstones.forEach(tombstone -> Preconditions.notNull(tombstone, "tombstone"));
    ErasureStore.super.saveTombstones(tombstones);
  }

  @Override
  public synchronized Optional<Tombstone> tombstone(TenantId tenant, String subjectPseudonym) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(subjectPseudonym, "subjectPseudonym");
    NavigableMap<String, Tombstone> own = tombstones.get(tenant);
    return own == null ? Optional.empty() : Optional.ofNullable(own.get(subjectPseudonym));
  }

  @Override
  public synchronized List<Tombstone> tombstones(TenantId tenant, @Nullable String after, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    NavigableMap<String, Tombstone> own = tombstones.getOrDefault(tenant, new TreeMap<>());
    return (after == null ? own : own.tailMap(after, false)).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized boolean replaceTombstone(TenantId tenant, String oldPseudonym, Tombstone replacement) {
    Preconditions.notNull(replacement, "replacement");
    Preconditions.check(replacement.tenant().equals(tenant), "replacement", "must be a tombstone of the tenant");
    NavigableMap<String, Tombstone> own = tombstones.get(Preconditions.notNull(tenant, "tenant"));
    if (own == null || own.remove(Preconditions.notBlank(oldPseudonym, "oldPseudonym")) == null) {
      return false;
    }
    own.putIfAbsent(replacement.subjectPseudonym(), replacement);
    return true;
  }

  @Override
  public synchronized void saveHold(ErasureHold hold) {
    Preconditions.notNull(hold, "hold");
    holds.put(hold.id(), hold);
  }

  @Override
  public synchronized List<ErasureHold> holds(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return holds.values().stream().filter(hold -> hold.subject().equals(subject)).toList();
  }

  @Override
  public synchronized List<ErasureHold> claimDueHolds(String owner, Instant leaseUntil, int limit) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Preconditions.positive(limit, "limit");
    Instant now = clock.instant();
    List<ErasureHold> due = holds.values().stream()
        .filter(hold -> hold.dueAt(now) && (hold.lease() == null || !hold.lease().heldAt(now)))
        .sorted(Comparator.comparing(ErasureHold::until).thenComparing(ErasureHold::id)).limit(limit).toList();
    List<ErasureHold> claimed = new ArrayList<>(due.size());
    for (ErasureHold hold : due) {
      ErasureHold leased = hold.leasedTo(owner, leaseUntil);
      holds.put(hold.id(), leased);
      claimed.add(leased);
    }
    return claimed;
  }

  @Override
  public synchronized boolean releaseHold(UUID id, String owner) {
    Preconditions.notBlank(owner, "owner");
    ErasureHold hold = holds.get(Preconditions.notNull(id, "id"));
    if (hold == null || hold.lease() == null || !hold.lease().owner().equals(owner)) {
      return false;
    }
    holds.put(id, hold.withLease(null));
    return true;
  }

  @Override
  public synchronized boolean deleteHold(UUID id) {
    return holds.remove(Preconditions.notNull(id, "id")) != null;
  }

  @Override
  public synchronized void savePublication(Publication publication) {
    Preconditions.notNull(publication, "publication");
    Publication before = publications.put(publication.id(), publication);
    LocalTransactions.onRollback(() -> {
      synchronized (this) {
        if (before == null) {
          publications.remove(publication.id());
        } else {
          publications.put(before.id(), before);
        }
      }
    });
  }

  @Override
  public synchronized List<Publication> publications(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return publications.values().stream().filter(p -> p.subject().equals(subject)).toList();
  }

  @Override
  public synchronized boolean deletePublication(UUID id) {
    Publication removed = publications.remove(Preconditions.notNull(id, "id"));
    if (removed != null) {
      LocalTransactions.onRollback(() -> {
        synchronized (this) {
          publications.putIfAbsent(removed.id(), removed);
        }
      });
    }
    return removed != null;
  }
}
