package io.gdprkit.decision.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.decision.AutomatedDecisionNotice;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.decision.Guard;
import io.gdprkit.decision.ProcessingNotPermittedException;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.AutomatedDecision;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Decides from the consent store's materialised state, with each purpose compiled once into what the hot
 * path needs: its basis, its switches as an array, and its allowing decision.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultDecisionService implements DecisionService, Guard {

  private static final ProcessingSwitch[] NO_SWITCHES = new ProcessingSwitch[0];

  private final ConsentStore store;
  private final Clock clock;
  private static final int IDENTITY_SCAN = 8;

  private final Map<String, CompiledPurpose> compiled;
  private final String[] scanIds;
  private final CompiledPurpose[] scanTargets;
  private final boolean[] switchDefaults;

  /**
   * Creates the service.
   *
   * @param switchDefault the kit's setting of each switch for subjects that never set it
   */
  public DefaultDecisionService(ConsentStore store, PurposeRegistry purposes, Clock clock,
      Predicate<ProcessingSwitch> switchDefault) {
    this.store = store;
    this.clock = clock;
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
    CompiledPurpose target = find(Preconditions.notNull(purpose, "purpose"));
    if (target == null) {
      throw UnknownPurposeException.of(Preconditions.notBlank(purpose, "purpose"));
    }
    SubjectConsents consents = store.current(Preconditions.notNull(subject, "subject"));
    if (consents.isRestricted()) {
      return Decision.of(DecisionReason.RESTRICTED, target.basis);
    }
    Decision allow = target.allow;
    if (target.needsConsent) {
      ConsentStatus status = consents.statusAt(purpose, clock);
      if (status != ConsentStatus.GRANTED) {
        return Decision.of(denial(status), LegalBasis.CONSENT);
      }
    } else {
      ObjectionStatus objection = consents.objection(purpose);
      if (objection == ObjectionStatus.OBJECTED || objection == ObjectionStatus.OVERRIDDEN && target.directMarketing) {
        return Decision.of(DecisionReason.OBJECTED, target.basis);
      }
      if (objection == ObjectionStatus.OVERRIDDEN) {
        allow = Decision.of(DecisionReason.COMPELLING_GROUNDS, target.basis);
      }
    }
    for (ProcessingSwitch required : target.switches) {
      Boolean setting = consents.switchSetting(required);
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
    final boolean needsConsent;
    final boolean directMarketing;
    final LegalBasis basis;
    final ProcessingSwitch[] switches;
    final Decision allow;
    // Art. 22(3): made once, so that handing it out allocates nothing
    final Optional<AutomatedDecisionNotice> automatedDecision;

    CompiledPurpose(Purpose purpose) {
      this.needsConsent = purpose.needsConsent();
      this.directMarketing = purpose.directMarketing();
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
