package io.gdprkit.gpc.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentChanged;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.gpc.GpcConflictRule;
import io.gdprkit.gpc.GpcOutcome;
import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.gpc.GpcService;
import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.gpc.GpcSignalRecorded;
import io.gdprkit.gpc.GpcSupportResource;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.restriction.ObjectionRecorded;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.ErasureGate;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Global Privacy Control service: decides from the stores what a signal changes, then writes each change with the
 * sequence it read, so that a writer that read the same state elsewhere loses at the store and, on its retry, finds
 * the change made.
 *
 * <p>It writes the consent ledger and the objection history directly, as the restriction service does, because the
 * conflict rule must be judged on exactly the state the write follows; the consent service's own operations re-read
 * the state and would record a second withdrawal or objection for a racing request.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultGpcService implements GpcService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultGpcService.class);
  private static final int MAX_ATTEMPTS = 64;
  private static final String USER_AGENT_LABEL = "gpc-user-agent";

  private final GpcStore store;
  private final ConsentStore consents;
  private final GpcPolicy policy;
  private final List<Purpose> withdrawals;
  private final List<Purpose> objections;
  private final Clock clock;
  private final PseudonymKey pseudonyms;
  private final ErasureGate erasureGate;
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;

  /**
   * Creates the service and checks the policy against the declared purposes.
   *
   * @throws io.gdprkit.purpose.UnknownPurposeException if the policy names an undeclared purpose
   * @throws LegalBasisMismatchException if a withdrawal purpose does not rest on consent
   * @throws InvalidInputException if an objection purpose is one the right to object does not reach
   */
  public DefaultGpcService(GpcStore store, ConsentStore consents, PurposeRegistry purposes, GpcPolicy policy,
      Clock clock, PseudonymKey pseudonyms, ErasureGate erasureGate, UnitOfWork unitOfWork,
      GdprEventPublisher events) {
    this.store = Preconditions.notNull(store, "store");
    this.consents = Preconditions.notNull(consents, "consents");
    this.policy = Preconditions.notNull(policy, "policy");
    this.withdrawals = policy.withdrawals().stream().map(id -> withdrawable(purposes.get(id))).toList();
    this.objections = policy.objections().stream().map(id -> objectable(purposes.get(id))).toList();
    this.clock = Preconditions.notNull(clock, "clock");
    this.pseudonyms = Preconditions.notNull(pseudonyms, "pseudonyms");
    this.erasureGate = Preconditions.notNull(erasureGate, "erasureGate");
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
  }

  /** Art. 7(3): the signal withdraws consent, so only a purpose that rests on consent can be mapped to it. */
  private static Purpose withdrawable(Purpose purpose) {
    if (!purpose.needsConsent()) {
      throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT,
          "map a Global Privacy Control withdrawal to");
    }
    return purpose;
  }

  /**
   * Art. 21(1) reaches processing on Art. 6(1)(e) or (f), Art. 21(2) direct marketing on any basis but consent, whose
   * answer is a withdrawal (Art. 7(3)).
   */
  private static Purpose objectable(Purpose purpose) {
    String field = "gpc objection purpose " + Messages.quote(purpose.id());
    if (purpose.needsConsent()) {
      throw InvalidInputException.of(field, "rests on CONSENT, which a signal withdraws (Art. 7(3)): map it with "
          + "withWithdrawal instead");
    }
    boolean eOrF = purpose.legalBasis() == LegalBasis.PUBLIC_TASK
        || purpose.legalBasis() == LegalBasis.LEGITIMATE_INTERESTS;
    if (!eOrF && !purpose.directMarketing()) {
      throw InvalidInputException.of(field, "rests on " + purpose.legalBasis() + ": the right to object covers "
          + "Art. 6(1)(e) and (f) (Art. 21(1)) and direct marketing (Art. 21(2)) only");
    }
    return purpose;
  }

  /** Erases the subject's signal records in the unit of work of an erasure of everything (Art. 17). */
  public void on(GdprEvent event) {
    if (event instanceof SubjectErased erased && erased.everything()) {
      store.erase(erased.subject());
    }
  }

  @Override
  public GpcOutcome apply(SubjectId subject, GpcSignal signal) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(signal, "signal");
    if (!policy.honoursSignal()) {
      return GpcOutcome.nothing();
    }
    Instant now = clock.instant();
    // The hot path: a repeated signal finds its effect on record and opens no unit of work.
    List<String> kept = keptWithoutWrites(subject, now);
    if (kept != null) {
      return kept.isEmpty() ? GpcOutcome.nothing() : new GpcOutcome(null, List.of(), List.of(), kept);
    }
    GpcOutcome outcome = unitOfWork.run("apply Global Privacy Control signal", () -> {
      if (erasureGate.refuses(subject)) {
        return GpcOutcome.nothing();
      }
      GpcOutcome written = write(subject, signal, now);
      if (written.record() != null) {
        erasureGate.confirmWritten(subject, () -> store.erase(subject));
      }
      return written;
    });
    LOG.debug("Global Privacy Control signal applied: {} withdrawals, {} objections", outcome.withdrawals().size(),
        outcome.objections().size());
    return outcome;
  }

  @Override
  public List<GpcSignalRecord> history(SubjectId subject) {
    return store.history(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public GpcPolicy policy() {
    return policy;
  }

  @Override
  public GpcSupportResource supportResource() {
    return new GpcSupportResource(policy.honoursSignal(), policy.lastUpdate());
  }

  /** Writes every change, each on fresh state and retried on a lost race, then the record when one is due. */
  private GpcOutcome write(SubjectId subject, GpcSignal signal, Instant now) {
    List<ConsentEvent> withdrawn = new ArrayList<>();
    List<ObjectionChange> objected = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    Instant presented = firstPresented(store.history(subject), now);
    ConsentProof proof = new ConsentProof(ConsentChannel.GLOBAL_PRIVACY_CONTROL, signal.source().mechanism(), null,
        null, null, null, null, Actor.subject(), null);
    for (Purpose purpose : withdrawals) {
      Done<ConsentEvent> done = retrying(subject, purpose.id(), () -> {
        ConsentState state = consents.current(subject).state(purpose.id());
        Step step = withdrawalStep(state, presented);
        if (step != Step.WRITE) {
          return new Done<>(step, null);
        }
        // stamped after the read, so that a consent given meanwhile is never followed by an earlier withdrawal
        Instant at = clock.instant();
        ConsentEvent next = new ConsentEvent(UUID.randomUUID(), subject, purpose.id(), ConsentEventType.WITHDRAWN,
            state.sequence() + 1, at, at, proof, null, purpose.noticeVersion());
        consents.append(next);
        events.publish(ConsentChanged.of(next));
        return new Done<>(step, next);
      });
      done.collect(withdrawn, kept, purpose);
    }
    String note = "Global Privacy Control signal (" + signal.source().mechanism() + "), an objection by automated "
        + "means (Art. 21(5))" + (signal.origin() == null ? "" : " received at " + signal.origin());
    Set<String> objectedTo = new HashSet<>();
    for (Purpose purpose : objections) {
      // Art. 21(2)-(3): an objection to one direct-marketing purpose is one to direct marketing as a whole
      String key = purpose.directMarketing() ? ObjectionChange.DIRECT_MARKETING : purpose.id();
      if (!objectedTo.add(key)) {
        continue;
      }
      Done<ObjectionChange> done = retrying(subject, "objections", () -> {
        List<ObjectionChange> history = consents.objectionHistory(subject);
        Step step = objectionStep(last(history, key), presented);
        if (step != Step.WRITE) {
          return new Done<>(step, null);
        }
        Instant at = clock.instant();
        ObjectionChange next = new ObjectionChange(subject, key, ObjectionStatus.OBJECTED, note,
            Actor.subject(), at, history.size() + 1L);
        consents.recordObjection(next);
        events.publish(new ObjectionRecorded(subject, key, ObjectionStatus.OBJECTED, Actor.subject(), at));
        return new Done<>(step, next);
      });
      done.collect(objected, kept, purpose);
    }
    Done<GpcSignalRecord> recorded = retrying(subject, InMemoryGpcStore.HISTORY, () -> {
      List<GpcSignalRecord> history = store.history(subject);
      if (!history.isEmpty() && withdrawn.isEmpty() && objected.isEmpty()) {
        return new Done<>(Step.NOTHING, null); // not the first signal, and it changed nothing (GPC Appendix A)
      }
      GpcSignalRecord next = new GpcSignalRecord(subject, history.size() + 1L, now, signal.source(),
          signal.origin(), userAgentHash(signal), withdrawn.stream().map(ConsentEvent::purpose).toList(),
          objected.stream().map(ObjectionChange::purpose).toList());
      store.append(next);
      events.publish(GpcSignalRecorded.of(next));
      return new Done<>(Step.WRITE, next);
    });
    return new GpcOutcome(recorded.written(), withdrawn, objected, kept);
  }

  private @Nullable String userAgentHash(GpcSignal signal) {
    String userAgent = signal.userAgent();
    return userAgent == null ? null : pseudonyms.pseudonym(USER_AGENT_LABEL, userAgent.getBytes(StandardCharsets.UTF_8));
  }

  /** What one check-and-write did: its step, and what it wrote when the step was {@link Step#WRITE}. */
  private record Done<T>(Step step, @Nullable T written) {

    void collect(List<T> writes, List<String> kept, Purpose purpose) {
      if (step == Step.KEEP) {
        kept.add(purpose.id());
      } else if (written != null) {
        writes.add(written);
      }
    }
  }

  /** What one mapped purpose needs. */
  private enum Step { NOTHING, KEEP, WRITE }

  private Step withdrawalStep(@Nullable ConsentState state, Instant presented) {
    if (state == null || !ConsentState.takesEffect(state.status(), ConsentEventType.WITHDRAWN)) {
      return Step.NOTHING; // never given, or withdrawn or expired already: the signal's effect is on record
    }
    if (policy.conflictRule() == GpcConflictRule.LATEST_DIRECT_CHOICE_WINS && !state.since().isBefore(presented)) {
      return Step.KEEP; // given directly after the signal was presented
    }
    return Step.WRITE;
  }

  private Step objectionStep(@Nullable ObjectionChange last, Instant presented) {
    if (last == null) {
      return Step.WRITE;
    }
    if (last.status() != ObjectionStatus.WITHDRAWN) {
      return Step.NOTHING; // objected already, or overridden by compelling grounds (Art. 21(1)), which stands
    }
    if (policy.conflictRule() == GpcConflictRule.LATEST_DIRECT_CHOICE_WINS && !last.changedAt().isBefore(presented)) {
      return Step.KEEP; // the person withdrew the objection after the signal was presented
    }
    return Step.WRITE;
  }

  private static @Nullable ObjectionChange last(List<ObjectionChange> history, String purpose) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).purpose().equals(purpose)) {
        return history.get(i);
      }
    }
    return null;
  }

  /** Returns when the subject's first signal was recorded; {@code now} when this is the first. */
  private static Instant firstPresented(List<GpcSignalRecord> history, Instant now) {
    return history.isEmpty() ? now : history.get(0).receivedAt();
  }

  /**
   * Runs one check and the write it guards, again on fresh state whenever a writer elsewhere took the next place in
   * the history first and the store refused the stale sequence.
   */
  private static <T> Done<T> retrying(SubjectId subject, String history, Supplier<Done<T>> checkAndWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        return checkAndWrite.get();
      } catch (ConsentConflictException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw ConsentConflictException.retriesExhausted(subject, history, attempt);
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000L << Math.min(attempt, 10)));
      }
    }
  }

  /**
   * Returns the direct choices that stand when the signal writes nothing, or {@code null} when it would write,
   * judged from one read of each store outside any unit of work.
   */
  private @Nullable List<String> keptWithoutWrites(SubjectId subject, Instant now) {
    List<GpcSignalRecord> history = store.history(subject);
    if (history.isEmpty()) {
      return null; // the first signal of a subject is always recorded
    }
    Instant presented = firstPresented(history, now);
    SubjectConsents current = consents.current(subject);
    List<String> kept = new ArrayList<>(0);
    for (Purpose purpose : withdrawals) {
      Step step = withdrawalStep(current.state(purpose.id()), presented);
      if (step == Step.WRITE) {
        return null;
      }
      if (step == Step.KEEP) {
        kept.add(purpose.id());
      }
    }
    List<ObjectionChange> objectionHistory = null;
    for (Purpose purpose : objections) {
      ObjectionStatus status = current.objection(purpose.id());
      if (status == null) {
        return null;
      }
      if (status == ObjectionStatus.WITHDRAWN) {
        objectionHistory = objectionHistory != null ? objectionHistory : consents.objectionHistory(subject);
        Step step = objectionStep(last(objectionHistory, purpose.id()), presented);
        if (step == Step.WRITE) {
          return null;
        }
        if (step == Step.KEEP) {
          kept.add(purpose.id());
        }
      }
    }
    return kept;
  }
}
