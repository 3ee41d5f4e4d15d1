package io.gdprkit.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.consent.BulkUpdate;
import io.gdprkit.consent.BulkUpdateReport;
import io.gdprkit.consent.ConsentAlreadyGrantedException;
import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentEventType;
import io.gdprkit.consent.ConsentNotGrantedException;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentChanged;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.consent.OutdatedConsentException;
import io.gdprkit.consent.PendingConsent;
import io.gdprkit.consent.RecordedIp;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.SwitchChanged;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.TokenSigner;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.IpAddresses;
import io.gdprkit.subject.ErasureGate;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.LegalBasisMismatchException;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.source.SourceTag;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent service over a {@link ConsentStore}: validates, builds events, and retries on a lost race.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultConsentService implements ConsentService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultConsentService.class);
  private static final int MAX_ATTEMPTS = 64;
  private static final int LOCK_STRIPES = 256;
  private static final String DOI_TOKEN = "doi1";
  private static final String IP_HASH_LABEL = "ip-hash";

  private final ConsentStore store;
  private final SourceStore sources;
  private final PurposeRegistry purposes;
  private final Clock clock;
  private final KeyRing keys;
  private final PseudonymKey pseudonyms;
  private final TokenSigner confirmationTokens;
  private final Settings settings;
  private final ErasureGate erasureGate;
  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;
  /** Queues this JVM's writers of one subject and purpose, for speed only: the store's sequence check decides. */
  private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];

  /**
   * The service's settings.
   *
   * @param ipPolicy what is kept of IP addresses in proofs
   * @param confirmationValidity how long a double opt-in token verifies
   * @param switchDefaults the state of each switch for a subject that never set it
   * @param conditions what a consent must meet beyond its purpose's basis: explicit (Art. 9(2)(a), 22(2)(c)) and, for
   *     a child, authorised by the holder of parental responsibility (Art. 8)
   */
  public record Settings(IpPolicy ipPolicy, Duration confirmationValidity, Map<ProcessingSwitch, Boolean> switchDefaults,
      ConsentConditions conditions) {

    /** Settings with {@link ConsentConditions#defaults()}. */
    public Settings(IpPolicy ipPolicy, Duration confirmationValidity, Map<ProcessingSwitch, Boolean> switchDefaults) {
      this(ipPolicy, confirmationValidity, switchDefaults, ConsentConditions.defaults());
    }

    public Settings {
      Preconditions.notNull(conditions, "conditions");
      Preconditions.notNull(ipPolicy, "ip policy");
      Preconditions.check(confirmationValidity.compareTo(Duration.ofMinutes(1)) >= 0, "confirmation validity",
          "must be at least one minute");
      Bounds.notLonger(confirmationValidity, "confirmation validity");
      switchDefaults = Map.copyOf(switchDefaults);
    }
  }

  public DefaultConsentService(ConsentStore store, SourceStore sources, PurposeRegistry purposes, Clock clock,
      KeyRing keys, PseudonymKey pseudonyms, Settings settings, UnitOfWork unitOfWork, GdprEventPublisher events,
      ErasureGate erasureGate) {
    this.erasureGate = Preconditions.notNull(erasureGate, "erasureGate");
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
    this.store = store;
    this.sources = sources;
    this.purposes = purposes;
    this.clock = clock;
    this.keys = keys;
    this.pseudonyms = pseudonyms;
    this.confirmationTokens = TokenSigner.of(keys, DOI_TOKEN);
    this.settings = settings;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Publishes that {@code event} was stored, in the unit of work that stored it. */
  private void recorded(ConsentEvent event) {
    events.publish(ConsentChanged.of(event));
  }

  @Override
  public ConsentEvent grant(SubjectId subject, String purpose, ConsentProof proof) {
    return grantAt(subject, purpose, proof, null);
  }

  @Override
  public ConsentEvent grant(SubjectId subject, String purpose, ConsentProof proof, Instant occurredAt) {
    return grantAt(subject, purpose, proof, Preconditions.notNull(occurredAt, "occurredAt"));
  }

  private ConsentEvent grantAt(SubjectId subject, String purposeId, ConsentProof proof, @Nullable Instant occurredAt) {
    Preconditions.notNull(subject, "subject");
    Purpose purpose = consentPurpose(purposeId, "grant consent for");
    if (occurredAt != null) {
      notInFuture(Bounds.instant(occurredAt, "occurredAt"), clock.instant(), "occurredAt");
    }
    Instant givenAt = occurredAt != null ? occurredAt : clock.instant();
    ConsentProof kept = reduce(Preconditions.notNull(proof, "proof"), givenAt);
    settings.conditions().check(subject, purpose, kept, givenAt);
    ConsentEvent event = unitOfWork.run("grant consent", () -> {
      ConsentEvent granted = appendWithRetry(subject, purpose, current -> {
        // Read under the subject's lock, so that a live grant is never stamped before the event it follows.
        Instant now = clock.instant();
        Instant at = occurredAt == null ? now : occurredAt;
        if (occurredAt != null && current != null && current.since().isAfter(occurredAt)) {
          throw OutdatedConsentException.of(subject, purpose.id(), current.since());
        }
        return newEvent(subject, purpose, ConsentEventType.GRANTED, current, at, now, kept, expiry(purpose, at));
      });
      tagSource(subject, kept, granted.recordedAt());
      return granted;
    });
    LOG.debug("consent granted for purpose {}", purposeId);
    return event;
  }

  @Override
  public PendingConsent requestConfirmation(SubjectId subject, String purposeId, ConsentProof proof) {
    Preconditions.notNull(subject, "subject");
    Purpose purpose = consentPurpose(purposeId, "request confirmation of");
    Instant now = clock.instant();
    ConsentProof kept = reduce(Preconditions.notNull(proof, "proof"), now);
    settings.conditions().check(subject, purpose, kept, now);
    // Before anything is written: a failure here must not leave a pending consent without a token.
    Instant tokenExpiresAt = Bounds.instant(now, "clock").plus(settings.confirmationValidity());
    ConsentEvent event = unitOfWork.run("request consent confirmation", () -> {
      ConsentEvent pending = appendWithRetry(subject, purpose, current -> {
      if (current != null && current.status() == ConsentStatus.GRANTED) {
        if (current.isValidAt(now.toEpochMilli())) {
          throw ConsentAlreadyGrantedException.of(subject, purpose.id());
        }
        // Expired by time but not yet on record: record the expiry first, so the request takes effect.
        ConsentEvent expired = newEvent(subject, purpose, ConsentEventType.EXPIRED, current, now, now,
            systemProof(), null);
        store.append(expired);
        recorded(expired);
        current = store.current(subject).state(purpose.id());
      }
      return newEvent(subject, purpose, ConsentEventType.PENDING_CONFIRMATION, current, now, now, kept, null);
      });
      tagSource(subject, kept, now);
      return pending;
    });
    String token = confirmationTokens.sign(
        List.of(event.id().toString(), subject.tenant().value(), subject.value(), purpose.id()), tokenExpiresAt);
    LOG.debug("double opt-in requested for purpose {}", purposeId);
    return new PendingConsent(event, token, tokenExpiresAt);
  }

  @Override
  public ConsentEvent confirm(String token) {
    return confirm(token, ConsentProof.emailConfirmation().build());
  }

  @Override
  public ConsentEvent confirm(String token, ConsentProof proof) {
    Preconditions.notNull(proof, "proof");
    Instant now = clock.instant();
    ConfirmationClaim claim = ConfirmationClaim.of(confirmationTokens.verify(token, now));
    erasureGate.checkWritable(claim.subject()); // the erasure removed the pending request: say why, not "superseded"
    Purpose purpose = consentPurpose(claim.purpose(), "confirm consent for");
    // The conditions (Art. 8, explicit consent) were checked on the request, whose event keeps their evidence.
    ConsentProof kept = reduce(proof, now);
    ConsentEvent event = unitOfWork.run("confirm consent", () -> appendWithRetry(claim.subject(), purpose,
        current -> {
          if (current == null || current.status() != ConsentStatus.PENDING
              || !current.eventId().equals(claim.pendingId())) {
            throw InvalidTokenException.of(whyNotPending(claim));
          }
          // Issue 10: the confirmation confirms the notice the pending request showed, so the confirmed event keeps
          // its evidence (Art. 7(1)): form, notice hash, language and notice version; the click adds its own.
          ConsentEvent pending = pendingEvent(claim);
          return newEvent(claim.subject(), purpose, ConsentEventType.CONFIRMED, current, now, now,
              withFormEvidence(kept, pending.proof()), expiry(purpose, now), pending.noticeVersion());
        }));
    LOG.debug("double opt-in confirmed for purpose {}", purpose.id());
    return event;
  }

  /** Returns the pending event the token names; the state just read says it is the latest that took effect. */
  private ConsentEvent pendingEvent(ConfirmationClaim claim) {
    List<ConsentEvent> events = store.history(claim.subject(), claim.purpose());
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).id().equals(claim.pendingId())) {
        return events.get(i);
      }
    }
    throw InvalidTokenException.of(Reason.SUPERSEDED);
  }

  /**
   * Returns the confirmation's proof with the form, notice fingerprint, locale, explicit statement (Art. 9(2)(a),
   * 22(2)(c)), age check and parental authorisation (Art. 8) of the pending request wherever the confirmation names
   * none of its own, so the CONFIRMED event alone shows everything the consent rests on (Art. 7(1)). The IP address,
   * user agent, channel and recorder stay the click's.
   */
  private static ConsentProof withFormEvidence(ConsentProof click, ConsentProof request) {
    boolean ownForm = click.formId() != null;
    return new ConsentProof(click.channel(), ownForm ? click.formId() : request.formId(),
        ownForm ? click.formVersion() : request.formVersion(),
        click.noticeSha256() != null ? click.noticeSha256() : request.noticeSha256(),
        click.locale() != null ? click.locale() : request.locale(), click.ip(), click.userAgent(), click.recordedBy(),
        click.source(), click.explicitStatement() != null ? click.explicitStatement() : request.explicitStatement(),
        click.ageAssurance() != null ? click.ageAssurance() : request.ageAssurance(),
        click.parentalAuthorisation() != null ? click.parentalAuthorisation() : request.parentalAuthorisation(),
        click.tcf());
  }

  private Reason whyNotPending(ConfirmationClaim claim) {
    List<ConsentEvent> events = store.history(claim.subject(), claim.purpose());
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).id().equals(claim.pendingId())) {
        boolean confirmedNext = i + 1 < events.size() && events.get(i + 1).type() == ConsentEventType.CONFIRMED;
        return confirmedNext ? Reason.ALREADY_USED : Reason.SUPERSEDED;
      }
    }
    return Reason.SUPERSEDED;
  }

  @Override
  public ConsentEvent withdraw(SubjectId subject, String purpose) {
    return withdraw(subject, purpose, ConsentProof.of(ConsentChannel.API, Actor.subject()));
  }

  @Override
  public ConsentEvent withdraw(SubjectId subject, String purposeId, ConsentProof proof) {
    Preconditions.notNull(subject, "subject");
    Purpose purpose = consentPurpose(purposeId, "withdraw consent for");
    Instant now = clock.instant();
    ConsentProof kept = reduce(Preconditions.notNull(proof, "proof"), now);
    ConsentEvent event = unitOfWork.run("withdraw consent", () -> appendWithRetry(subject, purpose, current -> {
      if (current == null || !ConsentState.takesEffect(current.status(), ConsentEventType.WITHDRAWN)) {
        throw ConsentNotGrantedException.of(subject, purpose.id(), current == null ? null : current.status());
      }
      return newEvent(subject, purpose, ConsentEventType.WITHDRAWN, current, now, now, kept, null);
    }));
    LOG.debug("consent withdrawn for purpose {}", purposeId);
    return event;
  }

  @Override
  public Optional<ConsentState> state(SubjectId subject, String purpose) {
    Preconditions.notNull(subject, "subject");
    return Optional.ofNullable(store.current(subject).state(purposes.get(purpose).id()));
  }

  @Override
  public SubjectConsents current(SubjectId subject) {
    return store.current(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject) {
    return store.history(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject, String purpose) {
    return store.history(Preconditions.notNull(subject, "subject"), purposes.get(purpose).id());
  }

  @Override
  public SwitchChange setSwitch(SubjectId subject, ProcessingSwitch processingSwitch, boolean on, Actor changedBy) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(processingSwitch, "processingSwitch");
    Preconditions.notNull(changedBy, "changedBy");
    SwitchChange change = unitOfWork.run("set switch", () -> {
      for (int attempt = 1; ; attempt++) {
        // the next place in the subject's switch history: a writer in another instance that took it first makes
        // the store refuse this one, and it is built again on the history as it is now
        SwitchChange next = new SwitchChange(subject, processingSwitch, on, changedBy, clock.instant(),
            store.switchHistory(subject).size() + 1L);
        try {
          erasureGate.checkWritable(subject);
          store.recordSwitch(next);
          erasureGate.confirmWritten(subject, () -> store.erase(subject));
          events.publish(new SwitchChanged(subject, processingSwitch, on, changedBy, next.changedAt()));
          return next;
        } catch (ConsentConflictException e) {
          if (attempt >= MAX_ATTEMPTS) {
            throw ConsentConflictException.retriesExhausted(subject, "switches", attempt);
          }
          LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000L << Math.min(attempt, 10)));
        }
      }
    });
    LOG.debug("switch {} turned {}", processingSwitch, on ? "on" : "off");
    return change;
  }

  @Override
  public boolean isSwitchOn(SubjectId subject, ProcessingSwitch processingSwitch) {
    Boolean setting = store.current(Preconditions.notNull(subject, "subject"))
        .switchSetting(Preconditions.notNull(processingSwitch, "processingSwitch"));
    return setting != null ? setting : switchDefault(processingSwitch);
  }

  /** Returns the kit's default for a switch nobody set; used by the decision path. */
  public boolean switchDefault(ProcessingSwitch processingSwitch) {
    return settings.switchDefaults().getOrDefault(processingSwitch, Boolean.FALSE);
  }

  @Override
  public List<SwitchChange> switchHistory(SubjectId subject) {
    return store.switchHistory(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public int recordExpiries(int limit) {
    Preconditions.positive(limit, "limit");
    Instant now = clock.instant();
    int recorded = 0;
    for (ConsentState due : store.grantedExpiringBy(now, limit)) {
      Purpose purpose = purposes.find(due.purpose()).orElse(null);
      if (purpose == null) {
        continue; // a purpose no longer declared: its consents are not ours to expire
      }
      boolean[] expired = {false};
      unitOfWork.run("record consent expiry", () -> appendOrSkip(due.subject(), purpose, current -> {
        if (current == null || current.status() != ConsentStatus.GRANTED || current.isValidAt(now.toEpochMilli())) {
          return null; // renewed, withdrawn or expired by someone else meanwhile
        }
        expired[0] = true;
        return newEvent(due.subject(), purpose, ConsentEventType.EXPIRED, current, now, now, systemProof(), null);
      }));
      if (expired[0]) {
        recorded++;
      }
    }
    LOG.debug("recorded {} consent expiries", recorded);
    return recorded;
  }

  @Override
  public BulkUpdateReport bulkUpdate(BulkUpdate update, BiPredicate<SubjectId, SubjectConsents> criteria) {
    Preconditions.notNull(update, "update");
    Stream<SubjectId> all = Stream.iterate(store.subjects(null, update.batchSize()), page -> !page.isEmpty(),
        page -> store.subjects(page.get(page.size() - 1), update.batchSize())).flatMap(List::stream);
    return bulkUpdate(update, all, criteria);
  }

  @Override
  public BulkUpdateReport bulkUpdate(BulkUpdate update, Stream<SubjectId> candidates,
      BiPredicate<SubjectId, SubjectConsents> criteria) {
    Preconditions.notNull(update, "update");
    Preconditions.notNull(candidates, "candidates");
    Preconditions.notNull(criteria, "criteria");
    Purpose purpose = purposes.get(update.purpose());
    if (purpose.legalBasis() != update.legalBasis()) {
      throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), update.legalBasis(), "bulk-update");
    }
    Instant now = clock.instant();
    notInFuture(update.effectiveAt(), now, "effectiveAt");
    ConsentProof proof = reduce(update.effectiveProof(), update.effectiveAt());
    BulkUpdater updater = new BulkUpdater(update, purpose, proof, now);
    try (candidates) {
      candidates.forEach(subject -> updater.offer(subject, criteria));
    }
    return updater.finish();
  }

  /** Collects matched subjects into batches and writes each batch as one unit. */
  private final class BulkUpdater {
    private final BulkUpdate update;
    private final Purpose purpose;
    private final ConsentProof proof;
    private final Instant now;
    private final java.util.LinkedHashSet<SubjectId> batch = new java.util.LinkedHashSet<>();
    private final List<BulkUpdateReport.BatchFailure> failures = new java.util.ArrayList<>();
    private long examined;
    private long matched;
    private long updated;
    private long unchanged;
    private long failed;
    private int batchNumber;
    private int committed;

    BulkUpdater(BulkUpdate update, Purpose purpose, ConsentProof proof, Instant now) {
      this.update = update;
      this.purpose = purpose;
      this.proof = proof;
      this.now = now;
    }

    void offer(SubjectId subject, BiPredicate<SubjectId, SubjectConsents> criteria) {
      Preconditions.notNull(subject, "candidate subject");
      examined++;
      if (!criteria.test(subject, store.current(subject))) {
        return;
      }
      matched++;
      if (refused(subject)) {
        unchanged++; // erased or being erased: an import must not bring the subject back
        return;
      }
      if (!batch.add(subject)) {
        unchanged++; // offered twice: the first offer covers it
        return;
      }
      if (batch.size() == update.batchSize()) {
        flush();
      }
    }

    BulkUpdateReport finish() {
      if (!batch.isEmpty()) {
        flush();
      }
      return new BulkUpdateReport(examined, matched, updated, unchanged, failed, committed, failures);
    }

    private void flush() {
      int size = batch.size();
      for (int attempt = 1; ; attempt++) {
        try {
          List<ConsentEvent> written = unitOfWork.run("bulk-update consents", () -> {
            List<ConsentEvent> next = purpose.needsConsent() ? events() : List.of();
            List<SourceTag> tags = batch.stream().map(s -> new SourceTag(s, update.source(), now)).toList();
            sources.appendAll(tags);
            store.appendAll(next);
            next.stream().map(ConsentEvent::subject).filter(DefaultConsentService.this::refused).forEach(store::erase);
            next.forEach(DefaultConsentService.this::recorded);
            return next;
          });
          committed++;
          updated += purpose.needsConsent() ? written.size() : size;
          unchanged += purpose.needsConsent() ? size - written.size() : 0;
          break;
        } catch (ConsentConflictException e) {
          if (attempt < 3) {
            continue; // someone wrote one of these subjects meanwhile: rebuild the batch from fresh state
          }
          fail(size, e);
          break;
        } catch (RuntimeException e) {
          fail(size, e);
          break;
        }
      }
      batchNumber++;
      batch.clear();
    }

    private List<ConsentEvent> events() {
      long millis = now.toEpochMilli();
      return batch.stream().map(subject -> {
        ConsentState current = store.current(subject).state(purpose.id());
        if (current != null && !update.renewExisting() && current.isValidAt(millis)) {
          return null;
        }
        if (current != null && current.since().isAfter(update.effectiveAt())) {
          return null; // the subject decided after the imported date: the newer decision stands
        }
        // a batch whose proof falls short (Art. 8, explicit consent) fails as a whole and says why in the report
        settings.conditions().check(subject, purpose, proof, update.effectiveAt());
        return newEvent(subject, purpose, ConsentEventType.GRANTED, current, update.effectiveAt(), now, proof,
            expiry(purpose, update.effectiveAt()));
      }).filter(java.util.Objects::nonNull).toList();
    }

    private void fail(int size, RuntimeException e) {
      // A host store's exception text is not ours to vouch for: only gdpr-kit's own messages are kept.
      String reason = e instanceof GdprException ? e.getClass().getSimpleName() + ": " + e.getMessage()
          : e.getClass().getName();
      failures.add(new BulkUpdateReport.BatchFailure(batchNumber, size, reason));
      failed += size;
      LOG.warn("bulk update batch {} of purpose {} failed and was rolled back: {}", batchNumber, purpose.id(),
          e.getClass().getName());
    }
  }

  private static boolean givesConsent(ConsentEvent event) {
    return event.type() != ConsentEventType.WITHDRAWN && event.type() != ConsentEventType.EXPIRED;
  }

  private boolean refused(SubjectId subject) {
    return erasureGate.refuses(subject);
  }


  /** Builds the next event, or returns null to write nothing. */
  private interface EventFactory {
    @Nullable ConsentEvent next(@Nullable ConsentState current);
  }

  private ConsentEvent appendWithRetry(SubjectId subject, Purpose purpose, EventFactory factory) {
    ConsentEvent event = appendOrSkip(subject, purpose, factory);
    if (event == null) {
      throw new IllegalStateException("event factory returned no event");
    }
    return event;
  }

  /**
   * Reads the state, lets the factory build the next event and appends it. Writers in this JVM queue on a
   * lock stripe of the subject and purpose, so they never race each other; writers in other JVMs sharing the
   * store are caught by its sequence check, and the loser re-reads and tries again after a random pause.
   */
  private @Nullable ConsentEvent appendOrSkip(SubjectId subject, Purpose purpose, EventFactory factory) {
    ReentrantLock stripe = stripes[(subject.hashCode() * 31 + purpose.id().hashCode()) & (stripes.length - 1)];
    stripe.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        ConsentState current = store.current(subject).state(purpose.id());
        try {
          ConsentEvent event = factory.next(current);
          if (event == null) {
            return null;
          }
          // Issue 9: an event that can give consent is refused for a subject being erased or erased. A withdrawal or
          // expiry needs a state to follow, which the erasure removes: the sequence check refuses it then.
          boolean gives = givesConsent(event);
          if (gives) {
            erasureGate.checkWritable(subject);
          }
          store.append(event);
          if (gives) {
            erasureGate.confirmWritten(subject, () -> store.erase(subject));
          }
          recorded(event);
          return event;
        } catch (ConsentConflictException e) {
          if (attempt >= MAX_ATTEMPTS) {
            throw ConsentConflictException.retriesExhausted(subject, purpose.id(), attempt);
          }
          LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000L << Math.min(attempt, 10)));
        }
      }
    } finally {
      stripe.unlock();
    }
  }

  private ConsentEvent newEvent(SubjectId subject, Purpose purpose, ConsentEventType type,
      @Nullable ConsentState current, Instant occurredAt, Instant recordedAt, ConsentProof proof,
      @Nullable Instant expiresAt) {
    return newEvent(subject, purpose, type, current, occurredAt, recordedAt, proof, expiresAt, purpose.noticeVersion());
  }

  private static ConsentEvent newEvent(SubjectId subject, Purpose purpose, ConsentEventType type,
      @Nullable ConsentState current, Instant occurredAt, Instant recordedAt, ConsentProof proof,
      @Nullable Instant expiresAt, String noticeVersion) {
    long sequence = current == null ? 1 : current.sequence() + 1;
    return new ConsentEvent(UUID.randomUUID(), subject, purpose.id(), type, sequence, occurredAt, recordedAt, proof,
        expiresAt, noticeVersion);
  }

  private Purpose consentPurpose(String purposeId, String action) {
    Purpose purpose = purposes.get(purposeId);
    if (!purpose.needsConsent()) {
      throw LegalBasisMismatchException.of(purpose.id(), purpose.legalBasis(), LegalBasis.CONSENT, action);
    }
    return purpose;
  }

  private static @Nullable Instant expiry(Purpose purpose, Instant from) {
    return purpose.consentValidity() == null ? null
        : from.atZone(ZoneOffset.UTC).plus(purpose.consentValidity()).toInstant();
  }

  private static Instant notInFuture(Instant at, Instant now, String field) {
    Preconditions.check(!at.isAfter(now), field, "must not be in the future");
    return at;
  }

  private static ConsentProof systemProof() {
    return ConsentProof.of(ConsentChannel.SYSTEM, Actor.system("gdpr-kit"));
  }

  private void tagSource(SubjectId subject, ConsentProof proof, Instant now) {
    if (proof.source() != null) {
      sources.append(new SourceTag(subject, proof.source(), now));
    }
  }

  /** Returns the proof as the kit keeps it: its stated age reduced (Art. 8), its IP address by the kit's policy. */
  private ConsentProof reduce(ConsentProof proof, Instant at) {
    // Art. 5(1)(c): a stated birth date or age never reaches a store, only the answer the Art. 8 check needs.
    return reduceIp(settings.conditions().minimised(proof, at, clock.getZone()));
  }

  /**
   * Applies the kit's IP policy to a proof, however it was built: a full address is reduced by the policy; one
   * already in the policy's form is kept (a keyed hash only under a key of the ring); under {@link IpPolicy#KEEP} an
   * already reduced one is kept too. A network under a hashing kit or a hash under a truncating one cannot be
   * brought to the kit's form, and is refused.
   */
  private ConsentProof reduceIp(ConsentProof proof) {
    RecordedIp ip = proof.ip();
    IpPolicy kitPolicy = settings.ipPolicy();
    if (ip == null) {
      return proof;
    }
    String value = ip.value().value(PersonalDataAccess.unredacted());
    if (ip.policy() == IpPolicy.KEYED_HASH) {
      Preconditions.check(pseudonyms.versionIds().contains(value.substring(0, value.indexOf(':'))), "proof ip",
          "must be hashed under a version of the kit's pseudonym key");
    }
    if (ip.policy() == kitPolicy || kitPolicy == IpPolicy.KEEP) {
      return proof;
    }
    Preconditions.check(ip.policy() == IpPolicy.KEEP, "proof ip",
        "is in the " + ip.policy() + " form, which the kit's " + kitPolicy + " policy cannot be applied to");
    String kept = switch (kitPolicy) {
      case TRUNCATE -> IpAddresses.truncate(value);
      case KEYED_HASH -> pseudonyms.pseudonym(IP_HASH_LABEL, IpAddresses.bytes(value));
      case KEEP -> value;
    };
    return new ConsentProof(proof.channel(), proof.formId(), proof.formVersion(), proof.noticeSha256(),
        proof.locale(), new RecordedIp(PersonalData.of(kept), kitPolicy), proof.userAgent(),
        proof.recordedBy(), proof.source(), proof.explicitStatement(), proof.ageAssurance(),
        proof.parentalAuthorisation(), proof.tcf());
  }

  private record ConfirmationClaim(UUID pendingId, SubjectId subject, String purpose) {

    /** Reads the fields of a verified token; a signed token with other fields was not made by this service. */
    static ConfirmationClaim of(List<String> fields) {
      try {
        if (fields.size() != 4) {
          throw InvalidTokenException.of(Reason.MALFORMED);
        }
        return new ConfirmationClaim(UUID.fromString(fields.get(0)),
            SubjectId.of(TenantId.of(fields.get(1)), fields.get(2)), fields.get(3));
      } catch (IllegalArgumentException | io.gdprkit.InvalidInputException e) {
        throw InvalidTokenException.of(Reason.MALFORMED);
      }
    }
  }
}
