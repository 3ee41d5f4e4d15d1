package io.gdprkit.restriction.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentNotGrantedException;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.restriction.ObjectionOutcome;
import io.gdprkit.restriction.ObjectionRecorded;
import io.gdprkit.restriction.ObjectionRefusedException.Reason;
import io.gdprkit.restriction.ObjectionRefusedException;
import io.gdprkit.restriction.ProcessingRestricted;
import io.gdprkit.restriction.RestrictionLifted;
import io.gdprkit.restriction.RestrictionService;
import io.gdprkit.restriction.RestrictionStateException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.UnitOfWork;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records restrictions and objections in the consent store, whose snapshot {@code decide} reads.
 *
 * <p>Changes of one subject are serialised on the subject, so a check and the write it guards cannot
 * interleave with another change of the same subject in this JVM.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRestrictionService implements RestrictionService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRestrictionService.class);

  private static final int MAX_ATTEMPTS = 64;

  private final ConsentStore store;
  private final ConsentService consents;
  private final PurposeRegistry purposes;
  private final Clock clock;
  private final SubjectLocks locks;
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;

  /**
   * Creates the service on shared subject locks, so that another feature (disclosures) can run a check and a write
   * that no restriction of the same subject interleaves with in this JVM; across instances the histories' sequences
   * decide.
   */
  public DefaultRestrictionService(ConsentStore store, ConsentService consents, PurposeRegistry purposes, Clock clock,
      SubjectLocks locks, UnitOfWork unitOfWork, GdprEventPublisher events) {
    this.store = store;
    this.consents = consents;
    this.purposes = purposes;
    this.clock = clock;
    this.locks = locks;
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
  }

  private Object lock(SubjectId subject) {
    return locks.of(subject);
  }

  /**
   * Runs a check and the write it guards as one unit, again on fresh state whenever a writer in another instance
   * took the history's next place first (the store refuses the stale sequence).
   */
  private <T> T retrying(SubjectId subject, String operation, Supplier<T> checkAndWrite) {
    return unitOfWork.run(operation, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          synchronized (lock(subject)) {
            return checkAndWrite.get();
          }
        } catch (ConsentConflictException e) {
          if (attempt >= MAX_ATTEMPTS) {
            throw ConsentConflictException.retriesExhausted(subject, e.purpose(), attempt);
          }
          LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000L << Math.min(attempt, 10)));
        }
      }
    });
  }

  @Override
  public RestrictionChange restrict(SubjectId subject, String reason, Actor by) {
    check(subject, by);
    return retrying(subject, "restrict processing", () -> {
      // state and next place from one read of the history: the store's sequence check then guarantees that the
      // change follows exactly the state it was checked against (Issue 9)
      List<RestrictionChange> history = store.restrictionHistory(subject);
      RestrictionChange last = history.isEmpty() ? null : history.get(history.size() - 1);
      if (last != null && last.restricted()) {
        return last;
      }
      RestrictionChange change = new RestrictionChange(subject, true, reason, by, clock.instant(),
          history.size() + 1L);
      store.recordRestriction(change);
      events.publish(new ProcessingRestricted(subject, by, change.changedAt()));
      LOG.debug("processing restricted");
      return change;
    });
  }

  @Override
  public RestrictionChange lift(SubjectId subject, String reason, Actor by) {
    check(subject, by);
    return retrying(subject, "lift restriction", () -> {
      List<RestrictionChange> history = store.restrictionHistory(subject);
      if (history.isEmpty() || !history.get(history.size() - 1).restricted()) {
        throw RestrictionStateException.notRestricted(subject);
      }
      RestrictionChange change = new RestrictionChange(subject, false, reason, by, clock.instant(),
          history.size() + 1L);
      store.recordRestriction(change);
      events.publish(new RestrictionLifted(subject, by, change.changedAt()));
      LOG.debug("restriction lifted");
      return change;
    });
  }

  @Override
  public boolean isRestricted(SubjectId subject) {
    return store.current(Preconditions.notNull(subject, "subject")).isRestricted();
  }

  @Override
  public List<RestrictionChange> history(SubjectId subject) {
    return store.restrictionHistory(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public ObjectionOutcome object(SubjectId subject, String purposeId, String grounds, Actor by) {
    check(subject, by);
    Purpose purpose = purposes.get(purposeId);
    return retrying(subject, "record objection", () -> {
      ConsentEvent withdrawal = null;
      if (purpose.needsConsent()) {
        withdrawal = withdrawIfGiven(subject, purpose);
      }
      ObjectionChange change = new ObjectionChange(subject, purpose.id(), ObjectionStatus.OBJECTED, grounds, by,
          clock.instant(), store.objectionHistory(subject).size() + 1L);
      store.recordObjection(change);
      published(change);
      LOG.debug("objection to purpose {} recorded", purpose.id());
      return new ObjectionOutcome(change, withdrawal);
    });
  }

  private void published(ObjectionChange change) {
    events.publish(new ObjectionRecorded(change.subject(), change.purpose(), change.status(), change.changedBy(),
        change.changedAt()));
  }

  private @Nullable ConsentEvent withdrawIfGiven(SubjectId subject, Purpose purpose) {
    ConsentState state = consents.current(subject).state(purpose.id());
    if (state == null || !ConsentState.takesEffect(state.status(), ConsentEventType.WITHDRAWN)) {
      return null;
    }
    try {
      return consents.withdraw(subject, purpose.id(), ConsentProof.of(ConsentChannel.API, Actor.subject()));
    } catch (ConsentNotGrantedException withdrawnMeanwhile) {
      return null;
    }
  }

  @Override
  public ObjectionChange recordCompellingGrounds(SubjectId subject, String purposeId, String grounds, Actor by) {
    check(subject, by);
    Purpose purpose = purposes.get(purposeId);
    if (purpose.directMarketing()) {
      throw ObjectionRefusedException.of(subject, purpose.id(), Reason.ABSOLUTE_FOR_DIRECT_MARKETING);
    }
    if (purpose.needsConsent()) {
      throw ObjectionRefusedException.of(subject, purpose.id(), Reason.CONSENT_PURPOSE);
    }
    return change(subject, purpose, ObjectionStatus.OVERRIDDEN, grounds, by);
  }

  @Override
  public ObjectionChange withdrawObjection(SubjectId subject, String purposeId, Actor by) {
    check(subject, by);
    Purpose purpose = purposes.get(purposeId);
    return change(subject, purpose, ObjectionStatus.WITHDRAWN, "objection withdrawn", by);
  }

  private ObjectionChange change(SubjectId subject, Purpose purpose, ObjectionStatus status, String note, Actor by) {
    return retrying(subject, "change objection", () -> {
      List<ObjectionChange> history = store.objectionHistory(subject);
      ObjectionStatus standing = null;
      for (ObjectionChange earlier : history) {
        if (earlier.purpose().equals(purpose.id())) {
          standing = earlier.status();
        }
      }
      if (standing != ObjectionStatus.OBJECTED) {
        throw ObjectionRefusedException.of(subject, purpose.id(), Reason.NO_STANDING_OBJECTION);
      }
      ObjectionChange change = new ObjectionChange(subject, purpose.id(), status, note, by, clock.instant(),
          history.size() + 1L);
      store.recordObjection(change);
      published(change);
      LOG.debug("objection to purpose {} is now {}", purpose.id(), status);
      return change;
    });
  }

  @Override
  public Map<String, ObjectionStatus> objections(SubjectId subject) {
    return store.current(Preconditions.notNull(subject, "subject")).objections();
  }

  @Override
  public List<ObjectionChange> objectionHistory(SubjectId subject) {
    return store.objectionHistory(Preconditions.notNull(subject, "subject"));
  }

  private static void check(SubjectId subject, Actor by) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(by, "actor");
  }
}
