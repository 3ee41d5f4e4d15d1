package io.gdprkit.restriction.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.HostCodeException;
import io.gdprkit.consent.ConsentChannel;
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
import io.gdprkit.internal.Preconditions;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.restriction.ObjectionOutcome;
import io.gdprkit.restriction.ObjectionRefusedException;
import io.gdprkit.restriction.ObjectionRefusedException.Reason;
import io.gdprkit.restriction.RestrictionListener;
import io.gdprkit.restriction.RestrictionService;
import io.gdprkit.restriction.RestrictionStateException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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

  private final ConsentStore store;
  private final ConsentService consents;
  private final PurposeRegistry purposes;
  private final Clock clock;
  private final SubjectLocks locks;
  private final List<RestrictionListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<ObjectionChange>> objectionListeners = new CopyOnWriteArrayList<>();

  public DefaultRestrictionService(ConsentStore store, ConsentService consents, PurposeRegistry purposes, Clock clock) {
    this(store, consents, purposes, clock, new SubjectLocks(64));
  }

  /**
   * Creates the service on shared subject locks, so that another feature (disclosures) can run a check and a write
   * that no restriction of the same subject interleaves with.
   */
  public DefaultRestrictionService(ConsentStore store, ConsentService consents, PurposeRegistry purposes, Clock clock,
      SubjectLocks locks) {
    this.store = store;
    this.consents = consents;
    this.purposes = purposes;
    this.clock = clock;
    this.locks = locks;
  }

  /** Adds a listener told of every restriction placed or lifted; used by the facade to wire features together. */
  public void addListener(RestrictionListener listener) {
    listeners.add(Preconditions.notNull(listener, "listener"));
  }

  /**
   * Adds a listener told of every objection recorded, overridden or withdrawn, after it is stored and outside the
   * subject's lock; used by the facade's audit wiring.
   */
  public void addObjectionListener(Consumer<ObjectionChange> listener) {
    objectionListeners.add(Preconditions.notNull(listener, "listener"));
  }

  private ObjectionChange told(ObjectionChange change) {
    for (Consumer<ObjectionChange> listener : objectionListeners) {
      listener.accept(change);
    }
    return change;
  }

  private Object lock(SubjectId subject) {
    return locks.of(subject);
  }

  /** Tells the listeners outside the subject's lock, so a slow listener holds up no other change. */
  private RestrictionChange told(RestrictionChange change) {
    for (RestrictionListener listener : listeners) {
      try {
        listener.changed(change);
      } catch (GdprException e) {
        throw e;
      } catch (RuntimeException e) {
        throw HostCodeException.of("a restriction listener", e);
      }
    }
    return change;
  }

  @Override
  public RestrictionChange restrict(SubjectId subject, String reason, Actor by) {
    check(subject, by);
    RestrictionChange change;
    synchronized (lock(subject)) {
      if (store.current(subject).isRestricted()) {
        List<RestrictionChange> history = store.restrictionHistory(subject);
        return history.get(history.size() - 1);
      }
      change = new RestrictionChange(subject, true, reason, by, clock.instant());
      store.recordRestriction(change);
      LOG.debug("processing restricted");
    }
    return told(change);
  }

  @Override
  public RestrictionChange lift(SubjectId subject, String reason, Actor by) {
    check(subject, by);
    RestrictionChange change;
    synchronized (lock(subject)) {
      if (!store.current(subject).isRestricted()) {
        throw RestrictionStateException.notRestricted(subject);
      }
      change = new RestrictionChange(subject, false, reason, by, clock.instant());
      store.recordRestriction(change);
      LOG.debug("restriction lifted");
    }
    return told(change);
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
    ObjectionOutcome outcome;
    synchronized (lock(subject)) {
      ConsentEvent withdrawal = null;
      if (purpose.needsConsent()) {
        withdrawal = withdrawIfGiven(subject, purpose);
      }
      ObjectionChange change = new ObjectionChange(subject, purpose.id(), ObjectionStatus.OBJECTED, grounds, by,
          clock.instant());
      store.recordObjection(change);
      LOG.debug("objection to purpose {} recorded", purpose.id());
      outcome = new ObjectionOutcome(change, withdrawal);
    }
    told(outcome.objection());
    return outcome;
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
    ObjectionChange change;
    synchronized (lock(subject)) {
      if (store.current(subject).objection(purpose.id()) != ObjectionStatus.OBJECTED) {
        throw ObjectionRefusedException.of(subject, purpose.id(), Reason.NO_STANDING_OBJECTION);
      }
      change = new ObjectionChange(subject, purpose.id(), status, note, by, clock.instant());
      store.recordObjection(change);
      LOG.debug("objection to purpose {} is now {}", purpose.id(), status);
    }
    return told(change);
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
