package io.gdprkit.erasure.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureJobConflictException;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.internal.InMemoryErasureStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores pending erasure jobs, the reports kept as proof, the tombstone journal, the holds on data an erasure kept
 * until a date (Art. 17(3)) and the records of data made public (Art. 17(2)), for every tenant; shared by every kit
 * instance of an application. Thread-safe.
 *
 * <p>What a database adapter maps each part to:
 * <ul>
 *   <li>one pending job per subject: a unique index on (tenant, subject) of pending jobs, so {@link #insert} of a
 *       second one fails and returns the first;</li>
 *   <li>versions: {@link #save} and {@link #complete} are {@code UPDATE … WHERE id = ? AND version = ?};</li>
 *   <li>leases, in the style of Spring Modulith's event publication registry: {@link #claimNext} is
 *       {@code SELECT … WHERE lease is free or expired ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT ?} followed by
 *       setting owner and lease end, in one transaction; a lease that ran out is taken over, which is how the jobs of
 *       a crashed instance are finished;</li>
 *   <li>holds: {@link #claimDueHolds} is {@code SELECT … WHERE until <= now AND lease is free or expired ORDER BY until
 *       FOR UPDATE SKIP LOCKED LIMIT ?} over an index on {@code until}, then setting owner and lease end;</li>
 *   <li>every query is bounded and paged by a key, never a scan of everything.</li>
 * </ul>
 * Claims, renewals and releases change the version too, so a runner whose lease was taken over fails its next save
 * with {@link io.gdprkit.erasure.ErasureJobConflictException}. Lease ends are compared with the store's own clock.
 *
 * <p>Every implementation should pass {@code ErasureStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().erasureStore(ErasureStore.inMemory(clock))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ErasureStore {

  /** Returns a new store that keeps everything in this JVM's memory and reads lease time from the system clock. */
  static ErasureStore inMemory() {
    return new InMemoryErasureStore(Clock.systemUTC());
  }

  /** Returns a new store that keeps everything in this JVM's memory and reads lease time from {@code clock}. */
  static ErasureStore inMemory(Clock clock) {
    return new InMemoryErasureStore(clock);
  }

  /**
   * Adds a new job (version 0, stored as version 1) with the lease it carries, unless its subject already has a
   * pending job; then adds nothing.
   *
   * @return the subject's pending job that prevented the insert, or empty when the job was added
   * @throws io.gdprkit.erasure.ErasureJobConflictException if a job with this id exists or the version is not 0
   */
  Optional<ErasureJob> insert(ErasureJob job);

  /**
   * Adds new jobs as {@link #insert} adds each: what the kit calls when it starts many erasures together
   * ({@code erasure().eraseAll}). A job whose subject has a pending job, one added before it from the same list
   * included, is not added.
   *
   * <p>The default calls {@link #insert} for each job in turn. A database adapter overrides it to add them in one
   * transaction, taking the subjects' keys in one order (by tenant, then subject), so that two instances adding
   * overlapping subjects at once never deadlock.
   *
   * @return per job, in the order given: empty when it was added, else the subject's pending job that prevented it
   * @throws io.gdprkit.erasure.ErasureJobConflictException if a job's id exists or its version is not 0
   * @since 0.2
   */
  default List<Optional<ErasureJob>> insertAll(List<ErasureJob> jobs) {
    List<Optional<ErasureJob>> answers = new ArrayList<>(jobs.size());
    for (ErasureJob job : jobs) {
      answers.add(insert(job));
    }
    return answers;
  }

  /**
   * Replaces a pending job if the stored version is the job's, storing the next version with the job's lease.
   *
   * @return the job as stored, with its new version
   * @throws io.gdprkit.erasure.ErasureJobConflictException if the stored version differs or the job is not pending
   */
  ErasureJob save(ErasureJob job);

  /**
   * Saves jobs as {@link #save} saves each, except that a job {@code save} would refuse as a conflict (its stored
   * version differs: another run took it over; or it is no longer pending) is left as stored and answered empty,
   * while the others are saved: what the kit calls when a step of many jobs that run together is done.
   *
   * <p>The default calls {@link #save} for each job in turn. A database adapter overrides it to save them in one
   * transaction.
   *
   * @return per job, in the order given: the job as stored, with its new version, or empty if it was not saved
   * @since 0.2
   */
  default List<Optional<ErasureJob>> saveAll(List<ErasureJob> jobs) {
    List<Optional<ErasureJob>> answers = new ArrayList<>(jobs.size());
    for (ErasureJob job : jobs) {
      try {
        answers.add(Optional.of(save(job)));
      } catch (ErasureJobConflictException conflict) {
        answers.add(Optional.empty());
      }
    }
    return answers;
  }

  /** Returns the pending job with this id. */
  Optional<ErasureJob> find(UUID id);

  /** Returns the subject's pending job, at most one. */
  Optional<ErasureJob> active(SubjectId subject);

  /**
   * Returns up to {@code limit} pending jobs after the job {@code after} (exclusive; {@code null} for the first page)
   * in the store's order of job ids, of every tenant.
   */
  List<ErasureJob> pending(@Nullable UUID after, int limit);

  /**
   * Claims up to {@code limit} top-level pending jobs (jobs with no parent; a parent's runner claims its children)
   * whose lease is free or ran out, oldest first, leasing them to {@code owner} until {@code leaseUntil}.
   *
   * @return the claimed jobs as stored, with their new version and lease
   */
  List<ErasureJob> claimNext(String owner, Instant leaseUntil, int limit);

  /**
   * Claims one pending job if its lease is free, ran out, or is already {@code owner}'s.
   *
   * @return the claimed job as stored, or empty if another owner holds it or it is not pending
   */
  Optional<ErasureJob> claim(UUID id, String owner, Instant leaseUntil);

  /**
   * Extends the lease of a job that {@code owner} holds, even if it ran out but no one took it over.
   *
   * @return the job as stored, or empty if another owner took it or it is not pending
   */
  Optional<ErasureJob> renew(UUID id, String owner, Instant leaseUntil);

  /**
   * Frees the lease of a job that {@code owner} holds, after a failed run, so that any instance may claim it now.
   *
   * @return whether {@code owner} held it
   */
  boolean release(UUID id, String owner);

  /**
   * Removes a finished job and keeps its report as proof, under the job's tenant; as one step.
   *
   * @throws io.gdprkit.erasure.ErasureJobConflictException if the stored version differs or the job is not pending
   */
  void complete(ErasureJob job, ErasureReport report);

  /**
   * A finished job and its report, for {@link #completeAll}.
   *
   * @param job the job at its stored version
   * @param report its report
   * @since 0.2
   */
  record Completion(ErasureJob job, ErasureReport report) {

    /** Checks that the report is the job's. */
    public Completion {
      Preconditions.notNull(job, "job");
      Preconditions.notNull(report, "report");
      Preconditions.check(report.job().equals(job.id()), "report", "must be the report of the completed job");
    }
  }

  /**
   * Completes jobs as {@link #complete} completes each, except that a job {@code complete} would refuse as a conflict
   * is left pending, without a report, and answered {@code false}: what the kit calls when many jobs that ran together
   * are done. Reports are kept in the order given.
   *
   * <p>The default calls {@link #complete} for each job in turn. A database adapter overrides it to complete them in
   * one transaction.
   *
   * @return per completion, in the order given: whether the job was completed
   * @since 0.2
   */
  default List<Boolean> completeAll(List<Completion> completions) {
    List<Boolean> answers = new ArrayList<>(completions.size());
    for (Completion completion : completions) {
      try {
        complete(completion.job(), completion.report());
        answers.add(true);
      } catch (ErasureJobConflictException conflict) {
        answers.add(false);
      }
    }
    return answers;
  }

  /** Returns the kept report of a completed job. */
  Optional<ErasureReport> report(UUID job);

  /**
   * Returns up to {@code limit} of the tenant's kept reports in completion order, after the report of job
   * {@code after} (exclusive; {@code null} for the first page).
   */
  List<ErasureReport> reports(TenantId tenant, @Nullable UUID after, int limit);

  /** Adds or replaces the tombstone of (tenant, pseudonym). */
  void saveTombstone(Tombstone tombstone);

  /**
   * Adds or replaces tombstones as {@link #saveTombstone} does each: what the kit calls when it finishes many erasures
   * in one unit of work.
   *
   * <p>The default calls {@link #saveTombstone} for each in turn. A database adapter overrides it to write them with
   * fewer statements.
   *
   * @since 0.2
   */
  default void saveTombstones(List<Tombstone> tombstones) {
    tombstones.forEach(this::saveTombstone);
  }

  /** Returns the tenant's tombstone with this pseudonym. */
  Optional<Tombstone> tombstone(TenantId tenant, String subjectPseudonym);

  /**
   * Returns up to {@code limit} of the tenant's tombstones ordered by pseudonym, after {@code after} (exclusive;
   * {@code null} for the first page).
   */
  List<Tombstone> tombstones(TenantId tenant, @Nullable String after, int limit);

  /**
   * Replaces one of the tenant's tombstones by its re-keyed form (the same subject under a new pseudonym key
   * version, everything else kept) in one step; when {@code oldPseudonym} is gone, because another instance
   * re-hashed it, changes nothing. Used by the pseudonym re-keying job.
   *
   * @return whether {@code oldPseudonym} was there and was replaced
   */
  boolean replaceTombstone(TenantId tenant, String oldPseudonym, Tombstone replacement);

  /**
   * Adds the hold or replaces the one with its id, lease included. Only the run of a job of the hold's subject writes
   * it, and one job per subject runs at a time, so writes of one hold never race.
   *
   * @since 0.2
   */
  void saveHold(ErasureHold hold);

  /**
   * Returns the subject's holds, in the order they were first saved.
   *
   * @since 0.2
   */
  List<ErasureHold> holds(SubjectId subject);

  /**
   * Claims up to {@code limit} holds of every tenant that are due ({@code until} not after the store's clock) and whose
   * lease is free or ran out, earliest due first, leasing them to {@code owner} until {@code leaseUntil}.
   *
   * @return the claimed holds as stored, with their lease
   * @since 0.2
   */
  List<ErasureHold> claimDueHolds(String owner, Instant leaseUntil, int limit);

  /**
   * Frees the lease of a hold that {@code owner} holds, after a release that did not finish.
   *
   * @return whether {@code owner} held it
   * @since 0.2
   */
  boolean releaseHold(UUID id, String owner);

  /**
   * Removes a hold, once nothing it kept is left.
   *
   * @return whether it was there
   * @since 0.2
   */
  boolean deleteHold(UUID id);

  /**
   * Adds the record of data made public, or replaces the one with its id.
   *
   * @since 0.2
   */
  void savePublication(Publication publication);

  /**
   * Returns the subject's records of data made public, in the order they were first saved.
   *
   * @since 0.2
   */
  List<Publication> publications(SubjectId subject);

  /**
   * Removes a record of data made public, once an erasure informed the controllers of it.
   *
   * @return whether it was there
   * @since 0.2
   */
  boolean deletePublication(UUID id);
}
