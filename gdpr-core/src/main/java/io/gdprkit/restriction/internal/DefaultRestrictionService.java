package io.gdprkit.restriction.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.authorisation.AuthorisationService;
import io.gdprkit.authorisation.StaffUser;
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
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
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
import io.gdprkit.restriction.RightToObjectPresented;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records restrictions, objections and presentations of the right to object in the consent store, whose snapshot
 * {@code decide} reads.
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
  private final AuthorisationService authorisations;
  private final List<Purpose> directMarketing;
  private final List<String> directMarketingIds;

  /**
   * Creates the service on shared subject locks, so that another feature (disclosures) can run a check and a write
   * that no restriction of the same subject interleaves with in this JVM; across instances the histories' sequences
   * decide. Compelling grounds and legal claims are checked against {@code authorisations}, the register of
   * authorised persons.
   */
  public DefaultRestrictionService(ConsentStore store, ConsentService consents, PurposeRegistry purposes, Clock clock,
      SubjectLocks locks, UnitOfWork unitOfWork, GdprEventPublisher events, AuthorisationService authorisations) {
    this.store = store;
    this.consents = consents;
    this.purposes = purposes;
    this.clock = clock;
    this.locks = locks;
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
    this.authorisations = Preconditions.notNull(authorisations, "authorisations");
    this.directMarketing = purposes.all().stream().filter(Purpose::directMarketing).toList();
    this.directMarketingIds = directMarketing.stream().map(Purpose::id).toList();
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
    note(grounds, "grounds");
    Purpose purpose = purposes.get(purposeId);
    if (purpose.directMarketing()) {
      return objectToDirectMarketing(subject, grounds, by);
    }
    Reason refusal = noRightToObject(purpose.legalBasis());
    if (refusal != null) {
      throw ObjectionRefusedException.of(subject, purpose.id(), purpose.legalBasis(), refusal);
    }
    return retrying(subject, "record objection", () -> {
      List<ObjectionChange> history = store.objectionHistory(subject);
      ObjectionChange standing = standing(history, purpose.id());
      if (standing != null && standing.status() == ObjectionStatus.OBJECTED) {
        return new ObjectionOutcome(standing, List.of(purpose.id()), List.of(), false);
      }
      ObjectionChange change = recorded(new ObjectionChange(subject, purpose.id(), ObjectionStatus.OBJECTED, grounds,
          by, clock.instant(), history.size() + 1L));
      return new ObjectionOutcome(change, List.of(purpose.id()), List.of(), true);
    });
  }

  /**
   * Returns why Art. 21 gives no right to object to a purpose on this basis that is not direct marketing, or
   * {@code null} when it does: only Art. 6(1)(e) and (f) carry the right (Art. 21(1)); for consent the remedy is a
   * withdrawal (Art. 7(3)).
   */
  static @Nullable Reason noRightToObject(LegalBasis basis) {
    return switch (basis) {
      case PUBLIC_TASK, LEGITIMATE_INTERESTS -> null;
      case CONSENT -> Reason.CONSENT_PURPOSE;
      case CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS -> Reason.NO_RIGHT_TO_OBJECT;
    };
  }

  @Override
  public ObjectionOutcome objectToDirectMarketing(SubjectId subject, Actor by) {
    check(subject, by);
    return objectToDirectMarketing(subject, "", by);
  }

  private ObjectionOutcome objectToDirectMarketing(SubjectId subject, String grounds, Actor by) {
    // withdrawals survive a retry: a second attempt finds those consents withdrawn and must still report them
    List<ConsentEvent> withdrawals = new ArrayList<>();
    return retrying(subject, "record objection to direct marketing", () -> {
      List<ObjectionChange> history = store.objectionHistory(subject);
      ObjectionChange standing = standing(history, ObjectionChange.DIRECT_MARKETING);
      if (standing != null && standing.status() == ObjectionStatus.OBJECTED) {
        // it stands already: decide denies every direct-marketing purpose, so a consent given since is left alone
        return new ObjectionOutcome(standing, directMarketingIds, withdrawals, false);
      }
      for (Purpose purpose : directMarketing) {
        if (purpose.needsConsent()) {
          ConsentEvent withdrawal = withdrawIfGiven(subject, purpose, by);
          if (withdrawal != null) {
            withdrawals.add(withdrawal);
          }
        }
      }
      ObjectionChange change = recorded(new ObjectionChange(subject, ObjectionChange.DIRECT_MARKETING,
          ObjectionStatus.OBJECTED, grounds, by, clock.instant(), history.size() + 1L));
      return new ObjectionOutcome(change, directMarketingIds, withdrawals, true);
    });
  }

  @Override
  public boolean objectsToDirectMarketing(SubjectId subject) {
    return store.current(Preconditions.notNull(subject, "subject")).objection(ObjectionChange.DIRECT_MARKETING)
        == ObjectionStatus.OBJECTED;
  }

  private ObjectionChange recorded(ObjectionChange change) {
    store.recordObjection(change);
    events.publish(new ObjectionRecorded(change.subject(), change.purpose(), change.status(), change.changedBy(),
        change.changedAt()));
    LOG.debug("objection to {} is now {}", change.purpose(), change.status());
    return change;
  }

  private static @Nullable ObjectionChange standing(List<ObjectionChange> history, String key) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).purpose().equals(key)) {
        return history.get(i);
      }
    }
    return null;
  }

  private @Nullable ConsentEvent withdrawIfGiven(SubjectId subject, Purpose purpose, Actor by) {
    ConsentState state = consents.current(subject).state(purpose.id());
    if (state == null || !ConsentState.takesEffect(state.status(), ConsentEventType.WITHDRAWN)) {
      return null;
    }
    try {
      return consents.withdraw(subject, purpose.id(), ConsentProof.of(ConsentChannel.API, by));
    } catch (ConsentNotGrantedException withdrawnMeanwhile) {
      return null;
    }
  }

  @Override
  public ObjectionChange recordCompellingGrounds(SubjectId subject, String purposeId, String grounds, Actor by) {
    return override(subject, purposeId, grounds, by, ObjectionStatus.OVERRIDDEN);
  }

  @Override
  public ObjectionChange recordLegalClaims(SubjectId subject, String purposeId, String statement, Actor by) {
    return override(subject, purposeId, statement, by, ObjectionStatus.LEGAL_CLAIMS);
  }

  /**
   * Records what lets processing go on despite an objection (Art. 21(1)): compelling legitimate grounds, or legal
   * claims for a purpose declared for them; stated, and by a staff user the register authorises for the purpose's data.
   */
  private ObjectionChange override(SubjectId subject, String purposeId, String statement, Actor by,
      ObjectionStatus status) {
    check(subject, by);
    String field = status == ObjectionStatus.LEGAL_CLAIMS ? "statement" : "grounds";
    note(Preconditions.notBlank(statement, field), field);
    Purpose purpose = purposes.get(purposeId);
    Reason refusal = purpose.directMarketing() ? Reason.ABSOLUTE_FOR_DIRECT_MARKETING
        : purpose.needsConsent() ? Reason.CONSENT_PURPOSE
        : status == ObjectionStatus.LEGAL_CLAIMS && !purpose.legalClaims() ? Reason.NOT_FOR_LEGAL_CLAIMS
        : by.type() != Actor.Type.STAFF ? Reason.RECORDER_NOT_STAFF
        : purpose.dataCategories().isEmpty() ? Reason.NO_DATA_CATEGORIES
        : null;
    if (refusal != null) {
      throw ObjectionRefusedException.of(subject, purpose.id(), purpose.legalBasis(), refusal);
    }
    StaffUser staff = StaffUser.of(subject.tenant(), Preconditions.notNull(by.id(), "actor id"));
    purpose.dataCategories().stream().sorted(Comparator.comparing(DataCategory::id))
        .forEach(category -> authorisations.require(staff, category));
    return change(subject, purpose.id(), purpose.legalBasis(), status, statement, by);
  }

  @Override
  public ObjectionChange withdrawObjection(SubjectId subject, String purposeId, Actor by) {
    check(subject, by);
    Purpose purpose = purposes.get(purposeId);
    // for direct marketing both objections bear on the purpose: to direct marketing, and one kept under the purpose's
    // own id (recorded before it was declared direct marketing, or written by another feature such as GPC)
    return withdraw(subject, purpose.directMarketing() ? List.of(ObjectionChange.DIRECT_MARKETING, purpose.id())
        : List.of(purpose.id()), purpose.id(), purpose.legalBasis(), by);
  }

  @Override
  public ObjectionChange withdrawObjectionToDirectMarketing(SubjectId subject, Actor by) {
    check(subject, by);
    return withdraw(subject, List.of(ObjectionChange.DIRECT_MARKETING), ObjectionChange.DIRECT_MARKETING, null, by);
  }

  /**
   * Withdraws each standing objection under {@code keys}, one change each in one unit, and returns the last.
   *
   * @throws ObjectionRefusedException naming {@code purpose} and {@code basis} when none stands
   */
  private ObjectionChange withdraw(SubjectId subject, List<String> keys, String purpose, @Nullable LegalBasis basis,
      Actor by) {
    return retrying(subject, "withdraw objection", () -> {
      List<ObjectionChange> history = store.objectionHistory(subject);
      long next = history.size();
      ObjectionChange last = null;
      for (String key : keys) {
        ObjectionChange standing = standing(history, key);
        if (standing != null && standing.status() == ObjectionStatus.OBJECTED) {
          last = recorded(new ObjectionChange(subject, key, ObjectionStatus.WITHDRAWN, "objection withdrawn", by,
              clock.instant(), ++next));
        }
      }
      if (last == null) {
        throw ObjectionRefusedException.of(subject, purpose, basis, Reason.NO_STANDING_OBJECTION);
      }
      return last;
    });
  }

  private ObjectionChange change(SubjectId subject, String key, @Nullable LegalBasis basis, ObjectionStatus status,
      String note, Actor by) {
    return retrying(subject, "change objection", () -> {
      List<ObjectionChange> history = store.objectionHistory(subject);
      ObjectionChange standing = standing(history, key);
      if (standing == null || standing.status() != ObjectionStatus.OBJECTED) {
        throw ObjectionRefusedException.of(subject, key, basis, Reason.NO_STANDING_OBJECTION);
      }
      return recorded(new ObjectionChange(subject, key, status, note, by, clock.instant(), history.size() + 1L));
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

  @Override
  public RightToObjectPresentation recordRightToObjectPresented(SubjectId subject, String noticeVersion,
      ConsentChannel channel, String reference, Actor by) {
    check(subject, by);
    RightToObjectPresentation presentation = new RightToObjectPresentation(subject, noticeVersion, channel, reference,
        clock.instant(), by);
    // a presentation is a fact, not a snapshot change: two instances recording the same version at once both keep
    // theirs, which still shows the right was presented; the lock only spares this JVM the duplicate
    return unitOfWork.run("record presentation of the right to object", () -> {
      synchronized (lock(subject)) {
        for (RightToObjectPresentation earlier : store.rightToObjectPresentations(subject)) {
          if (earlier.noticeVersion().equals(noticeVersion)) {
            return earlier;
          }
        }
        store.recordRightToObjectPresented(presentation);
        events.publish(new RightToObjectPresented(subject, noticeVersion, channel, reference, by,
            presentation.presentedAt()));
        LOG.debug("right to object presented with notice version {}", noticeVersion);
        return presentation;
      }
    });
  }

  @Override
  public Optional<RightToObjectPresentation> rightToObjectPresentation(SubjectId subject) {
    return rightToObjectPresentations(subject).stream().findFirst();
  }

  @Override
  public List<RightToObjectPresentation> rightToObjectPresentations(SubjectId subject) {
    return store.rightToObjectPresentations(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public boolean rightToObjectPresented(SubjectId subject) {
    return !rightToObjectPresentations(subject).isEmpty();
  }

  /** Checks a note before anything is read or written, as {@link ObjectionChange} would only once it is built. */
  private static void note(String value, String field) {
    Preconditions.notNull(value, field);
    Preconditions.check(value.length() <= 1000, field, "must be at most 1000 characters long");
  }

  private static void check(SubjectId subject, Actor by) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(by, "actor");
  }
}
