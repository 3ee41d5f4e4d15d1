package io.gdprkit.decision.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.spi.ConsentStore;
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
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Decides from the consent store's materialised state, with each purpose compiled once into what the hot
 * path needs: its basis, its switches as an array, and its allowing decision; and decides for a past instant from
 * the state rebuilt out of the histories, by the same rules ({@link #evaluate}).
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

  private final Map<String, CompiledPurpose> compiled;
  private final String[] scanIds;
  private final CompiledPurpose[] scanTargets;
  private final boolean[] switchDefaults;

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
    for (Purpose purpose : purposes.all()) {
      byId.put(purpose.id(), new CompiledPurpose(purpose));
    }
    this.compiled = byId;
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
    return evaluate(target, purpose, store.current(Preconditions.notNull(subject, "subject")), clock);
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

  private static final class CompiledPurpose {
    final String id;
    final boolean needsConsent;
    final boolean directMarketing;
    /** Whether an objection can bear on it: direct marketing on any basis, or a basis other than consent. */
    final boolean objectable;
    final LegalBasis basis;
    final ProcessingSwitch[] switches;
    final Decision allow;
    // Art. 22(3): made once, so that handing it out allocates nothing
    final Optional<AutomatedDecisionNotice> automatedDecision;

    CompiledPurpose(Purpose purpose) {
      this.id = purpose.id();
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
