package io.gdprkit.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.Relation;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.CascadePolicy;
import io.gdprkit.erasure.ErasureIncompleteException;
import io.gdprkit.erasure.ErasureListener;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.ErasureService;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.ReplayReport;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Keyset;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressionService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import io.gdprkit.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs erasure jobs: prepare (suppress, plan the cascade), erase provider by provider saving progress, erase the
 * ledger and sources, run the children, write the tombstone, keep the report.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultErasureService implements ErasureService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultErasureService.class);
  private static final String SUBJECT_LABEL = "subject";
  private static final int REKEY_PAGE = 500;

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
  private final List<ErasureListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher publisher;

  public DefaultErasureService(ProviderRegistry providers, ConsentStore consents, SourceStore sources,
      SuppressionService suppression, ErasureStore store, PurposeRegistry purposes, PseudonymKey keys, Clock clock,
      CascadePolicy cascade, SubjectLocks locks, UnitOfWork unitOfWork, GdprEventPublisher events) {
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
  }

  /** Adds a host's listener told of every completed erasure, on the erasing thread. */
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
    Preconditions.notNull(scope, "scope");
    if (scope.purpose() != null) {
      Purpose purpose = purposes.get(scope.purpose());
      if (scope.kind() == ErasureScope.Kind.CONSENT_WITHDRAWN && !purpose.needsConsent()) {
        throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT,
            "erase for withdrawn consent of");
      }
    }
    ErasureJob job = ErasureJob.start(UUID.randomUUID(), subject, scope, 0, null, clock.instant());
    store.save(job);
    return run(job.id());
  }

  @Override
  public List<ErasureReport> resumePending() {
    List<ErasureReport> reports = new ArrayList<>();
    for (ErasureJob job : store.pending()) {
      if (job.parent() != null && store.find(job.parent()).isPresent()) {
        continue; // its parent runs it
      }
      try {
        ErasureReport report = runIfFree(job.id());
        if (report != null) {
          reports.add(report);
        }
      } catch (ErasureIncompleteException stillFailing) {
        LOG.warn("erasure job {} failed again in provider {}; it stays pending", stillFailing.job(),
            stillFailing.provider());
      }
    }
    return reports;
  }

  private @org.jspecify.annotations.Nullable ErasureReport runIfFree(UUID id) {
    if (!store.claim(id)) {
      return null;
    }
    return runClaimed(id);
  }

  private ErasureReport run(UUID id) {
    if (!store.claim(id)) {
      throw new IllegalStateException("erasure job " + id + " is being run by another thread");
    }
    return runClaimed(id);
  }

  private ErasureReport runClaimed(UUID id) {
    ErasureJob job = store.find(id).orElseThrow(() -> new IllegalStateException("erasure job " + id + " is gone"));
    try {
      if (!job.prepared()) {
        job = prepare(job);
        store.save(job);
      }
      for (PersonalDataProvider provider : providers.providers()) {
        String providerId = provider.describe().id();
        if (job.done().containsKey(providerId)) {
          continue;
        }
        DefaultErasureContext context = new DefaultErasureContext(job.subject(), providers.descriptor(providerId)
            .orElseThrow(), job.scope(), purposes, consents.current(job.subject()), keys, clock);
        try {
          provider.erase(job.subject(), context);
        } catch (RuntimeException e) {
          job = job.withFailure(providerId);
          store.save(job);
          throw ErasureIncompleteException.of(job.id(), providerId, e);
        }
        job = job.withDone(context.report(providerId.equals(job.failedProvider())));
        store.save(job);
      }
      ErasureJob finishing = job;
      long[] counts = unitOfWork.run("finish erasure", () -> {
        // the ledger, the sources, the tombstone and the event as one unit: an Art. 19 notice or audit record that
        // fails rolls all of it back, and the job stays pending to be resumed
        long events = 0;
        long tags = 0;
        if (finishing.scope().isEverything()) {
          events = consents.erase(finishing.subject());
          tags = sources.erase(finishing.subject());
          // Before the event, under the lock disclosures check it under: a disclosure either landed before and
          // the recipients' subscriber finds it, or it sees the tombstone and is refused (issue 5).
          synchronized (locks.of(finishing.subject())) {
            store.addTombstone(keys.pseudonym(SUBJECT_LABEL, key(finishing.subject())));
          }
        }
        // audit, crypto-shredding, retention clean-up and Art. 19 notifications follow the event
        publisher.publish(new SubjectErased(finishing.subject(), finishing.scope(), finishing.id(), clock.instant()));
        return new long[] {events, tags};
      });
      long events = counts[0];
      long tags = counts[1];
      String pseudonym = keys.pseudonym(SUBJECT_LABEL, key(job.subject()));
      for (ErasureListener listener : listeners) {
        try {
          listener.erased(job.subject(), job.scope());
        } catch (GdprException e) {
          throw e;
        } catch (RuntimeException e) {
          throw ErasureIncompleteException.inListener(job.id(), e);
        }
      }
      List<ErasureReport> cascaded = new ArrayList<>();
      for (UUID child : job.children()) {
        if (store.find(child).isPresent()) {
          cascaded.add(runClaimedOrFail(child));
        } else {
          store.reports().stream().filter(r -> r.job().equals(child)).findFirst().ifPresent(cascaded::add);
        }
      }
      List<ProviderReport> reports = new ArrayList<>();
      for (PersonalDataProvider provider : providers.providers()) {
        ProviderReport report = job.done().get(provider.describe().id());
        if (report != null) {
          reports.add(report);
        }
      }
      ErasureReport report = new ErasureReport(job.id(), pseudonym, job.scope(), clock.instant(), reports, events,
          tags, job.suppressed(), cascaded);
      store.complete(job.id(), report);
      LOG.info("erasure job {} completed: {} records deleted, {} fields anonymised, {} cascaded", job.id(),
          report.recordsDeleted(), report.fieldsAnonymised(), cascaded.size());
      return report;
    } catch (RuntimeException e) {
      store.release(id);
      throw e;
    }
  }

  private ErasureReport runClaimedOrFail(UUID child) {
    if (!store.claim(child)) {
      throw new IllegalStateException("erasure job " + child + " is being run by another thread");
    }
    return runClaimed(child);
  }

  /** Suppresses the subject's contact points and creates the child jobs, before anything is erased. */
  private ErasureJob prepare(ErasureJob job) {
    if (!job.scope().isEverything()) {
      return job.prepared(List.of(), 0);
    }
    int suppressed = 0;
    Set<SubjectId> children = new HashSet<>();
    List<UUID> childJobs = new ArrayList<>();
    Set<SubjectId> excluded = ancestorsAndPending(job);
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
        if (allowed && !excluded.contains(child) && children.add(child)) {
          ErasureJob childJob = ErasureJob.start(UUID.randomUUID(), child, ErasureScope.everything(), job.level() + 1,
              job.id(), clock.instant());
          store.save(childJob);
          childJobs.add(childJob.id());
        }
      }
    }
    return job.prepared(childJobs, suppressed);
  }

  /** Calls a provider's host code; what it throws becomes a typed error that does not copy its message. */
  private static <T> T hostCall(ErasureJob job, PersonalDataProvider provider, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw ErasureIncompleteException.of(job.id(), provider.describe().id(), e);
    }
  }

  /** Subjects a cascade must not reach again: this job's ancestors and anyone with a pending erasure. */
  private Set<SubjectId> ancestorsAndPending(ErasureJob job) {
    Set<SubjectId> excluded = new HashSet<>();
    store.pending().forEach(pending -> excluded.add(pending.subject()));
    Optional<ErasureJob> ancestor = Optional.of(job);
    while (ancestor.isPresent()) {
      excluded.add(ancestor.get().subject());
      UUID parent = ancestor.get().parent();
      ancestor = parent == null ? Optional.empty() : store.find(parent);
    }
    return excluded;
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
          again.add(erase(subject));
        }
      });
    }
    LOG.info("tombstone replay examined {} subjects and erased {} again", examined[0], again.size());
    return new ReplayReport(examined[0], again);
  }

  @Override
  public ReplayReport replayTombstones() {
    List<SubjectId> known = new ArrayList<>();
    List<SubjectId> page = consents.subjects(null, 1_000);
    while (!page.isEmpty()) {
      known.addAll(page);
      page = consents.subjects(page.get(page.size() - 1), 1_000);
    }
    return replayTombstones(known.stream());
  }

  @Override
  public boolean wasErased(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return keys.everyVersion(SUBJECT_LABEL, key(subject)).stream().anyMatch(store::hasTombstone);
  }

  @Override
  public List<ErasureReport> records() {
    return store.reports();
  }

  @Override
  public int rekeyPseudonyms(int limit) {
    Preconditions.positive(limit, "limit");
    int rehashed = 0;
    for (String version : keys.earlierVersionIds()) {
      rehashed += Keyset.forEachWithPrefix(version + ':', limit - rehashed, REKEY_PAGE, store::tombstones,
          tombstone -> tombstone,
          tombstone -> store.replaceTombstone(tombstone, keys.rehash(SUBJECT_LABEL, tombstone).orElseThrow()));
    }
    if (rehashed > 0) {
      LOG.info("re-keyed {} tombstones to pseudonym key version {}", rehashed, keys.versionId());
    }
    return rehashed;
  }

  private static String key(SubjectId subject) {
    return subject.tenant().value() + '/' + subject.value();
  }
}
