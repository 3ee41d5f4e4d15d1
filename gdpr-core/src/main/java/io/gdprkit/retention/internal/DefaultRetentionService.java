package io.gdprkit.retention.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentAlreadyGrantedException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureService;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventListener;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.retention.Campaign;
import io.gdprkit.retention.CampaignReport;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.retention.RetentionService;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps due subjects rule by rule and campaign by campaign, claiming each with this instance's id and a lease
 * before erasing it and marking it done after: a sweep on another instance skips what is claimed, and takes over a
 * subject whose sweep died once its lease ran out (Issue 9).
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRetentionService implements RetentionService, GdprEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRetentionService.class);

  private final RetentionStore store;
  private final List<RetentionRule> rules;
  private final ConsentService consents;
  private final ErasureService erasure;
  private final PurposeRegistry purposes;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final java.util.concurrent.atomic.AtomicLong sweeps = new java.util.concurrent.atomic.AtomicLong();

  /** Forgets the subject's retention clocks and campaign entries once an erasure of everything committed. */
  @Override
  public void on(GdprEvent event) {
    if (event instanceof SubjectErased erased && erased.everything()) {
      store.erase(erased.subject());
    }
  }

  /**
   * Creates the service and checks the rules.
   *
   * @param owner this kit instance's id in the store's claims
   * @param lease how long a sweep holds a subject it claimed; another instance takes it over after that
   * @throws InvalidInputException if two rules share an id
   * @throws io.gdprkit.purpose.UnknownPurposeException if a rule names an undeclared purpose
   */
  public DefaultRetentionService(RetentionStore store, List<RetentionRule> rules, ConsentService consents,
      ErasureService erasure, PurposeRegistry purposes, Clock clock, String owner, Duration lease) {
    this.owner = Preconditions.notBlank(owner, "owner");
    this.lease = Preconditions.notNull(lease, "lease");
    Set<String> ids = new HashSet<>();
    for (RetentionRule rule : rules) {
      Preconditions.check(ids.add(rule.id()), "retention rule", Messages.quote(rule.id()) + " is declared twice");
      if (rule.purpose() != null) {
        purposes.get(rule.purpose());
      }
    }
    this.store = store;
    this.rules = List.copyOf(rules);
    this.consents = consents;
    this.erasure = erasure;
    this.purposes = purposes;
    this.clock = clock;
  }

  @Override
  public List<RetentionRule> rules() {
    return rules;
  }

  @Override
  public void recordActivity(SubjectId subject, Instant at) {
    store.recordActivity(Preconditions.notNull(subject, "subject"), Bounds.instant(at, "at"));
  }

  @Override
  public Optional<Instant> lastActivity(SubjectId subject) {
    return store.lastActivity(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public CampaignReport startCampaign(String id, String purposeId, Stream<SubjectId> subjects, Duration window,
      Consumer<PendingConsent> invite) {
    Preconditions.notNull(subjects, "subjects");
    Preconditions.notNull(invite, "invite");
    Bounds.positive(window, "window");
    Purpose purpose = purposes.get(purposeId);
    if (!purpose.needsConsent()) {
      throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT,
          "ask for renewed consent to");
    }
    Instant now = clock.instant();
    Campaign campaign = new Campaign(id, purpose.id(), now, now.plus(window));
    if (!store.addCampaign(campaign)) {
      throw InvalidInputException.of("campaign", Messages.quote(id) + " already exists");
    }
    ConsentProof proof = ConsentProof.builder(ConsentChannel.EMAIL_DOUBLE_OPT_IN)
        .recordedBy(Actor.system("campaign-" + id)).build();
    long invited = 0;
    long granted = 0;
    try (subjects) {
      for (SubjectId subject : (Iterable<SubjectId>) subjects::iterator) {
        ConsentState state = consents.current(subject).state(purpose.id());
        if (state != null && state.isValidAt(now.toEpochMilli())) {
          granted++;
          continue;
        }
        try {
          PendingConsent pending = consents.requestConfirmation(subject, purpose.id(), proof);
          store.addMember(campaign.id(), subject);
          invite.accept(pending);
          invited++;
        } catch (ConsentAlreadyGrantedException grantedMeanwhile) {
          granted++;
        }
      }
    }
    LOG.info("re-permission campaign {} asked {} subjects; {} had consent already", id, invited, granted);
    return new CampaignReport(campaign, invited, granted);
  }

  @Override
  public List<Campaign> campaigns() {
    return store.campaigns();
  }

  @Override
  public SweepReport sweep(int batchSize) {
    Preconditions.positive(batchSize, "batchSize");
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(lease);
    // one owner per sweep, so that two threads of this instance never take each other's subjects either
    String owner = this.owner + '#' + sweeps.incrementAndGet();
    Map<String, Long> byRule = new LinkedHashMap<>();
    Map<String, Long> erased = new LinkedHashMap<>();
    Map<String, Long> kept = new LinkedHashMap<>();
    long failed = 0;
    boolean more = false;
    for (RetentionRule rule : rules) {
      List<SubjectId> due = store.due(rule.id(), now.minus(rule.keep()), null, batchSize);
      more |= due.size() == batchSize;
      List<SubjectId> claimed = new ArrayList<>();
      for (SubjectId subject : due) {
        if (store.claim(rule.id(), subject, owner, now, leaseUntil)) {
          claimed.add(subject); // else another sweep holds it or processed it
        }
      }
      // one batch: the providers erase the claimed subjects together, each with a job of its own
      Map<SubjectId, ErasureReport> completed = erasure.eraseAll(claimed, rule.scope());
      long done = 0;
      for (SubjectId subject : claimed) {
        if (completed.containsKey(subject)) {
          store.complete(rule.id(), subject, owner);
          done++;
        } else {
          // the erasure job stays pending and resumes; the next sweep may claim the subject again
          store.release(rule.id(), subject, owner);
          failed++;
        }
      }
      byRule.put(rule.id(), done);
    }
    for (Campaign campaign : store.campaigns()) {
      if (now.isBefore(campaign.deadline())) {
        continue;
      }
      List<SubjectId> members = store.members(campaign.id(), null, batchSize);
      more |= members.size() == batchSize;
      long erasedHere = 0;
      long keptHere = 0;
      List<SubjectId> unanswered = new ArrayList<>();
      for (SubjectId subject : members) {
        if (!store.claimMember(campaign.id(), subject, owner, now, leaseUntil)) {
          continue;
        }
        ConsentState state = consents.current(subject).state(campaign.purpose());
        boolean answered = state != null && state.isValidAt(now.toEpochMilli())
            && !state.since().isBefore(campaign.startedAt());
        if (answered) {
          store.completeMember(campaign.id(), subject, owner);
          keptHere++;
        } else {
          unanswered.add(subject);
        }
      }
      Map<SubjectId, ErasureReport> completed = erasure.eraseAll(unanswered);
      for (SubjectId subject : unanswered) {
        if (completed.containsKey(subject)) {
          store.completeMember(campaign.id(), subject, owner);
          erasedHere++;
        } else {
          store.releaseMember(campaign.id(), subject, owner);
          failed++;
        }
      }
      erased.put(campaign.id(), erasedHere);
      kept.put(campaign.id(), keptHere);
    }
    // Art. 17(3): what erasures kept until a date that has passed is erased now, in the same bounded batches
    long released = erasure.releaseHeld(batchSize).size();
    more |= released == batchSize;
    SweepReport report = new SweepReport(byRule, erased, kept, failed, more, released);
    LOG.info("retention sweep processed {} subjects, {} failed, more due: {}", report.processed(), failed, more);
    return report;
  }
}
