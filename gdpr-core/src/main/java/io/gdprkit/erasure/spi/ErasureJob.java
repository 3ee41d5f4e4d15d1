package io.gdprkit.erasure.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.InformedController;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A pending erasure: the subject (and through it the tenant), what it covers, its depth in a cascade, every step
 * finished so far, its version and who holds it.
 *
 * <p>A job is prepared once (contact points suppressed, child jobs for related subjects created), then erases
 * provider by provider, then the ledger and sources, writes the tombstone, tells the listeners and runs its
 * children, recording each finished step in the job as it goes; a run resumed after a crash or a failure skips every
 * recorded step, so nothing finished is done twice.
 *
 * <p>A release job ({@link #releasing}) erases, once due, what an earlier erasure kept until a date (Art. 17(3)): it
 * has nothing to prepare, no ledger or tombstone to write and no listener to tell, so it starts with those steps
 * recorded, and it carries the hold it releases.
 *
 * <p>The {@code version} and {@code lease} belong to the store: {@link ErasureStore#save} compares the version and
 * stores the next one, and a lease says which kit instance runs the job until when.
 *
 * @param id the job's id
 * @param subject whom to erase; carries the tenant
 * @param scope what to erase
 * @param level 0 for the erasure asked for, 1 for its related subjects, and so on
 * @param parent the job that cascaded to this one, if any
 * @param createdAt when it was created
 * @param steps the steps finished, other than providers and children
 * @param children jobs created for related subjects, in order
 * @param suppressed how many contact points preparation put on the suppression list
 * @param done reports of the providers already erased, by provider id
 * @param consentEventsErased consent events the ledger step removed
 * @param sourceTagsErased source tags the ledger step removed
 * @param childrenDone the children finished, in the order they finished
 * @param failures how many runs of this job failed so far
 * @param failedProvider the provider the last failed run stopped in, if any
 * @param version the stored version, 0 for a job never saved
 * @param lease who runs the job and until when; {@code null} when no one does
 * @param informed the controllers told, when it finished, to erase links to, copies or replications of data made public
 *     (Art. 17(2)); recorded with {@link Step#ERASED_PUBLISHED}, so a resumed job tells no one twice
 * @param release for a job that erases held data once due, the hold it releases; {@code null} otherwise
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ErasureJob(UUID id, SubjectId subject, ErasureScope scope, int level, @Nullable UUID parent,
    Instant createdAt, Set<Step> steps, List<UUID> children, int suppressed, Map<String, ProviderReport> done,
    long consentEventsErased, long sourceTagsErased, List<UUID> childrenDone, int failures,
    @Nullable String failedProvider, long version, @Nullable Lease lease, List<InformedController> informed,
    @Nullable Release release) {

  /**
   * A step of a job recorded once finished; providers and children are recorded by id instead.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Step {
    /** Contact points suppressed and child jobs created. */
    PREPARED,
    /** The consent ledger and the source tags erased. */
    LEDGER_ERASED,
    /** The tombstone written. */
    TOMBSTONE_WRITTEN,
    /**
     * {@link io.gdprkit.erasure.SubjectErased} published, in the unit of work that erased the ledger and wrote the
     * tombstone: the audit entry, Art. 19 notices, retention clean-up and key shredding done with it.
     */
    ERASED_PUBLISHED,
    /** The host's erasure listeners told. */
    LISTENERS_NOTIFIED
  }

  /**
   * Which kit instance runs a job and until when; once {@code until} has passed, another instance may take it over.
   *
   * @param owner the id of the kit instance
   * @param until when the lease runs out
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Lease(String owner, Instant until) {

    /** Validates the fields. */
    public Lease {
      Preconditions.notBlank(owner, "owner");
      Preconditions.notNull(until, "until");
    }

    /** Returns whether the lease still holds at {@code now}. */
    public boolean heldAt(Instant now) {
      return until.isAfter(now);
    }
  }

  /**
   * What a release job releases: the hold, and when the erasure that kept the data started, before which every record
   * it erases was collected.
   *
   * @param of the hold's id
   * @param erasedAt when the erasure that kept the data started
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Release(UUID of, Instant erasedAt) {

    /** Validates the fields. */
    public Release {
      Preconditions.notNull(of, "of");
      Preconditions.notNull(erasedAt, "erasedAt");
    }
  }

  /** Validates the fields and copies the collections. */
  public ErasureJob {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(scope, "scope");
    Preconditions.check(level >= 0, "level", "must not be negative");
    Preconditions.notNull(createdAt, "createdAt");
    Preconditions.check(version >= 0, "version", "must not be negative");
    steps = steps.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Step.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(steps));
    children = List.copyOf(children);
    done = Collections.unmodifiableMap(new LinkedHashMap<>(done));
    childrenDone = List.copyOf(childrenDone);
    informed = List.copyOf(informed);
  }

  /** Creates a job that informed no controller and releases no hold. */
  public ErasureJob(UUID id, SubjectId subject, ErasureScope scope, int level, @Nullable UUID parent,
      Instant createdAt, Set<Step> steps, List<UUID> children, int suppressed, Map<String, ProviderReport> done,
      long consentEventsErased, long sourceTagsErased, List<UUID> childrenDone, int failures,
      @Nullable String failedProvider, long version, @Nullable Lease lease) {
    this(id, subject, scope, level, parent, createdAt, steps, children, suppressed, done, consentEventsErased,
        sourceTagsErased, childrenDone, failures, failedProvider, version, lease, List.of(), null);
  }

  /**
   * Returns a new job, never saved, held by no one, that erases the data a hold kept once it is due: the hold's scope
   * again, with nothing to prepare, no ledger or tombstone to write and no listener to tell, as the erasure that kept
   * the data did all that.
   */
  public static ErasureJob releasing(UUID id, ErasureHold hold, Instant createdAt) {
    return new ErasureJob(id, hold.subject(), hold.scope(), 0, null, createdAt,
        EnumSet.of(Step.PREPARED, Step.LEDGER_ERASED, Step.TOMBSTONE_WRITTEN, Step.LISTENERS_NOTIFIED), List.of(), 0,
        Map.of(), 0, 0, List.of(), 0, null, 0, null, List.of(), new Release(hold.id(), hold.erasedAt()));
  }

  /** Returns a copy that records the controllers it told (Art. 17(2)). */
  public ErasureJob withInformed(List<InformedController> told) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, steps, children, suppressed, done,
        consentEventsErased, sourceTagsErased, childrenDone, failures, failedProvider, version, lease, told, release);
  }

  /** Returns a new, unprepared job, never saved (version 0), held by no one. */
  public static ErasureJob start(UUID id, SubjectId subject, ErasureScope scope, int level, @Nullable UUID parent,
      Instant createdAt) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, Set.of(), List.of(), 0, Map.of(), 0, 0,
        List.of(), 0, null, 0, null, List.of(), null);
  }

  /** Returns whether suppression and the child jobs are done. */
  public boolean prepared() {
    return steps.contains(Step.PREPARED);
  }

  /** Returns whether the step is recorded as finished. */
  public boolean finished(Step step) {
    return steps.contains(step);
  }

  /** Returns a copy marked prepared, with its children and suppression count. */
  public ErasureJob prepared(List<UUID> childJobs, int suppressedPoints) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, plus(Step.PREPARED), childJobs,
        suppressedPoints, done, consentEventsErased, sourceTagsErased, childrenDone, failures, failedProvider, version,
        lease, informed, release);
  }

  /** Returns a copy with one more provider done. */
  public ErasureJob withDone(ProviderReport report) {
    Map<String, ProviderReport> next = new LinkedHashMap<>(done);
    next.put(report.provider(), report);
    return new ErasureJob(id, subject, scope, level, parent, createdAt, steps, children, suppressed, next,
        consentEventsErased, sourceTagsErased, childrenDone, failures, failedProvider, version, lease, informed, release);
  }

  /** Returns a copy with the ledger step finished, keeping what it removed. */
  public ErasureJob withLedgerErased(long events, long tags) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, plus(Step.LEDGER_ERASED), children, suppressed,
        done, events, tags, childrenDone, failures, failedProvider, version, lease, informed, release);
  }

  /** Returns a copy with the step finished. */
  public ErasureJob withStep(Step step) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, plus(step), children, suppressed, done,
        consentEventsErased, sourceTagsErased, childrenDone, failures, failedProvider, version, lease, informed, release);
  }

  /** Returns a copy with one more child finished. */
  public ErasureJob withChildDone(UUID child) {
    List<UUID> next = new ArrayList<>(childrenDone);
    if (!next.contains(child)) {
      next.add(child);
    }
    return new ErasureJob(id, subject, scope, level, parent, createdAt, steps, children, suppressed, done,
        consentEventsErased, sourceTagsErased, next, failures, failedProvider, version, lease, informed, release);
  }

  /** Returns a copy with one more failure counted, in this provider. */
  public ErasureJob withFailure(String provider) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, steps, children, suppressed, done,
        consentEventsErased, sourceTagsErased, childrenDone, failures + 1, provider, version, lease, informed, release);
  }

  /** Returns a copy held by {@code owner} until {@code until}; the version is kept. */
  public ErasureJob leasedTo(String owner, Instant until) {
    return withLease(new Lease(owner, until));
  }

  /** Returns a copy with this lease, or with none; the version is kept. */
  public ErasureJob withLease(@Nullable Lease next) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, steps, children, suppressed, done,
        consentEventsErased, sourceTagsErased, childrenDone, failures, failedProvider, version, next, informed, release);
  }

  /** Returns a copy with this version; for stores, which set the version they stored. */
  public ErasureJob withVersion(long next) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, steps, children, suppressed, done,
        consentEventsErased, sourceTagsErased, childrenDone, failures, failedProvider, next, lease, informed, release);
  }

  /** Returns whether another owner than {@code owner} holds the lease at {@code now}. */
  public boolean heldByOtherAt(String owner, Instant now) {
    return lease != null && lease.heldAt(now) && !lease.owner().equals(owner);
  }

  private Set<Step> plus(Step step) {
    EnumSet<Step> next = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
    next.add(step);
    return next;
  }
}
