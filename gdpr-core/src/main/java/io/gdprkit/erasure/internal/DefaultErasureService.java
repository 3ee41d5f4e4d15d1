package io.gdprkit.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.GdprException;
import io.gdprkit.InvalidInputException;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.CascadePolicy;
import io.gdprkit.erasure.DataMadePublic;
import io.gdprkit.erasure.ErasureExemption;
import io.gdprkit.erasure.ErasureInProgressException;
import io.gdprkit.erasure.ErasureIncompleteException;
import io.gdprkit.erasure.ErasureJobConflictException;
import io.gdprkit.erasure.ErasureListener;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.ErasureService;
import io.gdprkit.erasure.InformedController;
import io.gdprkit.erasure.MissingRetentionException;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.PublicDataErasureRequested;
import io.gdprkit.erasure.ReplayReport;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.erasure.spi.ErasureHold;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.spi.Tombstone;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Keyset;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.SuppressionService;
import io.gdprkit.transaction.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs erasure jobs: prepare (suppress, plan the cascade), erase provider by provider, erase the ledger and sources,
 * write the tombstone, tell the listeners, run the children, keep the report; recording each finished step in the job
 * so that a resumed run repeats none.
 *
 * <p>Every run holds the job's lease in the shared store under this instance's owner id, renewed with each save; one
 * pending job per subject (the store's {@code insert}) is what makes erasure of a subject run once at a time across
 * instances. No JVM-local lock carries that: the subject lock taken around the tombstone only orders it against
 * disclosures logged by this instance.
 *
 * <p>A job that kept data until a date (Art. 17(3), retain strategies) saves a hold before it completes; a release
 * claims the hold once due and runs the same scope again as a job of its own, which saves the hold's next date or
 * deletes it before completing, so a crash at any point leaves either the hold or a pending job to finish it. Art.
 * 17(2) requests to controllers are made in the unit of work that finishes the erasure, under notice ids derived from
 * the job, so a resumed job records none twice.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultErasureService implements ErasureService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultErasureService.class);
  private static final int DEFAULT_BATCH = 100;
  private static final int PAGE = 1_000;
  private static final int REKEY_PAGE = 500;
  private static final String SUBJECT_LABEL = "subject";

  private final ProviderRegistry providers;
  private final ConsentStore consents;
  private final SourceStore sources;
  private final SuppressionService suppression;
  private final ErasureStore store;
  private final PurposeRegistry purposes;
  private final PseudonymKey keys;
  private final Clock clock;
  private final CascadePolicy cascade;
  private final SubjectLocks locks;
  private final SubjectErasureGate gate;
  private final Leasing leasing;
  private final List<ErasureListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong runs = new AtomicLong();
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher publisher;

  /**
   * Who this instance is in the store's leases and how long a lease lasts.
   *
   * @param owner this kit instance's id, unique among the instances sharing the store
   * @param lease how long a run holds a job without saving progress; longer than the slowest provider's erase
   */
  public record Leasing(String owner, Duration lease) {

    /** Validates the fields. */
    public Leasing {
      Preconditions.notBlank(owner, "owner");
      Preconditions.notNull(lease, "lease");
      Preconditions.check(!lease.isNegative() && !lease.isZero(), "lease", "must be positive");
    }
  }

  /**
   * Creates the service.
   *
   * @throws MissingRetentionException if a purpose that keeps data from erasure (Art. 17(3)(b), (e)) declares data
   *     categories but no retention
   */
  public DefaultErasureService(ProviderRegistry providers, ConsentStore consents, SourceStore sources,
      SuppressionService suppression, ErasureStore store, PurposeRegistry purposes, PseudonymKey keys, Clock clock,
      CascadePolicy cascade, SubjectLocks locks, SubjectErasureGate gate, Leasing leasing, UnitOfWork unitOfWork,
      GdprEventPublisher events) {
    for (Purpose purpose : purposes.all()) {
      Optional<ErasureExemption> exemption = ErasureExemption.of(purpose);
      if (exemption.isPresent() && !purpose.dataCategories().isEmpty() && purpose.retention() == null) {
        throw MissingRetentionException.of(exemption.get());
      }
    }
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.publisher = Preconditions.notNull(events, "events");
    this.providers = providers;
    this.consents = consents;
    this.sources = sources;
    this.suppression = suppression;
    this.store = store;
    this.purposes = purposes;
    this.keys = keys;
    this.clock = clock;
    this.cascade = cascade;
    this.locks = locks;
    this.gate = gate;
    this.leasing = leasing;
  }

  /** Adds a host's listener told once of every completed erasure, on the erasing thread. */
  public void addListener(ErasureListener listener) {
    listeners.add(Preconditions.notNull(listener, "listener"));
  }

  @Override
  public ErasureReport erase(SubjectId subject) {
    return erase(subject, ErasureScope.everything());
  }

  @Override
  public ErasureReport erase(SubjectId subject, ErasureScope scope) {
    Preconditions.notNull(subject, "subject");
    checkScope(scope);
    String owner = runOwner();
    ErasureJob job = ErasureJob.start(UUID.randomUUID(), subject, scope, 0, null, clock.instant())
        .leasedTo(owner, leaseUntil());
    Optional<ErasureJob> earlier = store.insert(job);
    if (earlier.isPresent()) {
      // An earlier erasure of the subject is pending: finish it first if no one runs it, else refuse.
      ErasureReport finished = runEarlier(earlier.get());
      if (earlier.get().scope().equals(scope) && earlier.get().release() == null) {
        return finished;
      }
      earlier = store.insert(job);
      if (earlier.isPresent()) {
        throw ErasureInProgressException.of(earlier.get().id());
      }
    }
    return runClaimed(store.find(job.id()).orElseThrow(() -> ErasureJobConflictException.gone(job.id(), 1)), owner);
  }

  private void checkScope(ErasureScope scope) {
    Preconditions.notNull(scope, "scope");
    if (scope.purpose() != null) {
      Purpose purpose = purposes.get(scope.purpose());
      if (scope.kind() == ErasureScope.Kind.CONSENT_WITHDRAWN && !purpose.needsConsent()) {
        throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT,
            "erase for withdrawn consent of");
      }
    }
  }

  @Override
  public Map<SubjectId, ErasureReport> eraseAll(Collection<SubjectId> subjects) {
    return eraseAll(subjects, ErasureScope.everything());
  }

  @Override
  public Map<SubjectId, ErasureReport> eraseAll(Collection<SubjectId> subjects, ErasureScope scope) {
    Preconditions.notNull(subjects, "subjects");
    checkScope(scope);
    List<SubjectId> distinct = new ArrayList<>(new LinkedHashSet<>(subjects));
    distinct.forEach(subject -> Preconditions.notNull(subject, "subject"));
    Map<SubjectId, ErasureReport> reports = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += BATCH) {
      String owner = runOwner();
      // to the microsecond, as a database keeps it, so that the job added is the job stored
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      List<ErasureJob> jobs = distinct.subList(from, Math.min(distinct.size(), from + BATCH)).stream()
          .map(subject -> ErasureJob.start(UUID.randomUUID(), subject, scope, 0, null, now)
              .leasedTo(owner, leaseUntil()))
          .toList();
      List<Optional<ErasureJob>> earlier = store.insertAll(jobs);
      List<ErasureJob> claimed = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        Optional<ErasureJob> pending = earlier.get(i);
        if (pending.isEmpty()) {
          claimed.add(jobs.get(i).withVersion(1));
        } else if (pending.get().parent() == null && pending.get().release() == null
            && pending.get().scope().equals(scope)) {
          // a pending erasure of the same kind that no run holds, such as a crashed instance's: finish it here
          store.claim(pending.get().id(), owner, leaseUntil()).ifPresent(claimed::add);
        } else {
          LOG.info("bulk erasure left a subject to its pending job {}", pending.get().id());
        }
      }
      runBatch(claimed, owner).forEach((job, report) -> reports.put(job.subject(), report));
    }
    return reports;
  }

  /**
   * Runs claimed jobs together, each step of all of them at once: prepares them (their providers' contact points and
   * relations read with one call per provider, the contact points suppressed in one unit of work), has each provider
   * erase its part of all of them in one {@link PersonalDataProvider#eraseAll} call, finishes them in one unit of work
   * (ledgers, tombstones, events), tells the listeners and completes them, saving the jobs' progress with one store
   * call after each step. A step that fails for the batch as a whole is done again job by job, and a job that fails on
   * its own, or that another instance took over, leaves the batch as a failed {@code erase} leaves it (released,
   * pending for {@link #resumePending()}); the others go on. A job with children finishes on its own, as
   * {@link #runClaimed} does.
   *
   * @return the report of each job that completed, in the order of {@code claimed}
   */
  private Map<ErasureJob, ErasureReport> runBatch(List<ErasureJob> claimed, String owner) {
    Map<UUID, ErasureJob> running = new LinkedHashMap<>();
    claimed.forEach(job -> running.put(job.id(), job));
    BatchLeases leases = new BatchLeases(owner);
    leases.keep(running);
    prepareTogether(running, owner);
    for (PersonalDataProvider provider : providers.providers()) {
      leases.keep(running);
      eraseTogether(provider, running, owner);
    }
    leases.keep(running);
    finishTogether(running, owner);
    leases.keep(running);
    notifyTogether(running, owner, leases);
    leases.keep(running);
    Map<UUID, ErasureReport> reports = completeTogether(running, owner, leases);
    Map<ErasureJob, ErasureReport> ordered = new LinkedHashMap<>();
    for (ErasureJob job : claimed) {
      ErasureReport report = reports.get(job.id());
      if (report != null) {
        ordered.put(job, report);
      }
    }
    return ordered;
  }

  /**
   * Prepares the running jobs that are not prepared yet, together: each provider's contact points and relations of
   * their subjects read with one call each, the contact points suppressed with one call per tenant, the child jobs
   * created, the jobs saved with one store call. When a read or the suppression fails, each job is prepared on its
   * own as {@link #runClaimed} prepares it, so that a subject a provider cannot read holds up no other: suppressing
   * and creating child jobs again is harmless.
   */
  private void prepareTogether(Map<UUID, ErasureJob> running, String owner) {
    List<ErasureJob> jobs = running.values().stream().filter(job -> !job.prepared()).toList();
    if (jobs.isEmpty()) {
      return;
    }
    List<ErasureJob> prepared;
    try {
      prepared = prepareAll(jobs);
    } catch (RuntimeException e) {
      // the host's message may hold personal data: only its type is logged, as ErasureIncompleteException does
      LOG.warn("preparing a batch of {} erasure jobs failed ({}); preparing them one by one", jobs.size(),
          e.getClass().getName());
      for (ErasureJob job : jobs) {
        try {
          running.put(job.id(), save(prepare(job), owner));
        } catch (RuntimeException failed) {
          running.remove(job.id());
          left(job, owner, failed);
        }
      }
      return;
    }
    saveTogether(prepared, running, owner);
  }

  /** Prepares jobs as {@link #prepare} prepares each, reading and suppressing for all of them at once. */
  private List<ErasureJob> prepareAll(List<ErasureJob> jobs) {
    List<SubjectId> everything = jobs.stream().filter(job -> job.scope().isEverything()).map(ErasureJob::subject)
        .distinct().toList();
    Map<SubjectId, Integer> suppressed = new HashMap<>();
    Map<SubjectId, List<Relation>> relations = new HashMap<>();
    if (!everything.isEmpty()) {
      Map<SubjectId, UUID> jobOf = new HashMap<>();
      jobs.forEach(job -> jobOf.putIfAbsent(job.subject(), job.id()));
      for (PersonalDataProvider provider : providers.providers()) {
        Map<TenantId, List<SubjectId>> owners = new LinkedHashMap<>();
        Map<TenantId, List<ContactPoint>> points = new LinkedHashMap<>();
        provider.contactPointsAll(everything).forEach((subject, found) -> {
          if (jobOf.containsKey(subject)) {
            for (ContactPoint point : found) {
              owners.computeIfAbsent(subject.tenant(), t -> new ArrayList<>()).add(subject);
              points.computeIfAbsent(subject.tenant(), t -> new ArrayList<>()).add(point);
            }
          }
        });
        points.forEach((tenant, list) -> {
          List<Optional<SuppressionEntry>> entries = suppression.suppressAll(tenant, list);
          for (int i = 0; i < list.size(); i++) {
            SubjectId subject = owners.get(tenant).get(i);
            if (entries.get(i).isPresent()) {
              suppressed.merge(subject, 1, Integer::sum);
            } else {
              // A stored number that cannot be read (national form, no default phone region) must not stop the
              // erasure: the data goes, only this contact point is not suppressed. The value is never logged.
              LOG.warn("erasure job {}: a {} of provider {} could not be normalised and was not suppressed",
                  jobOf.get(subject), list.get(i).kind(), provider.describe().id());
            }
          }
        });
        provider.relatedAll(everything).forEach((subject, found) -> relations.computeIfAbsent(subject,
            s -> new ArrayList<>()).addAll(found));
      }
    }
    List<ErasureJob> prepared = new ArrayList<>(jobs.size());
    for (ErasureJob job : jobs) {
      if (!job.scope().isEverything()) {
        prepared.add(job.prepared(List.of(), 0));
        continue;
      }
      Set<SubjectId> children = new HashSet<>();
      List<UUID> childJobs = new ArrayList<>();
      for (Relation relation : relations.getOrDefault(job.subject(), List.of())) {
        SubjectId child = relation.to();
        if (job.level() + 1 <= cascade.depthFor(relation.type()) && children.add(child)) {
          childJob(job, child).ifPresent(childJobs::add);
        }
      }
      prepared.add(job.prepared(childJobs, suppressed.getOrDefault(job.subject(), 0)));
    }
    return prepared;
  }

  /**
   * Saves jobs of the batch with one store call, leased anew, and keeps them running as saved; a job the store did
   * not save (another run took it over, or completed it) leaves the batch, and if the store fails, every one does.
   */
  private void saveTogether(List<ErasureJob> jobs, Map<UUID, ErasureJob> running, String owner) {
    if (jobs.isEmpty()) {
      return;
    }
    List<Optional<ErasureJob>> saved;
    try {
      saved = store.saveAll(jobs.stream().map(job -> job.leasedTo(owner, leaseUntil())).toList());
    } catch (RuntimeException e) {
      for (ErasureJob job : jobs) {
        running.remove(job.id());
        left(job, owner, e);
      }
      return;
    }
    for (int i = 0; i < jobs.size(); i++) {
      UUID id = jobs.get(i).id();
      if (saved.get(i).isPresent()) {
        running.put(id, saved.get(i).get());
      } else {
        running.remove(id);
        LOG.info("erasure job {} was taken over while its batch ran; the other run finishes it", id);
      }
    }
  }

  /**
   * Extends the leases of a batch's jobs that wait their turn, once a third of a lease has passed since they were last
   * extended all together, so that a batch that takes longer than a lease keeps its jobs: another instance takes over
   * only the jobs of a run that stopped. A job that another run took meanwhile leaves the batch.
   */
  private final class BatchLeases {

    private final String owner;
    private Instant extended;

    BatchLeases(String owner) {
      this.owner = owner;
      this.extended = clock.instant();
    }

    void keep(Map<UUID, ErasureJob> waiting) {
      Instant now = clock.instant();
      if (now.isBefore(extended.plus(leasing.lease().dividedBy(3)))) {
        return;
      }
      extended = now;
      for (Iterator<Map.Entry<UUID, ErasureJob>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<UUID, ErasureJob> entry = it.next();
        Optional<ErasureJob> kept = store.renew(entry.getKey(), owner, leaseUntil());
        if (kept.isPresent()) {
          entry.setValue(kept.get());
        } else {
          it.remove();
          LOG.info("erasure job {} was taken over while its batch ran; the other run finishes it", entry.getKey());
        }
      }
    }
  }

  /**
   * Has one provider erase, in one call and one unit of work, the subjects of the running jobs it has not erased yet
   * (at most one job per subject in a call; the store keeps one pending job per subject, so another is left to
   * {@link #runClaimed}), then saves the jobs' progress with one store call.
   *
   * <p>When the call fails, each of its subjects is erased again on its own with {@link PersonalDataProvider#erase}
   * and the same context, which counts each record once whatever part of the failed call the provider kept, so one
   * subject a provider cannot erase holds up no other and the reports stay exact: only the jobs that fail on their own
   * are marked failed in the provider, released and dropped from {@code running}, pending as after a failed
   * {@link #erase}.
   */
  private void eraseTogether(PersonalDataProvider provider, Map<UUID, ErasureJob> running, String owner) {
    String providerId = provider.describe().id();
    Set<SubjectId> seen = new HashSet<>();
    List<ErasureJob> jobs = new ArrayList<>();
    List<DefaultErasureContext> contexts = new ArrayList<>();
    for (ErasureJob job : running.values()) {
      if (!job.done().containsKey(providerId) && seen.add(job.subject())) {
        jobs.add(job);
        contexts.add(context(job, providerId));
      }
    }
    if (jobs.isEmpty()) {
      return;
    }
    try {
      provider.eraseAll(List.copyOf(contexts));
    } catch (RuntimeException e) {
      // the host's message may hold personal data: only its type is logged, as ErasureIncompleteException does
      LOG.warn("provider {} failed erasing a batch of {} subjects ({}); erasing them one by one", providerId,
          jobs.size(), e.getClass().getName());
      eraseOneByOne(provider, jobs, contexts, running, owner);
      return;
    }
    List<ErasureJob> done = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      ErasureJob job = jobs.get(i);
      done.add(job.withDone(contexts.get(i).report(providerId.equals(job.failedProvider()))));
    }
    saveTogether(done, running, owner);
  }

  /** Erases each job's subject with {@link PersonalDataProvider#erase} after its batch failed. */
  private void eraseOneByOne(PersonalDataProvider provider, List<ErasureJob> jobs,
      List<DefaultErasureContext> contexts, Map<UUID, ErasureJob> running, String owner) {
    String providerId = provider.describe().id();
    for (int i = 0; i < jobs.size(); i++) {
      ErasureJob job = jobs.get(i);
      DefaultErasureContext context = contexts.get(i);
      try {
        provider.erase(job.subject(), context);
      } catch (RuntimeException e) {
        running.remove(job.id());
        LOG.warn("erasure job {} failed in provider {} ({}); it stays pending", job.id(), providerId,
            e.getClass().getName());
        try {
          save(job.withFailure(providerId), owner);
        } catch (RuntimeException notSaved) {
          LOG.warn("erasure job {} could not record its failure ({})", job.id(), notSaved.getClass().getSimpleName());
        }
        store.release(job.id(), owner);
        continue;
      }
      try {
        running.put(job.id(), save(job.withDone(context.report(providerId.equals(job.failedProvider()))), owner));
      } catch (RuntimeException e) {
        running.remove(job.id());
        left(job, owner, e);
      }
    }
  }

  /** Returns whether every provider erased its part of the job. */
  private boolean allDone(ErasureJob job) {
    return providers.providers().stream().allMatch(provider -> job.done().containsKey(provider.describe().id()));
  }

  /**
   * Finishes the running jobs whose providers are all done, together in one unit of work, as {@link #finish} does
   * each: erases their ledgers and sources, writes their tombstones with one store call under the locks of all their
   * subjects (before any event), informs the controllers, publishes {@link SubjectErased} for each and saves the jobs
   * with one store call. If any of it fails, or another run took one of the jobs over, the unit rolls back and each
   * job finishes on its own in {@link #runClaimed}, from the job as the store holds it.
   */
  private void finishTogether(Map<UUID, ErasureJob> running, String owner) {
    List<ErasureJob> ready = running.values().stream()
        .filter(job -> !job.finished(ErasureJob.Step.ERASED_PUBLISHED) && allDone(job)).toList();
    if (ready.isEmpty()) {
      return;
    }
    try {
      List<ErasureJob> finished = unitOfWork.run("finish erasures", () -> finishAll(ready, owner));
      finished.forEach(job -> running.put(job.id(), job));
    } catch (RuntimeException e) {
      LOG.warn("finishing a batch of {} erasure jobs failed ({}); finishing them one by one", ready.size(),
          e.getClass().getName());
      for (ErasureJob job : ready) {
        // a store outside the unit's transaction may have kept some of it: go on from what it holds
        Optional<ErasureJob> stored = store.find(job.id()).filter(found -> found.lease() != null
            && found.lease().owner().equals(owner));
        if (stored.isPresent()) {
          running.put(job.id(), stored.get());
        } else {
          running.remove(job.id());
        }
      }
    }
  }

  /** The work of {@link #finishTogether}'s unit; throws if the store did not save one of the jobs. */
  private List<ErasureJob> finishAll(List<ErasureJob> ready, String owner) {
    List<ErasureJob> next = new ArrayList<>(ready.size());
    List<Tombstone> tombstones = new ArrayList<>();
    List<SubjectId> buried = new ArrayList<>();
    for (ErasureJob job : ready) {
      ErasureJob step = ledgerErased(job);
      if (step.scope().isEverything() && !step.finished(ErasureJob.Step.TOMBSTONE_WRITTEN)) {
        tombstones.add(Tombstone.of(step.subject().tenant(), gate.tombstonePseudonym(step.subject()),
            clock.instant()));
        buried.add(step.subject());
        step = step.withStep(ErasureJob.Step.TOMBSTONE_WRITTEN);
      }
      next.add(step);
    }
    if (!tombstones.isEmpty()) {
      // Before the events, under the locks disclosures check them under in this JVM (issue 5), as finish does.
      locks.underAll(buried, () -> {
        store.saveTombstones(tombstones);
        return null;
      });
    }
    List<ErasureJob> published = new ArrayList<>(next.size());
    for (ErasureJob step : next) {
      ErasureJob job = step.release() == null ? informControllers(step) : step;
      publisher.publish(new SubjectErased(job.subject(), job.scope(), job.id(), clock.instant(),
          providerReports(job).stream().map(ProviderReport::nextRelease).filter(Objects::nonNull)
              .min(Comparator.naturalOrder()).orElse(null)));
      published.add(job.withStep(ErasureJob.Step.ERASED_PUBLISHED).leasedTo(owner, leaseUntil()));
    }
    List<Optional<ErasureJob>> saved = store.saveAll(published);
    List<ErasureJob> finished = new ArrayList<>(saved.size());
    for (int i = 0; i < saved.size(); i++) {
      ErasureJob job = published.get(i);
      finished.add(saved.get(i).orElseThrow(() -> ErasureJobConflictException.gone(job.id(), job.version())));
    }
    return finished;
  }

  /**
   * Tells the listeners of each running job that is finished and whose listeners were not told yet, keeping the leases
   * of the batch between jobs (a host's listener may be slow), then saves those jobs with one store call; a job whose
   * listener fails leaves the batch, released and pending, as after a failed {@code erase}.
   */
  private void notifyTogether(Map<UUID, ErasureJob> running, String owner, BatchLeases leases) {
    List<UUID> told = new ArrayList<>();
    for (UUID id : List.copyOf(running.keySet())) {
      leases.keep(running);
      ErasureJob job = running.get(id);
      if (job == null || !job.finished(ErasureJob.Step.ERASED_PUBLISHED)
          || job.finished(ErasureJob.Step.LISTENERS_NOTIFIED)) {
        continue;
      }
      try {
        for (ErasureListener listener : listeners) {
          listener.erased(job.subject(), job.scope());
        }
      } catch (RuntimeException e) {
        running.remove(id);
        // the host's message may hold personal data: only its type is logged
        LOG.warn("erasure job {} did not complete in its batch: a listener failed ({}); it stays pending", id,
            e.getClass().getName());
        store.release(id, owner);
        continue;
      }
      told.add(id);
    }
    leases.keep(running);
    saveTogether(told.stream().map(running::get).filter(Objects::nonNull)
        .map(job -> job.withStep(ErasureJob.Step.LISTENERS_NOTIFIED)).toList(), running, owner);
  }

  /**
   * Completes the running jobs: first those finished, told and without child jobs, together, their reports kept with
   * one store call; then the others, such as a job with children or one whose batch finish failed, each on its own
   * with {@link #runClaimed}, keeping the leases of those that wait.
   *
   * @return the report of each job that completed, by job id
   */
  private Map<UUID, ErasureReport> completeTogether(Map<UUID, ErasureJob> running, String owner,
      BatchLeases leases) {
    Map<UUID, ErasureReport> reports = new HashMap<>();
    List<ErasureStore.Completion> completions = new ArrayList<>();
    for (ErasureJob job : List.copyOf(running.values())) {
      if (!job.finished(ErasureJob.Step.LISTENERS_NOTIFIED) || !job.children().isEmpty() || !allDone(job)) {
        continue;
      }
      running.remove(job.id());
      ErasureReport report = new ErasureReport(job.id(), gate.tombstonePseudonym(job.subject()), job.scope(),
          clock.instant(), providerReports(job), job.consentEventsErased(), job.sourceTagsErased(), job.suppressed(),
          List.of(), job.informed(), job.release() == null ? null : job.release().of());
      try {
        keepHold(job, report.nextRelease());
      } catch (RuntimeException e) {
        left(job, owner, e);
        continue;
      }
      completions.add(new ErasureStore.Completion(job, report));
    }
    completeAll(completions, owner, reports);
    for (UUID id : List.copyOf(running.keySet())) {
      leases.keep(running);
      ErasureJob job = running.remove(id);
      if (job == null) {
        continue;
      }
      try {
        reports.put(job.id(), runClaimed(job, owner));
      } catch (ErasureIncompleteException | ErasureInProgressException | ErasureJobConflictException e) {
        LOG.warn("erasure job {} did not complete in its batch ({}); it stays pending", job.id(),
            e.getClass().getSimpleName());
      }
    }
    return reports;
  }

  /** Completes jobs with one store call, adding the report of each it completed to {@code reports}. */
  private void completeAll(List<ErasureStore.Completion> completions, String owner, Map<UUID, ErasureReport> reports) {
    if (completions.isEmpty()) {
      return;
    }
    List<Boolean> completed;
    try {
      completed = store.completeAll(completions);
    } catch (RuntimeException e) {
      completions.forEach(completion -> left(completion.job(), owner, e));
      return;
    }
    for (int i = 0; i < completions.size(); i++) {
      ErasureReport report = completions.get(i).report();
      if (completed.get(i)) {
        reports.put(report.job(), report);
        LOG.info("erasure job {} completed: {} records deleted, {} fields anonymised, {} cascaded", report.job(),
            report.recordsDeleted(), report.fieldsAnonymised(), 0);
      } else {
        LOG.info("erasure job {} was taken over while its batch ran; the other run finishes it", report.job());
      }
    }
  }

  /** Releases a job that leaves its batch, unless another instance took it over. */
  private void left(ErasureJob job, String owner, RuntimeException e) {
    store.release(job.id(), owner);
    LOG.warn("erasure job {} left its batch ({}); it stays pending", job.id(), e.getClass().getSimpleName());
  }

  private DefaultErasureContext context(ErasureJob job, String providerId) {
    return new DefaultErasureContext(job.subject(), providers.descriptor(providerId).orElseThrow(), job.scope(),
        purposes, consents.current(job.subject()), keys, clock,
        job.release() == null ? null : job.release().erasedAt());
  }

  private ErasureReport runEarlier(ErasureJob earlier) {
    if (earlier.parent() != null) {
      throw ErasureInProgressException.of(earlier.id()); // its parent's run erases it
    }
    String owner = runOwner();
    ErasureJob claimed = store.claim(earlier.id(), owner, leaseUntil())
        .orElseThrow(() -> ErasureInProgressException.of(earlier.id()));
    return runClaimed(claimed, owner);
  }

  /**
   * Returns the lease owner of one run: this instance's id and a run number, so that two threads of one instance
   * never take each other's job either.
   */
  private String runOwner() {
    return leasing.owner() + '#' + runs.incrementAndGet();
  }

  @Override
  public List<ErasureReport> resumePending() {
    return resumePending(DEFAULT_BATCH);
  }

  @Override
  public List<ErasureReport> resumePending(int limit) {
    Preconditions.positive(limit, "limit");
    String owner = runOwner();
    return List.copyOf(runBatch(store.claimNext(owner, leaseUntil(), limit), owner).values());
  }

  private Instant leaseUntil() {
    return clock.instant().plus(leasing.lease());
  }

  /** Saves progress, extending this instance's lease; fails if another instance took the job over. */
  private ErasureJob save(ErasureJob job, String owner) {
    return store.save(job.leasedTo(owner, leaseUntil()));
  }

  private ErasureReport runClaimed(ErasureJob claimed, String owner) {
    ErasureJob job = claimed;
    try {
      if (!job.prepared()) {
        job = save(prepare(job), owner);
      }
      for (PersonalDataProvider provider : providers.providers()) {
        String providerId = provider.describe().id();
        if (job.done().containsKey(providerId)) {
          continue;
        }
        DefaultErasureContext context = context(job, providerId);
        try {
          provider.erase(job.subject(), context);
        } catch (RuntimeException e) {
          job = job.withFailure(providerId);
          job = save(job, owner);
          throw ErasureIncompleteException.of(job.id(), providerId, e);
        }
        job = save(job.withDone(context.report(providerId.equals(job.failedProvider()))), owner);
      }
      String pseudonym = gate.tombstonePseudonym(job.subject());
      if (!job.finished(ErasureJob.Step.ERASED_PUBLISHED)) {
        job = finish(job, pseudonym, owner);
      }
      if (!job.finished(ErasureJob.Step.LISTENERS_NOTIFIED)) {
        for (ErasureListener listener : listeners) {
          try {
            listener.erased(job.subject(), job.scope());
          } catch (GdprException e) {
            throw e;
          } catch (RuntimeException e) {
            throw ErasureIncompleteException.inListener(job.id(), e);
          }
        }
        job = save(job.withStep(ErasureJob.Step.LISTENERS_NOTIFIED), owner);
      }
      for (UUID child : job.children()) {
        if (!job.childrenDone().contains(child)) {
          runChild(child, owner);
          job = save(job.withChildDone(child), owner);
        }
      }
      List<ErasureReport> cascaded = new ArrayList<>();
      for (UUID child : job.childrenDone()) {
        store.report(child).ifPresent(cascaded::add);
      }
      ErasureReport report = new ErasureReport(job.id(), pseudonym, job.scope(), clock.instant(), providerReports(job),
          job.consentEventsErased(), job.sourceTagsErased(), job.suppressed(), cascaded, job.informed(),
          job.release() == null ? null : job.release().of());
      keepHold(job, report.nextRelease());
      store.complete(job, report);
      LOG.info("erasure job {} completed: {} records deleted, {} fields anonymised, {} cascaded", job.id(),
          report.recordsDeleted(), report.fieldsAnonymised(), cascaded.size());
      return report;
    } catch (RuntimeException e) {
      store.release(job.id(), owner);
      throw e;
    }
  }

  /** Returns the reports of the providers the job erased, in registration order. */
  private List<ProviderReport> providerReports(ErasureJob job) {
    List<ProviderReport> reports = new ArrayList<>();
    for (PersonalDataProvider provider : providers.providers()) {
      ProviderReport report = job.done().get(provider.describe().id());
      if (report != null) {
        reports.add(report);
      }
    }
    return reports;
  }

  /**
   * Saves the hold on what the job kept until a date, before the job completes: the subject's hold of the job's scope
   * moves to the next date, or goes when nothing is kept. Only a run of a job of the subject writes its holds, and
   * one job per subject runs at a time.
   */
  private void keepHold(ErasureJob job, @Nullable Instant next) {
    List<ErasureHold> same = store.holds(job.subject()).stream().filter(h -> h.scope().equals(job.scope())).toList();
    if (next == null) {
      same.forEach(hold -> store.deleteHold(hold.id()));
      return;
    }
    ErasureJob.Release release = job.release();
    UUID id = release != null ? release.of() : same.isEmpty() ? job.id() : same.get(0).id();
    Instant erasedAt = release != null ? release.erasedAt() : job.createdAt();
    store.saveHold(new ErasureHold(id, job.subject(), job.scope(), erasedAt, next, null));
    same.stream().filter(hold -> !hold.id().equals(id)).forEach(hold -> store.deleteHold(hold.id()));
    LOG.info("erasure job {} keeps data of the subject until at least {}; hold {}", job.id(), next, id);
  }

  /**
   * Erases the ledger and the sources, writes the tombstone and publishes {@link SubjectErased} as one unit of work,
   * with the job's record that it did: the audit entry, Art. 19 notices, retention clean-up and crypto-shredding
   * that follow the event are written in the same unit, so a failure in any of them rolls all of it back and the job
   * is resumed from here, and a resumed job never repeats it.
   */
  private ErasureJob finish(ErasureJob job, String pseudonym, String owner) {
    return unitOfWork.run("finish erasure", () -> {
      ErasureJob next = ledgerErased(job);
      if (next.scope().isEverything() && !next.finished(ErasureJob.Step.TOMBSTONE_WRITTEN)) {
        // Before the event, under the lock disclosures check it under in this JVM: a disclosure either landed before
        // and the recipients' subscriber finds it, or it sees the tombstone and is refused (issue 5).
        synchronized (locks.of(next.subject())) {
          store.saveTombstone(Tombstone.of(next.subject().tenant(), pseudonym, clock.instant()));
        }
        next = next.withStep(ErasureJob.Step.TOMBSTONE_WRITTEN);
      }
      if (next.release() == null) {
        next = informControllers(next);
      }
      publisher.publish(new SubjectErased(next.subject(), next.scope(), next.id(), clock.instant(),
          providerReports(next).stream().map(ProviderReport::nextRelease).filter(Objects::nonNull)
              .min(Comparator.naturalOrder()).orElse(null)));
      return save(next.withStep(ErasureJob.Step.ERASED_PUBLISHED), owner);
    });
  }

  /** Erases the consent ledger and the source tags of an erasure of everything, unless the job did already. */
  private ErasureJob ledgerErased(ErasureJob job) {
    if (!job.scope().isEverything() || job.finished(ErasureJob.Step.LEDGER_ERASED)) {
      return job;
    }
    long events = consents.erase(job.subject());
    long tags = sources.erase(job.subject());
    return job.withLedgerErased(events, tags);
  }

  /**
   * Asks the controllers known to process data the controller made public, and that the job's scope covers, to erase
   * links to, copies and replications of it (Art. 17(2)), then removes what the job covered from the records of
   * publication; part of the unit of work that finishes the erasure. Notice ids are derived from the job, the record
   * and the controller, so a run resumed after this unit failed makes the same requests, which the recipients
   * register recognises.
   */
  private ErasureJob informControllers(ErasureJob job) {
    List<InformedController> informed = new ArrayList<>();
    Instant at = clock.instant();
    for (Publication publication : store.publications(job.subject())) {
      Set<DataCategory> covered = covered(job.scope(), publication);
      if (covered.isEmpty()) {
        continue;
      }
      for (String controller : publication.controllers()) {
        UUID notice = UUID.nameUUIDFromBytes((job.id() + "/" + publication.id() + "/" + controller)
            .getBytes(StandardCharsets.UTF_8));
        informed.add(new InformedController(controller, notice, publication.purpose(), publication.where(), covered,
            at));
      }
      Set<DataCategory> remaining = new LinkedHashSet<>(publication.categories());
      remaining.removeAll(covered);
      if (remaining.isEmpty()) {
        store.deletePublication(publication.id());
      } else {
        store.savePublication(publication.withCategories(remaining));
      }
    }
    if (informed.isEmpty()) {
      return job;
    }
    publisher.publish(new PublicDataErasureRequested(job.subject(), job.scope(), job.id(), informed, at));
    LOG.info("erasure job {} asked {} controllers to erase links to and copies of data made public", job.id(),
        informed.size());
    return job.withInformed(informed);
  }

  /** Returns the categories of a record of publication that the scope erases; none when it does not cover it. */
  private static Set<DataCategory> covered(ErasureScope scope, Publication publication) {
    return switch (scope.kind()) {
      case EVERYTHING -> publication.categories();
      case CONSENT_WITHDRAWN, PURPOSE_ENDED -> publication.purpose().equals(scope.purpose())
          ? publication.categories() : Set.of();
      case CATEGORIES -> publication.categories().stream().filter(scope.categories()::contains)
          .collect(Collectors.toSet());
    };
  }

  /** Runs a child job to completion, unless a run before this one completed it. */
  private void runChild(UUID child, String owner) {
    if (store.find(child).isEmpty()) {
      return;
    }
    ErasureJob claimed = store.claim(child, owner, leaseUntil())
        .orElseThrow(() -> ErasureInProgressException.of(child));
    runClaimed(claimed, owner);
  }

  /** Suppresses the subject's contact points and creates the child jobs, before anything is erased. */
  private ErasureJob prepare(ErasureJob job) {
    if (!job.scope().isEverything()) {
      return job.prepared(List.of(), 0);
    }
    int suppressed = 0;
    Set<SubjectId> children = new HashSet<>();
    List<UUID> childJobs = new ArrayList<>();
    for (PersonalDataProvider provider : providers.providers()) {
      for (ContactPoint point : hostCall(job, provider, () -> provider.contactPoints(job.subject()))) {
        try {
          suppression.suppress(job.subject().tenant(), point);
          suppressed++;
        } catch (InvalidInputException unusable) {
          // A stored number that cannot be read (national form, no default phone region) must not stop the
          // erasure: the data goes, only this contact point is not suppressed. The value is never logged.
          LOG.warn("erasure job {}: a {} of provider {} could not be normalised and was not suppressed ({})",
              job.id(), point.kind(), provider.describe().id(), unusable.getMessage());
        }
      }
      for (Relation relation : hostCall(job, provider, () -> provider.related(job.subject()))) {
        SubjectId child = relation.to();
        boolean allowed = job.level() + 1 <= cascade.depthFor(relation.type());
        if (allowed && children.add(child)) {
          childJob(job, child).ifPresent(childJobs::add);
        }
      }
    }
    return job.prepared(childJobs, suppressed);
  }

  /** Calls the host's provider, reporting a failure as the job's, without the host's message. */
  private static <T> T hostCall(ErasureJob job, PersonalDataProvider provider, Supplier<T> call) {
    try {
      return call.get();
    } catch (GdprException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ErasureIncompleteException.of(job.id(), provider.describe().id(), e);
    }
  }

  /**
   * Creates the job erasing a related subject, unless the subject has a pending job: an ancestor's (no loop), another
   * erasure's (it is not erased twice), or this job's own from a run that died before saving its preparation. The
   * child is created without a lease: only a run of its parent, which holds the parent's lease, claims it.
   */
  private Optional<UUID> childJob(ErasureJob job, SubjectId child) {
    ErasureJob childJob = ErasureJob.start(UUID.randomUUID(), child, ErasureScope.everything(), job.level() + 1,
        job.id(), clock.instant());
    Optional<ErasureJob> pending = store.insert(childJob);
    if (pending.isEmpty()) {
      return Optional.of(childJob.id());
    }
    return job.id().equals(pending.get().parent()) ? Optional.of(pending.get().id()) : Optional.empty();
  }

  @Override
  public ReplayReport replayTombstones(Stream<SubjectId> candidates) {
    Preconditions.notNull(candidates, "candidates");
    long[] examined = {0};
    List<ErasureReport> again = new ArrayList<>();
    try (candidates) {
      candidates.forEach(subject -> {
        examined[0]++;
        if (wasErased(subject)) {
          try {
            again.add(erase(subject));
          } catch (ErasureInProgressException running) {
            LOG.debug("tombstone replay skipped a subject being erased by job {}", running.job());
          }
        }
      });
    }
    LOG.info("tombstone replay examined {} subjects and erased {} again", examined[0], again.size());
    return new ReplayReport(examined[0], again);
  }

  @Override
  public ReplayReport replayTombstones() {
    // One page of subject ids in memory at a time: the next page is read once this one is replayed.
    Stream<SubjectId> known = Stream.iterate(consents.subjects(null, PAGE), page -> !page.isEmpty(),
        page -> consents.subjects(page.get(page.size() - 1), PAGE)).flatMap(List::stream);
    return replayTombstones(known);
  }

  @Override
  public boolean wasErased(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return gate.tombstone(subject).filter(Tombstone::standing).isPresent();
  }

  @Override
  public boolean allowRecollection(SubjectId subject, Actor by) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(by, "by");
    Optional<ErasureJob> running = store.active(subject);
    if (running.isPresent() && running.get().scope().isEverything()) {
      throw ErasureInProgressException.of(running.get().id());
    }
    Optional<Tombstone> tombstone = gate.tombstone(subject).filter(Tombstone::standing);
    if (tombstone.isEmpty()) {
      return false;
    }
    store.saveTombstone(tombstone.get().recollectionAllowed(clock.instant(), by));
    LOG.info("recollection of an erased subject allowed by a {} actor", by.type());
    return true;
  }

  @Override
  public List<ErasureReport> records() {
    List<ErasureReport> all = new ArrayList<>();
    List<ErasureReport> page = store.reports(TenantId.DEFAULT, null, PAGE);
    while (!page.isEmpty()) {
      all.addAll(page);
      page = store.reports(TenantId.DEFAULT, page.get(page.size() - 1).job(), PAGE);
    }
    return all;
  }

  @Override
  public List<ErasureReport> records(TenantId tenant, @Nullable UUID after, int limit) {
    return store.reports(Preconditions.notNull(tenant, "tenant"), after, Preconditions.positive(limit, "limit"));
  }

  @Override
  public Optional<ErasureReport> report(UUID job) {
    return store.report(Preconditions.notNull(job, "job"));
  }

  @Override
  public int rekeyPseudonyms(TenantId tenant, int limit) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.positive(limit, "limit");
    int rehashed = 0;
    for (String version : keys.earlierVersionIds()) {
      rehashed += Keyset.forEachWithPrefix(version + ':', limit - rehashed, REKEY_PAGE,
          (after, size) -> store.tombstones(tenant, after, size), Tombstone::subjectPseudonym,
          tombstone -> store.replaceTombstone(tenant, tombstone.subjectPseudonym(), new Tombstone(tenant,
              keys.rehash(SUBJECT_LABEL, tombstone.subjectPseudonym()).orElseThrow(), tombstone.erasedAt(),
              tombstone.recollectionAllowedAt(), tombstone.recollectionAllowedBy())));
    }
    if (rehashed > 0) {
      LOG.info("re-keyed {} tombstones of tenant {} to pseudonym key version {}", rehashed, tenant,
          keys.versionId());
    }
    return rehashed;
  }

  @Override
  public Publication madePublic(SubjectId subject, String purposeId, Set<DataCategory> categories, String where,
      Set<String> controllers, Actor by) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(by, "by");
    Purpose purpose = purposes.get(purposeId);
    Preconditions.notNull(categories, "categories");
    Set<String> needed = purpose.dataCategories().stream().map(DataCategory::id).collect(Collectors.toSet());
    for (DataCategory category : categories) {
      Preconditions.check(category != null && needed.contains(category.id()), "categories",
          "must be data categories that purpose " + Messages.quote(purpose.id()) + " needs");
    }
    Publication publication = new Publication(UUID.randomUUID(), subject, purpose.id(), categories, where,
        Preconditions.notNull(controllers, "controllers"), clock.instant(), by);
    // The recipients register checks the controllers in this unit, before anything is stored.
    return unitOfWork.run("record data made public", () -> {
      gate.checkWritable(subject);
      publisher.publish(new DataMadePublic(publication, publication.recordedAt()));
      store.savePublication(publication);
      return publication;
    });
  }

  @Override
  public List<Publication> publications(SubjectId subject) {
    return store.publications(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public List<ErasureReport> releaseHeld(int limit) {
    Preconditions.positive(limit, "limit");
    String owner = runOwner();
    List<ErasureReport> reports = new ArrayList<>();
    for (ErasureHold hold : store.claimDueHolds(owner, leaseUntil(), limit)) {
      try {
        release(hold, owner).ifPresent(reports::add);
      } catch (ErasureIncompleteException | ErasureInProgressException | ErasureJobConflictException e) {
        // the release job stays pending for resumePending(), whose completion moves the hold on
        store.releaseHold(hold.id(), owner);
        LOG.warn("release of hold {} did not finish ({}); it is resumed later", hold.id(),
            e.getClass().getSimpleName());
      }
    }
    if (!reports.isEmpty()) {
      LOG.info("released the due held data of {} erasures", reports.size());
    }
    return reports;
  }

  /**
   * Runs the release of one claimed hold: a new job, or the pending release of the same hold that a run left behind;
   * leaves the hold to a later call while another erasure of the subject is pending.
   */
  private Optional<ErasureReport> release(ErasureHold hold, String owner) {
    ErasureJob job = ErasureJob.releasing(UUID.randomUUID(), hold, clock.instant()).leasedTo(owner, leaseUntil());
    Optional<ErasureJob> earlier = store.insert(job);
    if (earlier.isEmpty()) {
      return Optional.of(runClaimed(store.find(job.id())
          .orElseThrow(() -> ErasureJobConflictException.gone(job.id(), 1)), owner));
    }
    ErasureJob.Release pending = earlier.get().release();
    Optional<ErasureJob> claimed = pending != null && pending.of().equals(hold.id())
        ? store.claim(earlier.get().id(), owner, leaseUntil()) : Optional.empty();
    if (claimed.isEmpty()) {
      store.releaseHold(hold.id(), owner); // another erasure of the subject runs first
      return Optional.empty();
    }
    return Optional.of(runClaimed(claimed.get(), owner));
  }
}
