package io.gdprkit.decision.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.consent.spi.DecisionMemo;
import io.gdprkit.decision.AutomatedDecisionNotice;
import io.gdprkit.decision.CampaignCheck;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.decision.Guard;
import io.gdprkit.decision.HistoricalDecision;
import io.gdprkit.decision.HistoryErasedException;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.AutomatedDecision;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.ErasureGate;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Decides from the consent store's materialised state, with each purpose compiled once into what the hot
 * path needs: its basis, its switches as an array, and its allowing decision; and decides for a past instant from
 * the state rebuilt out of the histories, by the same rules ({@link #evaluate}).
 *
 * <p>On a store that is also a {@link DecisionMemo} (a cache), the rules run once per cached snapshot, for every
 * declared purpose at once, and the store holds the result, {@link CompiledVerdicts}: a decision served from the cache
 * is then an array read in an object that every subject with the same decisions shares, instead of a walk through the
 * subject's own snapshot. The verdicts hold for a window of time that ends at the next expiry of a granted consent;
 * the clock is read only for a subject whose consents expire, as on the snapshot path.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultDecisionService implements DecisionService, Guard {

  private static final ProcessingSwitch[] NO_SWITCHES = new ProcessingSwitch[0];

  private final ConsentStore store;
  private final Clock clock;
  private final ErasureGate erasureGate;
  private static final int IDENTITY_SCAN = 8;
  /** How many distinct verdict arrays are shared between subjects at most; past it each subject gets its own. */
  private static final int MAX_SHARED_VERDICTS = 4096;

  private final Map<String, CompiledPurpose> compiled;
  private final String[] scanIds;
  private final CompiledPurpose[] scanTargets;
  private final boolean[] switchDefaults;
  /** Every declared purpose, at its {@link CompiledPurpose#index}. */
  private final CompiledPurpose[] byIndex;
  private final @Nullable DecisionMemo memo;
  /** Verdicts without a time window, one object per distinct decision array, so that subjects share them. */
  private final Map<List<Decision>, CompiledVerdicts> sharedVerdicts = new ConcurrentHashMap<>();

  /**
   * Creates the service.
   *
   * @param switchDefault the kit's setting of each switch for subjects that never set it
   * @param erasureGate tells {@code decideAt} when a subject was erased in full; {@link ErasureGate#OPEN} without
   *     erasure
   */
  public DefaultDecisionService(ConsentStore store, PurposeRegistry purposes, Clock clock,
      Predicate<ProcessingSwitch> switchDefault, ErasureGate erasureGate) {
    this.store = store;
    this.clock = clock;
    this.erasureGate = Preconditions.notNull(erasureGate, "erasureGate");
    Map<String, CompiledPurpose> byId = new HashMap<>();
    List<Purpose> all = purposes.all();
    this.byIndex = new CompiledPurpose[all.size()];
    for (int i = 0; i < byIndex.length; i++) {
      byIndex[i] = new CompiledPurpose(all.get(i), i);
      byId.put(byIndex[i].id, byIndex[i]);
    }
    this.compiled = byId;
    this.memo = store instanceof DecisionMemo held ? held : null;
    List<Purpose> first = purposes.all().subList(0, Math.min(IDENTITY_SCAN, purposes.all().size()));
    this.scanIds = first.stream().map(Purpose::id).toArray(String[]::new);
    this.scanTargets = first.stream().map(p -> byId.get(p.id())).toArray(CompiledPurpose[]::new);
    ProcessingSwitch[] switches = ProcessingSwitch.values();
    this.switchDefaults = new boolean[switches.length];
    for (ProcessingSwitch processingSwitch : switches) {
      switchDefaults[processingSwitch.ordinal()] = switchDefault.test(processingSwitch);
    }
  }

  @Override
  public Decision decide(SubjectId subject, String purpose) {
    CompiledPurpose target = declared(purpose);
    DecisionMemo cache = memo;
    if (cache != null) {
      return memoised(cache, target, purpose, Preconditions.notNull(subject, "subject"));
    }
    return evaluate(target, purpose, store.current(Preconditions.notNull(subject, "subject")), clock);
  }

  /**
   * Decides from the verdicts the store holds for the subject, having them worked out and held first when it holds
   * none; a separate method, so that {@link #decide} on a store without a memo stays as small as it was.
   */
  private Decision memoised(DecisionMemo cache, CompiledPurpose target, String purpose, SubjectId subject) {
    DecisionMemo.Verdicts held = cache.verdicts(subject);
    if (held == null) {
      held = cache.load(subject, this::verdicts);
    }
    // another kit's verdicts, or a window the clock has left: the rules on the snapshot answer instead
    if (held instanceof CompiledVerdicts verdicts && verdicts.rules == this && verdicts.covers(clock)) {
      return verdicts.decisions[target.index];
    }
    return evaluate(target, purpose, store.current(subject), clock);
  }

  /**
   * Works out the decision for every declared purpose from one snapshot, by {@link #evaluate the rules}, at the
   * clock's time now, and the window around now for which they hold: from the latest expiry of a granted consent that
   * has passed to the next one to come. A snapshot with no expiring consent gives verdicts that hold at any time, and
   * those are shared by every subject with the same decisions. Runs on a cache miss only, so it may allocate.
   */
  private CompiledVerdicts verdicts(SubjectConsents snapshot) {
    long at = clock.millis();
    long from = Long.MIN_VALUE;
    long until = Long.MAX_VALUE;
    boolean timed = false;
    for (ConsentState state : snapshot.states().values()) {
      Instant expiry = state.expiresAt();
      if (state.status() == ConsentStatus.GRANTED && expiry != null) {
        timed = true;
        long millis = expiry.toEpochMilli();
        if (millis <= at) {
          from = Math.max(from, millis);
        } else {
          until = Math.min(until, millis);
        }
      }
    }
    Clock stopped = Clock.fixed(Instant.ofEpochMilli(at), ZoneOffset.UTC);
    Decision[] decisions = new Decision[byIndex.length];
    for (CompiledPurpose purpose : byIndex) {
      decisions[purpose.index] = evaluate(purpose, purpose.id, snapshot, stopped);
    }
    if (timed) {
      return new CompiledVerdicts(this, decisions, true, from, until);
    }
    List<Decision> key = List.of(decisions);
    CompiledVerdicts shared = sharedVerdicts.get(key);
    if (shared != null) {
      return shared;
    }
    CompiledVerdicts made = new CompiledVerdicts(this, decisions, false, from, until);
    if (sharedVerdicts.size() >= MAX_SHARED_VERDICTS) {
      return made; // an unusual spread of decisions: stop sharing rather than grow without bound
    }
    CompiledVerdicts raced = sharedVerdicts.putIfAbsent(key, made);
    return raced != null ? raced : made;
  }

  @Override
  public HistoricalDecision decideAt(SubjectId subject, String purpose, Instant at) {
    CompiledPurpose target = declared(purpose);
    Preconditions.notNull(subject, "subject");
    past(at, "at");
    return then(subject, target, at);
  }

  @Override
  public CampaignCheck checkCampaign(Collection<SubjectId> subjects, String purpose, Instant sentAt) {
    CompiledPurpose target = declared(purpose);
    Preconditions.notNull(subjects, "subjects");
    if (subjects.size() > CampaignCheck.MAX_SUBJECTS) {
      throw InvalidInputException.of("subjects", "must hold at most " + CampaignCheck.MAX_SUBJECTS
          + " subjects a call; check a larger campaign batch by batch");
    }
    past(sentAt, "sentAt");
    List<SubjectId> batch = new ArrayList<>(subjects.size());
    for (SubjectId subject : subjects) {
      batch.add(Preconditions.notNull(subject, "subject"));
    }
    List<HistoricalDecision> allowed = new ArrayList<>();
    List<HistoricalDecision> denied = new ArrayList<>();
    List<CampaignCheck.Erased> erased = new ArrayList<>();
    for (SubjectId subject : batch) {
      try {
        HistoricalDecision decision = then(subject, target, sentAt);
        (decision.allowed() ? allowed : denied).add(decision);
      } catch (HistoryErasedException gone) {
        erased.add(new CampaignCheck.Erased(subject, gone.erasedAt(), gone.erasedBefore()));
      }
    }
    return new CampaignCheck(target.id, sentAt, allowed, denied, erased);
  }

  /**
   * Decides for a past instant: the same {@link #evaluate rules} on the state rebuilt from the histories, at a clock
   * stopped at that instant.
   *
   * <p>The histories are read before the tombstone: an erasure clears them and writes the tombstone in one unit of
   * work, so histories read after it are followed by its tombstone, and an erasure that commits between the reads
   * only turns an answer into the erased error.
   *
   * @throws HistoryErasedException if the subject was erased in full and its ledger cannot answer for {@code at}
   */
  private HistoricalDecision then(SubjectId subject, CompiledPurpose target, Instant at) {
    LedgerAt ledger = LedgerAt.of(store.historyUntil(subject, at), store.switchHistory(subject),
        store.restrictionHistory(subject), store.objectionHistory(subject), at);
    Optional<ErasureGate.Erased> erased = erasureGate.erasure(subject);
    if (erased.isPresent() && !erased.get().ledgerCovers(at)) {
      throw HistoryErasedException.of(subject, at, erased.get().at());
    }
    Decision decision = evaluate(target, target.id, ledger.state(), Clock.fixed(at, ZoneOffset.UTC));
    return new HistoricalDecision(subject, target.id, at, decision, ledger.consent(target.id), ledger.restriction(),
        objectionEvidence(target, ledger), ledger.switches(target.switches));
  }

  /**
   * Returns the objection change a past decision rests on: for a direct-marketing purpose, the objection to direct
   * marketing as a whole when it stood then (Art. 21(3)), else the last change of the purpose's own objection, else
   * the last change of the objection to direct marketing.
   */
  private static @Nullable ObjectionChange objectionEvidence(CompiledPurpose target, LedgerAt ledger) {
    ObjectionChange own = ledger.objection(target.id);
    if (!target.directMarketing) {
      return own;
    }
    ObjectionChange whole = ledger.objection(ObjectionChange.DIRECT_MARKETING);
    return whole != null && (whole.status() == ObjectionStatus.OBJECTED || own == null) ? whole : own;
  }

  /** Refuses an instant out of range or after the kit clock's current time: the past is all there is to check. */
  private void past(Instant at, String field) {
    Bounds.instant(at, field);
    if (at.isAfter(clock.instant())) {
      throw InvalidInputException.of(field, "must not be in the future: the ledger has nothing to say about it yet;"
          + " decide(subject, purpose) answers for now");
    }
  }

  private CompiledPurpose declared(String purpose) {
    CompiledPurpose target = find(Preconditions.notNull(purpose, "purpose"));
    if (target == null) {
      throw UnknownPurposeException.of(Preconditions.notBlank(purpose, "purpose"));
    }
    return target;
  }

  /**
   * The decision rules, once, for now and for the past: a function of the purpose, the subject's state and the time
   * alone, which {@code time} gives and which is read only for a granted consent with an expiry. {@link #decide}
   * passes the store's snapshot and the kit clock; {@link #decideAt} the snapshot rebuilt for an instant and a clock
   * stopped at it. In order, each step able to deny:
   * <ol>
   *   <li>restriction (Art. 18(2)): a restricted subject's data is only stored;</li>
   *   <li>the {@link #objection objection step} (Art. 21), before consent: an objection to direct marketing stops
   *       every direct-marketing purpose, on consent too (Art. 21(3));</li>
   *   <li>for a purpose on consent, the consent (Art. 6(1)(a), 7): granted and unexpired; Art. 21 gives no objection
   *       to a consent purpose that is not direct marketing, whose remedy is a withdrawal, in the ledger;</li>
   *   <li>the switches the purpose requires (profiling, tracking).</li>
   * </ol>
   * Allocation-free: every result is an interned {@link Decision}.
   */
  private Decision evaluate(CompiledPurpose target, String purpose, SubjectConsents state, Clock time) {
    if (state.isRestricted()) {
      return Decision.of(DecisionReason.RESTRICTED, target.basis);
    }
    Decision allow = objection(target, purpose, state);
    if (!allow.allowed()) {
      return allow;
    }
    if (target.needsConsent) {
      ConsentStatus status = state.statusAt(purpose, time);
      if (status != ConsentStatus.GRANTED) {
        return Decision.of(denial(status), LegalBasis.CONSENT);
      }
    }
    return switches(target, state, allow);
  }

  /**
   * The objection step (Art. 21), {@link ObjectionRule} on the objections that bear on the purpose: its own and, for a
   * direct-marketing purpose, the objection to direct marketing as a whole. Returns the denial when one stands, the
   * decision that allows on {@link DecisionReason#COMPELLING_GROUNDS} or {@link DecisionReason#LEGAL_CLAIMS} when the
   * controller recorded them (Art. 21(1); never for direct marketing, Art. 21(3)), or else the purpose's allowing
   * decision.
   */
  private static Decision objection(CompiledPurpose target, String purpose, SubjectConsents state) {
    if (!target.objectable) {
      return target.allow;
    }
    DecisionReason reason = ObjectionRule.reason(target.needsConsent, target.directMarketing, state.objection(purpose),
        target.directMarketing ? state.objection(ObjectionChange.DIRECT_MARKETING) : null);
    return reason == null ? target.allow : Decision.of(reason, target.basis);
  }

  /** The switch step: each switch the purpose requires must be on, as the subject set it or by the kit's default. */
  private Decision switches(CompiledPurpose target, SubjectConsents state, Decision allow) {
    for (ProcessingSwitch required : target.switches) {
      Boolean setting = state.switchSetting(required);
      boolean on = setting != null ? setting : switchDefaults[required.ordinal()];
      if (!on) {
        return Decision.of(required == ProcessingSwitch.PROFILING ? DecisionReason.PROFILING_OFF
            : DecisionReason.TRACKING_OFF, target.basis);
      }
    }
    return allow;
  }

  /**
   * Finds a purpose: callers mostly pass the very string constant they declared it with, so a few reference
   * comparisons usually answer before any hashing; fewer instructions per decision let the processor overlap
   * the memory reads of consecutive decisions.
   */
  private @Nullable CompiledPurpose find(String purpose) {
    String[] ids = scanIds;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == purpose) {
        return scanTargets[i];
      }
    }
    return compiled.get(purpose);
  }

  private static DecisionReason denial(@Nullable ConsentStatus status) {
    if (status == null) {
      return DecisionReason.NO_CONSENT;
    }
    return switch (status) {
      case PENDING -> DecisionReason.CONSENT_PENDING;
      case WITHDRAWN -> DecisionReason.CONSENT_WITHDRAWN;
      case EXPIRED -> DecisionReason.CONSENT_EXPIRED;
      case GRANTED -> throw new IllegalStateException("a granted consent is no denial");
    };
  }

  @Override
  public Optional<AutomatedDecisionNotice> automatedDecision(String purpose) {
    CompiledPurpose target = find(Preconditions.notNull(purpose, "purpose"));
    if (target == null) {
      throw UnknownPurposeException.of(Preconditions.notBlank(purpose, "purpose"));
    }
    return target.automatedDecision;
  }

  @Override
  public Decision require(SubjectId subject, String purpose) {
    Decision decision = decide(subject, purpose);
    if (!decision.allowed()) {
      throw ProcessingNotPermittedException.of(subject, purpose, decision);
    }
    return decision;
  }

  /**
   * The decisions of one subject for every declared purpose, by {@link CompiledPurpose#index}, as the rules of one
   * service gave them, valid from {@code from} (inclusive) until {@code until} (exclusive) on the kit clock when
   * {@code timed}, else at any time. Immutable; compared by identity.
   */
  private static final class CompiledVerdicts implements DecisionMemo.Verdicts {
    final DefaultDecisionService rules;
    final Decision[] decisions;
    final boolean timed;
    final long from;
    final long until;

    CompiledVerdicts(DefaultDecisionService rules, Decision[] decisions, boolean timed, long from, long until) {
      this.rules = rules;
      this.decisions = decisions;
      this.timed = timed;
      this.from = from;
      this.until = until;
    }

    /** Whether they hold now; reads the clock only when they are timed. */
    boolean covers(Clock clock) {
      if (!timed) {
        return true;
      }
      long now = clock.millis();
      return now >= from && now < until;
    }
  }

  private static final class CompiledPurpose {
    final String id;
    /** Its place among the declared purposes, in the order they were declared. */
    final int index;
    final boolean needsConsent;
    final boolean directMarketing;
    /** Whether an objection can bear on it: direct marketing on any basis, or a basis other than consent. */
    final boolean objectable;
    final LegalBasis basis;
    final ProcessingSwitch[] switches;
    final Decision allow;
    // Art. 22(3): made once, so that handing it out allocates nothing
    final Optional<AutomatedDecisionNotice> automatedDecision;

    CompiledPurpose(Purpose purpose, int index) {
      this.id = purpose.id();
      this.index = index;
      this.needsConsent = purpose.needsConsent();
      this.directMarketing = purpose.directMarketing();
      this.objectable = directMarketing || !needsConsent;
      this.basis = purpose.legalBasis();
      this.switches = purpose.requiredSwitches().isEmpty() ? NO_SWITCHES
          : purpose.requiredSwitches().stream().sorted().toArray(ProcessingSwitch[]::new);
      this.allow = Decision.of(needsConsent ? DecisionReason.CONSENT_GIVEN : DecisionReason.LEGAL_BASIS, basis);
      AutomatedDecision declared = purpose.automatedDecision();
      this.automatedDecision = declared == null ? Optional.empty() : Optional.of(new AutomatedDecisionNotice(
          purpose.id(), Preconditions.notNull(declared.groundFor(basis), "Art. 22(2) ground"), declared.humanReview(),
          declared.authorisingLaw()));
    }
  }
}
