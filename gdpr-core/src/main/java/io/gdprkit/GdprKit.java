package io.gdprkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.audit.AuditDrain;
import io.gdprkit.audit.AuditService;
import io.gdprkit.audit.CheckpointPolicy;
import io.gdprkit.audit.internal.DefaultAuditService;
import io.gdprkit.audit.internal.AuditingSubscriber;
import io.gdprkit.audit.spi.AuditOutbox;
import io.gdprkit.event.GdprEventListener;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.event.internal.EventDispatcher;
import io.gdprkit.transaction.TransactionRunner;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.audit.spi.AuditStore;
import io.gdprkit.authorisation.AuthorisationService;
import io.gdprkit.authorisation.internal.DefaultAuthorisationService;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.breach.BreachService;
import io.gdprkit.breach.internal.DefaultBreachService;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.consent.DigitalConsentAges;
import io.gdprkit.consent.IpPolicy;
import io.gdprkit.consent.MemberState;
import io.gdprkit.consent.internal.ConsentConditions;
import io.gdprkit.consent.internal.DefaultConsentService;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.crypto.KeyConfigurationException;
import io.gdprkit.crypto.KeyRing;
import io.gdprkit.crypto.PseudonymKey;
import io.gdprkit.crypto.spi.KeyRingSource;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.erasure.CascadePolicy;
import io.gdprkit.erasure.ErasureListener;
import io.gdprkit.erasure.ErasureService;
import io.gdprkit.erasure.internal.DefaultErasureService;
import io.gdprkit.erasure.internal.SubjectErasureGate;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.decision.Decision;
import io.gdprkit.encryption.DataKeyCacheOptions;
import io.gdprkit.encryption.FieldEncryption;
import io.gdprkit.encryption.KeyEncryptionKeys;
import io.gdprkit.encryption.internal.DefaultFieldEncryption;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.decision.Guard;
import io.gdprkit.decision.HistoricalDecision;
import io.gdprkit.decision.internal.DefaultDecisionService;
import io.gdprkit.export.ExportDelivery;
import io.gdprkit.export.ExportKind;
import io.gdprkit.export.ExportService;
import io.gdprkit.export.internal.DefaultExportService;
import io.gdprkit.gpc.GpcPolicy;
import io.gdprkit.gpc.GpcService;
import io.gdprkit.gpc.internal.DefaultGpcService;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.RecipientService;
import io.gdprkit.recipient.TransferRules;
import io.gdprkit.recipient.internal.DefaultRecipientService;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.recipient.spi.RecipientNotifier;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.preference.PreferenceService;
import io.gdprkit.processing.ProcessingRecordService;
import io.gdprkit.processing.internal.DefaultProcessingRecordService;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.internal.DefaultPreferenceService;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.receipt.ReceiptOptions;
import io.gdprkit.receipt.ReceiptService;
import io.gdprkit.receipt.internal.DefaultReceiptService;
import io.gdprkit.rectification.RectificationService;
import io.gdprkit.rectification.internal.DefaultRectificationService;
import io.gdprkit.restriction.RestrictionService;
import io.gdprkit.retention.RetentionRule;
import io.gdprkit.retention.RetentionService;
import io.gdprkit.retention.internal.DefaultRetentionService;
import io.gdprkit.retention.spi.RetentionStore;
import io.gdprkit.restriction.internal.DefaultRestrictionService;
import io.gdprkit.request.EmailVerificationOptions;
import io.gdprkit.request.RequestFulfiller;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestService;
import io.gdprkit.request.internal.DefaultRequestService;
import io.gdprkit.request.internal.EmailTokenVerifier;
import io.gdprkit.request.internal.KitFulfillers;
import io.gdprkit.request.spi.IdentityVerifier;
import io.gdprkit.request.spi.Mailer;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.source.SourceService;
import io.gdprkit.source.internal.DefaultSourceService;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.suppression.SuppressionService;
import io.gdprkit.suppression.internal.DefaultSuppressionService;
import io.gdprkit.suppression.spi.SuppressionStore;
import io.gdprkit.tcf.TcfMapping;
import io.gdprkit.tcf.TcfService;
import io.gdprkit.tcf.internal.DefaultTcfService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point of gdpr-kit: built once, it hands out the services.
 *
 * <p>With nothing configured, {@link #builder()}{@code .build()} gives a working kit on in-memory stores,
 * the system clock and generated keys, which die with the JVM as the stores do. Once any store outlives the JVM,
 * {@code build()} insists on host-supplied keys (token key ring, pseudonym key, signing key, key-encryption keys)
 * and throws {@link KeyConfigurationException} naming those missing; see the {@code io.gdprkit.crypto} package.
 * Every service is thread-safe; so is the kit.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit gdpr = GdprKit.builder()
 *     .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
 *     .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
 *     .build();
 * gdpr.consents().grant(alice, "newsletter", ConsentProof.webForm("signup", "v3").build());
 * gdpr.guard().require(alice, "newsletter");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class GdprKit {

  private final Clock clock;
  private final KeyRing keys;
  // Keys that cannot shred by accident (issue 9): keyed hashes that must stay matchable never use the token ring
  private final PseudonymKey pseudonymKey;
  private final SigningKey signingKey;
  // Signing-key rotation (issue 5): the current verification key first, then the earlier ones still trusted
  private final VerificationKeys verificationKeys;
  private final PurposeRegistry purposes;
  private final ConsentService consents;
  private final DefaultDecisionService decisions;
  private final PreferenceService preferences;
  private final SourceService sources;
  private final ProviderRegistry personalData;
  private final RestrictionService restrictions;
  private final SuppressionService suppression;
  private final ErasureService erasure;
  private final RetentionService retention;
  private final RectificationService rectification;
  private final RequestService requests;
  private final AuditService audit;
  private final ExportService exports;
  private final RecipientService recipients;
  // Consent receipts and authorised persons (issue 5)
  private final ReceiptService receipts;
  private final AuthorisationService authorisations;
  // Registers: records of processing (Art. 30), breaches (Art. 33/34)
  private final ProcessingRecordService processingRecords;
  private final BreachService breaches;
  // Field encryption and crypto-shredding (issue 5)
  private final FieldEncryption encryption;
  // Global Privacy Control (issue 10)
  private final GpcService gpc;
  // IAB TCF v2.2/v2.3 TC strings (issue 10)
  private final TcfService tcf;

  private GdprKit(Builder builder) {
    this.clock = builder.clock != null ? builder.clock : Clock.systemUTC();
    this.keys = builder.keys != null ? builder.keys : builder.keyRingSource != null
        ? KeyRing.following(builder.keyRingSource, clock, builder.keyRingRefresh) : KeyRing.generate();
    this.pseudonymKey = builder.pseudonymKey != null ? builder.pseudonymKey : PseudonymKey.generate();
    this.signingKey = builder.signingKey != null ? builder.signingKey : SigningKey.generate("generated");
    // Signing-key rotation (issue 5): checkpoints and receipts of every trusted key keep verifying
    this.verificationKeys = trustedWith(signingKey,
        builder.trustedKeys != null ? builder.trustedKeys.keys() : List.of());
    this.purposes = PurposeRegistry.of(builder.purposes);
    List<PersonalDataProvider> providers = new ArrayList<>(builder.providers);
    if (builder.discoverProviders) {
      ServiceLoader.load(PersonalDataProvider.class, Thread.currentThread().getContextClassLoader())
          .forEach(providers::add);
    }
    this.personalData = ProviderRegistry.of(providers);
    ConsentStore consentStore = builder.consentStore != null ? builder.consentStore : ConsentStore.inMemory();
    SourceStore sourceStore = builder.sourceStore != null ? builder.sourceStore : SourceStore.inMemory();
    // One unit of work and one publisher for every service: each operation commits all its stores or none, and the
    // features follow each other through the events it publishes.
    UnitOfWork unitOfWork = new UnitOfWork(builder.transactions != null ? builder.transactions
        : TransactionRunner.inMemory());
    EventDispatcher events = new EventDispatcher(unitOfWork);
    // Verifiable audit trail (issue 5): signed checkpoints by policy, entries recorded in the caller's unit (issue 9)
    this.audit = new DefaultAuditService(builder.auditStore != null ? builder.auditStore : AuditStore.inMemory(),
        builder.checkpointStore != null ? builder.checkpointStore : CheckpointStore.inMemory(),
        builder.auditOutbox != null ? builder.auditOutbox : AuditOutbox.inMemory(), unitOfWork, signingKey,
        pseudonymKey, verificationKeys,
        builder.checkpointPolicy != null ? builder.checkpointPolicy : CheckpointPolicy.DEFAULT,
        builder.auditDrain != null ? builder.auditDrain : AuditDrain.AFTER_COMMIT, clock);
    // The trail names subjects by keyed pseudonym only, so it stays meaningful and verifiable after erasure.
    events.inTransaction(new AuditingSubscriber(audit, this::auditPseudonym));
    if (builder.eventPublisher != null) {
      events.inTransaction(builder.eventPublisher);
    }
    Map<ProcessingSwitch, Boolean> switchDefaults = Map.copyOf(builder.switchDefaults);
    // Issue 9: writes about a subject whose erasure is under way or done are refused, checked in the shared store.
    ErasureStore erasureStore = builder.erasureStore != null ? builder.erasureStore : ErasureStore.inMemory(clock);
    SubjectErasureGate erasureGate = new SubjectErasureGate(erasureStore, pseudonymKey);
    String instanceId = builder.instanceId != null ? builder.instanceId : UUID.randomUUID().toString();
    DefaultConsentService consentService = new DefaultConsentService(consentStore, sourceStore, purposes, clock, keys,
        pseudonymKey, new DefaultConsentService.Settings(
            builder.ipPolicy != null ? builder.ipPolicy : IpPolicy.TRUNCATE,
            builder.confirmationValidity != null ? builder.confirmationValidity : Builder.DEFAULT_CONFIRMATION_VALIDITY,
            switchDefaults, new ConsentConditions(builder.digitalConsentAges != null ? builder.digitalConsentAges
                : DigitalConsentAges.defaults(), builder.defaultMemberState, builder.requireAgeAssurance)),
        unitOfWork, events, erasureGate);
    this.consents = consentService;
    this.decisions = new DefaultDecisionService(consentStore, purposes, clock, consentService::switchDefault,
        erasureGate);
    this.sources = new DefaultSourceService(sourceStore, clock, erasureGate);
    // Shared with disclosures, so that in this JVM a disclosure never lands after a restriction or erasure took
    // effect; the stores' versions and the tombstone decide across instances.
    SubjectLocks subjectLocks = new SubjectLocks(64);
    // Art. 21(1): compelling grounds are recorded by staff whom the register of authorised persons authorises
    this.authorisations = new DefaultAuthorisationService(builder.authorisationStore != null
        ? builder.authorisationStore : AuthorisationStore.inMemory(), audit, clock);
    this.restrictions = new DefaultRestrictionService(consentStore, consentService, purposes, clock, subjectLocks,
        unitOfWork, events, authorisations);
    DefaultSuppressionService suppressionService = new DefaultSuppressionService(
        builder.suppressionStore != null ? builder.suppressionStore : SuppressionStore.inMemory(), pseudonymKey,
        clock, builder.defaultPhoneRegion, unitOfWork, events);
    this.suppression = suppressionService;
    DefaultErasureService erasureService = new DefaultErasureService(personalData, consentStore, sourceStore,
        suppression, erasureStore, purposes, pseudonymKey, clock,
        builder.cascade != null ? builder.cascade : CascadePolicy.defaults(), subjectLocks, erasureGate,
        new DefaultErasureService.Leasing(instanceId,
            builder.workLease != null ? builder.workLease : Builder.DEFAULT_WORK_LEASE), unitOfWork, events);
    this.erasure = erasureService;
    builder.erasureListeners.forEach(erasureService::addListener);
    RetentionStore retentionStore = builder.retentionStore != null ? builder.retentionStore : RetentionStore.inMemory();
    DefaultRetentionService retentionService = new DefaultRetentionService(retentionStore, builder.retentionRules,
        consentService, erasureService, purposes, clock, instanceId,
        builder.workLease != null ? builder.workLease : Builder.DEFAULT_WORK_LEASE);
    this.retention = retentionService;
    this.rectification = new DefaultRectificationService(personalData, clock, unitOfWork, events);
    // Recipients, disclosures, Art. 19 notifications and data residency (recipients)
    DefaultRecipientService recipientService = new DefaultRecipientService(
        builder.recipientStore != null ? builder.recipientStore : RecipientStore.inMemory(),
        builder.disclosureStore != null ? builder.disclosureStore : DisclosureStore.inMemory(clock),
        builder.recipientNotifier != null ? builder.recipientNotifier : DefaultRecipientService.missingNotifier(),
        purposes, decisions, audit, subjectLocks, clock, new DefaultRecipientService.Settings(
            builder.transferRules != null ? builder.transferRules : TransferRules.defaults(), builder.dataRegion,
            builder.storeRegions, this::auditPseudonym, erasureGate::refuses, instanceId,
            builder.workLease != null ? builder.workLease : Builder.DEFAULT_WORK_LEASE), unitOfWork);
    this.recipients = recipientService;
    // Field encryption and crypto-shredding (issue 5): an erasure of everything destroys the subject's data key.
    DefaultFieldEncryption fieldEncryption = new DefaultFieldEncryption(
        builder.subjectKeyStore != null ? builder.subjectKeyStore : SubjectKeyStore.inMemory(),
        builder.keyEncryptionKeys != null ? builder.keyEncryptionKeys : KeyEncryptionKeys.generate(), clock,
        builder.dataKeyCache != null ? builder.dataKeyCache : DataKeyCacheOptions.defaults(), unitOfWork, events);
    this.encryption = fieldEncryption;
    // What the kit's own features do in reply (Art. 19 notices, retention clean-up, crypto-shredding) writes their
    // stores in the unit of the change they follow, so that a crash never leaves one done and the other not; the
    // host's listeners run after the commit.
    events.inTransaction(recipientService::on).inTransaction(retentionService::on).inTransaction(fieldEncryption::on);
    builder.eventListeners.forEach(events::afterCommit);
    this.preferences = new DefaultPreferenceService(consentService, purposes, builder.topics, keys, clock,
        builder.unsubscribeValidity);
    DefaultExportService exportService = new DefaultExportService(personalData, consents, sources, purposes,
        recipients, clock, unitOfWork, events);
    this.exports = exportService;
    // Subject requests (issue 4)
    IdentityVerifier verifier = builder.identityVerifier != null ? builder.identityVerifier
        : new EmailTokenVerifier(personalData, keys, builder.mailer, clock,
            builder.emailVerification != null ? builder.emailVerification : EmailVerificationOptions.defaults());
    Map<RequestKind, RequestFulfiller> fulfillers = new EnumMap<>(builder.fulfillers);
    // Each default fulfiller reports what it did (erasure job, export hash) for the request's evidence (issue 10).
    fulfillers.putIfAbsent(RequestKind.ERASURE, KitFulfillers.erasure(erasureService::erase));
    fulfillers.putIfAbsent(RequestKind.RESTRICTION, KitFulfillers.restriction(request -> restrictions.restrict(
        request.subject(), "restriction request " + request.id().value(), Actor.system("subject-requests"))));
    if (builder.exportDelivery != null) {
      ExportDelivery delivery = builder.exportDelivery;
      fulfillers.putIfAbsent(RequestKind.ACCESS,
          KitFulfillers.export(ExportKind.ACCESS, delivery, exportService::deliver));
      fulfillers.putIfAbsent(RequestKind.PORTABILITY,
          KitFulfillers.export(ExportKind.PORTABILITY, delivery, exportService::deliver));
    }
    this.requests = new DefaultRequestService(builder.requestStore != null
        ? builder.requestStore : RequestStore.inMemory(), verifier, fulfillers, clock,
        builder.requestZone != null ? builder.requestZone : ZoneOffset.UTC, unitOfWork, events,
        this::auditPseudonym, signingKey, instanceId,
        builder.workLease != null ? builder.workLease : Builder.DEFAULT_WORK_LEASE);
    // Consent receipts and authorised persons (issue 5)
    // Issue 10: a receipt names where the data are stored (ISO/IEC TS 27560 6.3.4.11), by default the stores' regions
    List<CountryCode> storeCountries = new ArrayList<>(builder.storeRegions.values());
    if (builder.dataRegion != null) {
      storeCountries.add(builder.dataRegion);
    }
    this.receipts = new DefaultReceiptService(consentService, purposes, pseudonymKey, signingKey, builder.receiptOptions,
        audit, this::auditPseudonym, storeCountries);
    // Registers: records of processing (Art. 30), breaches (Art. 33/34)
    this.processingRecords = new DefaultProcessingRecordService(builder.processingRecordStore != null
        ? builder.processingRecordStore : ProcessingRecordStore.inMemory(), purposes, audit, clock);
    this.breaches = new DefaultBreachService(builder.breachStore != null ? builder.breachStore
        : BreachStore.inMemory(), personalData, audit, clock);
    // Global Privacy Control (issue 10): signal records are erased with the subject, in the erasure's unit of work
    DefaultGpcService gpcService = new DefaultGpcService(builder.gpcStore != null ? builder.gpcStore
        : GpcStore.inMemory(), consentStore, purposes, builder.gpcPolicy != null ? builder.gpcPolicy
        : GpcPolicy.defaults(), clock, pseudonymKey, erasureGate, unitOfWork, events);
    events.inTransaction(gpcService::on);
    this.gpc = gpcService;
    // IAB TCF v2.2/v2.3 (issue 10): a TC string's signals recorded as consents through the consent service
    this.tcf = new DefaultTcfService(builder.tcfMapping != null ? builder.tcfMapping : TcfMapping.forPublisher(),
        consents, purposes, clock, unitOfWork);
  }

  /** Returns the signing key's verification key followed by the previous keys, refusing one that reuses its id. */
  private static VerificationKeys trustedWith(SigningKey current, List<VerificationKey> previous) {
    List<VerificationKey> all = new ArrayList<>();
    all.add(current.verificationKey());
    for (VerificationKey key : previous) {
      if (key.keyId().equals(current.keyId())) {
        Preconditions.check(key.equals(current.verificationKey()), "trustedKeys",
            "must not hold another key with the signing key's id " + Messages.quote(current.keyId()));
      } else {
        all.add(key);
      }
    }
    return VerificationKeys.of(all);
  }

  private String auditPseudonym(SubjectId subject) {
    return io.gdprkit.audit.AuditPseudonyms.of(pseudonymKey, subject);
  }

  /** Returns a builder; nothing needs configuring for an in-memory kit. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the consent ledger: grants, withdrawals, double opt-in, switches, bulk updates. */
  public ConsentService consents() {
    return consents;
  }

  /** Returns the decision service, the hot path. */
  public DecisionService decisions() {
    return decisions;
  }

  /**
   * Decides whether the subject's data may be processed for the purpose now; same as
   * {@code decisions().decide(subject, purpose)}.
   */
  public Decision decide(SubjectId subject, String purpose) {
    return decisions.decide(subject, purpose);
  }

  /**
   * Returns what was allowed for the subject and purpose at a past instant, with the ledger entries that show it
   * (Art. 7(1), 7(3): processing before a withdrawal stays lawful); same as
   * {@code decisions().decideAt(subject, purpose, at)}, which documents the rules.
   *
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public HistoricalDecision decideAt(SubjectId subject, String purpose, Instant at) {
    return decisions.decideAt(subject, purpose, at);
  }

  /** Returns the guard that throws {@link io.gdprkit.decision.ProcessingNotPermittedException} on a denial. */
  public Guard guard() {
    return decisions;
  }

  /** Returns subscription topics and unsubscribe tokens. */
  public PreferenceService preferences() {
    return preferences;
  }

  /** Returns where subjects' data came from (Art. 14). */
  public SourceService sources() {
    return sources;
  }

  /** Returns erasure: every provider, cascade, suppression, durable jobs, tombstones. */
  public ErasureService erasure() {
    return erasure;
  }

  /** Returns the audit trail: one hash chain per tenant, verifiable. */
  public AuditService audit() {
    return audit;
  }

  /** Returns rectification of a subject's data through its providers (Art. 16). */
  public RectificationService rectification() {
    return rectification;
  }

  /** Returns retention rules, re-permission campaigns and the sweep that applies them. */
  public RetentionService retention() {
    return retention;
  }

  /** Returns the suppression list of erased people's e-mail addresses and phone numbers. */
  public SuppressionService suppression() {
    return suppression;
  }

  /** Returns restriction of processing (Art. 18) and objections (Art. 21). */
  public RestrictionService restrictions() {
    return restrictions;
  }

  /** Returns the registered personal-data providers. */
  public ProviderRegistry personalData() {
    return personalData;
  }

  /** Returns data-subject requests: receipt, identity verification, deadlines, completion and rejection. */
  public RequestService requests() {
    return requests;
  }

  /** Returns access (Art. 15) and portability (Art. 20) exports of a subject's data. */
  public ExportService exports() {
    return exports;
  }

  /**
   * Returns the register of recipients, the disclosure log with its residency check, and the Art. 19
   * notifications of recipients.
   */
  public RecipientService recipients() {
    return recipients;
  }

  /** Returns signed consent receipts (Kantara v1.1, ISO/IEC TS 27560) of consent events. */
  public ReceiptService receipts() {
    return receipts;
  }

  /** Returns the register of authorised persons: which staff users may process which data categories. */
  public AuthorisationService authorisations() {
    return authorisations;
  }

  /** Returns the records of processing activities (Art. 30): controller, activities, check and export. */
  public ProcessingRecordService processingRecords() {
    return processingRecords;
  }

  /** Returns the breach register (Art. 33/34): 72-hour clock, notifications and affected subjects. */
  public BreachService breaches() {
    return breaches;
  }

  /**
   * Returns field encryption under per-subject data keys; erasing a subject shreds its key, so its encrypted
   * fields become unreadable everywhere, backups included.
   */
  public FieldEncryption encryption() {
    return encryption;
  }

  /**
   * Returns Global Privacy Control: signals applied as withdrawals and objections by the kit's {@link GpcPolicy},
   * their records, and the {@code /.well-known/gpc.json} resource.
   */
  public GpcService gpc() {
    return gpc;
  }

  /**
   * Returns the IAB TCF v2.2/v2.3 service: TC strings decoded, checked against the current Policy and recorded as
   * consents of the purposes {@link Builder#tcf(TcfMapping)} maps them to, with the string's hash as proof.
   */
  public TcfService tcf() {
    return tcf;
  }

  /** Returns the declared purposes. */
  public PurposeRegistry purposes() {
    return purposes;
  }

  /**
   * Returns the token key ring (double opt-in, unsubscribe and identity tokens); rotate keys on it while the kit
   * runs, or in the {@link KeyRingSource} it follows.
   */
  public KeyRing keys() {
    return keys;
  }

  /**
   * Returns the pseudonym key behind suppression hashes, tombstones, audit pseudonyms and IP keyed hashes, to
   * recognise a subject's pseudonym, such as in an exported audit trail.
   */
  public PseudonymKey pseudonymKey() {
    return pseudonymKey;
  }

  /**
   * Returns the Ed25519 key that signs audit checkpoints and consent receipts; publish its
   * {@linkplain SigningKey#verificationKey() verification key} so others can check them.
   */
  public SigningKey signingKey() {
    return signingKey;
  }

  /**
   * Returns the keys whose signatures the kit trusts: the signing key's verification key first, then the previous
   * keys given to {@link Builder#trustedKeys(VerificationKeys)}; publish it with {@link VerificationKeys#toJwks()}
   * so that checkpoints and receipts signed before a rotation can still be checked.
   */
  public VerificationKeys verificationKeys() {
    return verificationKeys;
  }

  /** Returns the clock every service reads time from. */
  public Clock clock() {
    return clock;
  }

  /**
   * Configures a {@link GdprKit}. Each method checks its argument at once; single-valued settings throw
   * {@link IllegalStateException} when set twice. Not thread-safe.
   *
   * @since 0.1
   */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {

    /** How long a double opt-in token verifies unless changed. */
    public static final Duration DEFAULT_CONFIRMATION_VALIDITY = Duration.ofDays(7);
    /** How often a kit asks its {@link KeyRingSource} whether the token keys changed, unless changed. */
    public static final Duration DEFAULT_KEY_RING_REFRESH = Duration.ofSeconds(30);

    /** How long a kit instance holds shared work (an erasure job, a notification) without progress, unless changed. */
    public static final Duration DEFAULT_WORK_LEASE = Duration.ofMinutes(5);

    private final List<Purpose> purposes = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final List<PersonalDataProvider> providers = new ArrayList<>();
    private boolean discoverProviders;
    private final Map<ProcessingSwitch, Boolean> switchDefaults = new EnumMap<>(ProcessingSwitch.class);
    private @Nullable Clock clock;
    private @Nullable KeyRing keys;
    private @Nullable KeyRingSource keyRingSource;
    private Duration keyRingRefresh = DEFAULT_KEY_RING_REFRESH;
    private @Nullable PseudonymKey pseudonymKey;
    private boolean allowGeneratedKeys;
    private @Nullable SigningKey signingKey;
    private @Nullable VerificationKeys trustedKeys;
    private @Nullable ConsentStore consentStore;
    private @Nullable SourceStore sourceStore;
    private @Nullable IpPolicy ipPolicy;
    private @Nullable Duration confirmationValidity;
    private @Nullable Duration unsubscribeValidity;
    private @Nullable SuppressionStore suppressionStore;
    private @Nullable String defaultPhoneRegion;
    private @Nullable ErasureStore erasureStore;
    private @Nullable CascadePolicy cascade;
    // Issue 9: work shared by instances is claimed with owner and lease
    private @Nullable String instanceId;
    private @Nullable Duration workLease;
    private @Nullable RetentionStore retentionStore;
    private final List<RetentionRule> retentionRules = new ArrayList<>();
    private final List<ErasureListener> erasureListeners = new ArrayList<>();
    private @Nullable RequestStore requestStore;
    private @Nullable AuditStore auditStore;
    private @Nullable CheckpointStore checkpointStore;
    private @Nullable CheckpointPolicy checkpointPolicy;
    private @Nullable ExportDelivery exportDelivery;
    private @Nullable Mailer mailer;
    private @Nullable IdentityVerifier identityVerifier;
    private @Nullable EmailVerificationOptions emailVerification;
    private @Nullable ZoneId requestZone;
    private final Map<RequestKind, RequestFulfiller> fulfillers = new EnumMap<>(RequestKind.class);
    // recipients
    private @Nullable RecipientStore recipientStore;
    private @Nullable DisclosureStore disclosureStore;
    private @Nullable RecipientNotifier recipientNotifier;
    private @Nullable TransferRules transferRules;
    private @Nullable CountryCode dataRegion;
    private final Map<String, CountryCode> storeRegions = new HashMap<>();
    // Unit of work and events (issue 9)
    private @Nullable TransactionRunner transactions;
    private @Nullable AuditOutbox auditOutbox;
    private @Nullable AuditDrain auditDrain;
    private @Nullable GdprEventPublisher eventPublisher;
    private final List<GdprEventListener> eventListeners = new ArrayList<>();
    // Consent receipts and authorised persons (issue 5)
    private @Nullable ReceiptOptions receiptOptions;
    private @Nullable AuthorisationStore authorisationStore;
    // Registers: records of processing (Art. 30), breaches (Art. 33/34)
    private @Nullable ProcessingRecordStore processingRecordStore;
    private @Nullable BreachStore breachStore;
    // Field encryption and crypto-shredding (issue 5)
    private @Nullable SubjectKeyStore subjectKeyStore;
    private @Nullable KeyEncryptionKeys keyEncryptionKeys;
    private @Nullable DataKeyCacheOptions dataKeyCache;
    // Children (Art. 8)
    private @Nullable DigitalConsentAges digitalConsentAges;
    private @Nullable MemberState defaultMemberState;
    private boolean requireAgeAssurance;
    // Global Privacy Control (issue 10)
    private @Nullable GpcPolicy gpcPolicy;
    private @Nullable GpcStore gpcStore;
    // IAB TCF v2.2/v2.3 (issue 10)
    private @Nullable TcfMapping tcfMapping;

    private Builder() {}

    /** Declares a purpose; repeatable, ids must be unique. */
    public Builder purpose(Purpose purpose) {
      purposes.add(Preconditions.notNull(purpose, "purpose"));
      return this;
    }

    /** Declares several purposes. */
    public Builder purposes(Collection<Purpose> all) {
      Preconditions.notNull(all, "purposes").forEach(this::purpose);
      return this;
    }

    /** Registers a store of the host's personal data; repeatable, provider ids must be unique. */
    public Builder personalData(PersonalDataProvider provider) {
      providers.add(Preconditions.notNull(provider, "provider"));
      return this;
    }

    /**
     * Also registers every provider listed under {@code META-INF/services/io.gdprkit.data.spi.PersonalDataProvider}
     * on the thread's context class loader.
     */
    public Builder discoverPersonalData() {
      if (discoverProviders) {
        throw new IllegalStateException("discoverPersonalData() was already called");
      }
      discoverProviders = true;
      return this;
    }

    /** Declares a subscription topic; its purpose must be declared and based on consent. */
    public Builder topic(Topic topic) {
      topics.add(Preconditions.notNull(topic, "topic"));
      return this;
    }

    /** Sets the clock every service reads time from; {@link Clock#systemUTC()} by default. */
    public Builder clock(Clock value) {
      requireUnset(clock, "clock");
      this.clock = Preconditions.notNull(value, "clock");
      return this;
    }

    /**
     * Sets the token key ring (double opt-in, unsubscribe and identity tokens), for a single instance or one that
     * rotates by restart; generated for an in-memory kit, required once a store outlives the JVM.
     *
     * @throws IllegalStateException if called twice or after {@link #keyRingSource}
     */
    public Builder keyRing(KeyRing value) {
      requireUnset(keys, "keyRing");
      requireUnset(keyRingSource, "keyRingSource");
      this.keys = Preconditions.notNull(value, "keyRing");
      return this;
    }

    /**
     * Makes the token keys come from a source shared by every application instance, asked every
     * {@link #DEFAULT_KEY_RING_REFRESH} whether they changed, so that a rotation made there reaches them all.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().keyRingSource(vaultSource)}</pre>
     *
     * @throws IllegalStateException if called twice or after {@link #keyRing}
     */
    public Builder keyRingSource(KeyRingSource value) {
      return keyRingSource(value, DEFAULT_KEY_RING_REFRESH);
    }

    /**
     * Makes the token keys come from a source shared by every application instance, asked every
     * {@code refresh} of the kit's clock whether they changed.
     *
     * @throws IllegalStateException if called twice or after {@link #keyRing}
     */
    public Builder keyRingSource(KeyRingSource value, Duration refresh) {
      requireUnset(keyRingSource, "keyRingSource");
      requireUnset(keys, "keyRing");
      Preconditions.check(!Preconditions.notNull(refresh, "refresh").isNegative(), "refresh", "must not be negative");
      this.keyRingSource = Preconditions.notNull(value, "keyRingSource");
      this.keyRingRefresh = refresh;
      return this;
    }

    /**
     * Sets the pseudonym key behind every keyed hash that must stay matchable: suppression entries, tombstones,
     * audit pseudonyms, IP keyed hashes, receipt principals; generated for an in-memory kit, required once a store
     * outlives the JVM. Never retire it; re-key it with {@link PseudonymKey#rekeyedTo} and the re-keying jobs.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().pseudonymKey(PseudonymKey.of("p1", secretFromVault))}</pre>
     */
    public Builder pseudonymKey(PseudonymKey value) {
      requireUnset(pseudonymKey, "pseudonymKey");
      this.pseudonymKey = Preconditions.notNull(value, "pseudonymKey");
      return this;
    }

    /**
     * Lets {@link #build()} generate the keys not supplied even though a store outlives the JVM; for tests on such
     * stores only, since every generated key dies with the JVM and, with it, what it hashed, signed or wrapped.
     */
    public Builder allowGeneratedKeys() {
      if (allowGeneratedKeys) {
        throw new IllegalStateException("allowGeneratedKeys() was already called");
      }
      allowGeneratedKeys = true;
      return this;
    }

    /**
     * Sets the Ed25519 key that signs audit checkpoints and consent receipts; a random key named
     * {@code generated}, which dies with the JVM, for an in-memory kit; required once a store outlives the JVM.
     */
    public Builder signingKey(SigningKey value) {
      requireUnset(signingKey, "signingKey");
      this.signingKey = Preconditions.notNull(value, "signingKey");
      return this;
    }

    /**
     * Adds previous signing keys whose checkpoints and receipts the kit still trusts after a rotation; none by
     * default. A key with the signing key's id must be its verification key.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().signingKey(key2027).trustedKeys(VerificationKeys.of(key2026.verificationKey()))}</pre>
     *
     * @throws IllegalStateException if called twice
     */
    public Builder trustedKeys(VerificationKeys value) {
      requireUnset(trustedKeys, "trustedKeys");
      this.trustedKeys = Preconditions.notNull(value, "trustedKeys");
      return this;
    }

    /** Sets the consent store; {@link ConsentStore#inMemory()} by default. */
    public Builder consentStore(ConsentStore value) {
      requireUnset(consentStore, "consentStore");
      this.consentStore = Preconditions.notNull(value, "consentStore");
      return this;
    }

    /** Sets the source-tag store; {@link SourceStore#inMemory()} by default. */
    public Builder sourceStore(SourceStore value) {
      requireUnset(sourceStore, "sourceStore");
      this.sourceStore = Preconditions.notNull(value, "sourceStore");
      return this;
    }

    /** Sets the suppression store; {@link SuppressionStore#inMemory()} by default. */
    public Builder suppressionStore(SuppressionStore value) {
      requireUnset(suppressionStore, "suppressionStore");
      this.suppressionStore = Preconditions.notNull(value, "suppressionStore");
      return this;
    }

    /**
     * Sets the region in which the suppression list reads phone numbers written in national form
     * ({@code 030 1234567} in {@code "DE"}); without one, only international forms ({@code +49 30 1234567}) are
     * understood and a national one is refused.
     *
     * @param region an upper-case ISO 3166-1 alpha-2 code that libphonenumber supports, such as {@code "DE"}
     * @throws InvalidInputException if it is not one
     */
    public Builder defaultPhoneRegion(String region) {
      requireUnset(defaultPhoneRegion, "defaultPhoneRegion");
      this.defaultPhoneRegion = DefaultSuppressionService.checkedPhoneRegion(region);
      return this;
    }

    /** Sets the store of erasure jobs, reports and tombstones; {@link ErasureStore#inMemory()} by default. */
    public Builder erasureStore(ErasureStore value) {
      requireUnset(erasureStore, "erasureStore");
      this.erasureStore = Preconditions.notNull(value, "erasureStore");
      return this;
    }

    /** Sets the audit store; {@link AuditStore#inMemory()} by default. */
    public Builder auditStore(AuditStore value) {
      requireUnset(auditStore, "auditStore");
      this.auditStore = Preconditions.notNull(value, "auditStore");
      return this;
    }

    /** Sets the store of signed audit checkpoints; {@link CheckpointStore#inMemory()} by default. */
    public Builder checkpointStore(CheckpointStore value) {
      requireUnset(checkpointStore, "checkpointStore");
      this.checkpointStore = Preconditions.notNull(value, "checkpointStore");
      return this;
    }

    /** Sets when audit checkpoints are signed on their own; {@link CheckpointPolicy#DEFAULT} by default. */
    public Builder auditCheckpoints(CheckpointPolicy value) {
      requireUnset(checkpointPolicy, "auditCheckpoints");
      this.checkpointPolicy = Preconditions.notNull(value, "auditCheckpoints");
      return this;
    }

    /** Declares a retention rule; repeatable, ids must be unique. */
    public Builder retention(RetentionRule rule) {
      retentionRules.add(Preconditions.notNull(rule, "rule"));
      return this;
    }

    /** Sets the retention store; {@link RetentionStore#inMemory()} by default. */
    public Builder retentionStore(RetentionStore value) {
      requireUnset(retentionStore, "retentionStore");
      this.retentionStore = Preconditions.notNull(value, "retentionStore");
      return this;
    }

    /** Adds a listener told of every erasure, to forget the subject in stores outside the providers. */
    public Builder onErasure(ErasureListener listener) {
      erasureListeners.add(Preconditions.notNull(listener, "listener"));
      return this;
    }

    /**
     * Names this kit instance in the leases of work that instances sharing the stores claim (erasure jobs, Art. 19
     * notifications, subject requests whose verifier or fulfiller runs); a random id per built kit by default. Give
     * each instance its own id.
     *
     * @throws IllegalStateException if called twice
     */
    public Builder instanceId(String value) {
      requireUnset(instanceId, "instanceId");
      this.instanceId = Preconditions.identifier(value, "instanceId", 128);
      return this;
    }

    /**
     * Sets how long this instance holds an erasure job or a notification it works on without saving progress, or a
     * subject request whose verifier or fulfiller it runs; once it runs out, another instance takes the work over.
     * Longer than the slowest provider's erase and the slowest request fulfiller; {@link #DEFAULT_WORK_LEASE} by
     * default.
     *
     * @throws IllegalStateException if called twice
     */
    public Builder workLease(Duration value) {
      requireUnset(workLease, "workLease");
      Preconditions.notNull(value, "workLease");
      Preconditions.check(value.compareTo(Duration.ofSeconds(1)) >= 0 && value.compareTo(Duration.ofDays(1)) <= 0,
          "workLease", "must be between one second and one day");
      this.workLease = value;
      return this;
    }

    /** Sets how far erasure follows relations; {@link CascadePolicy#defaults()} (one level) by default. */
    public Builder cascade(CascadePolicy value) {
      requireUnset(cascade, "cascade");
      this.cascade = Preconditions.notNull(value, "cascade");
      return this;
    }

    /** Sets what is kept of IP addresses in consent proofs; {@link IpPolicy#TRUNCATE} by default. */
    public Builder ipPolicy(IpPolicy value) {
      requireUnset(ipPolicy, "ipPolicy");
      this.ipPolicy = Preconditions.notNull(value, "ipPolicy");
      return this;
    }

    /** Sets how long double opt-in tokens verify; {@link #DEFAULT_CONFIRMATION_VALIDITY} by default. */
    public Builder confirmationTokenValidity(Duration value) {
      requireUnset(confirmationValidity, "confirmationTokenValidity");
      Preconditions.check(Preconditions.notNull(value, "confirmationTokenValidity").compareTo(Duration.ofMinutes(1)) >= 0,
          "confirmationTokenValidity", "must be at least one minute");
      this.confirmationValidity = Bounds.notLonger(value, "confirmationTokenValidity");
      return this;
    }

    /** Makes unsubscribe tokens expire; by default they verify as long as their key is in the ring. */
    public Builder unsubscribeTokenValidity(Duration value) {
      requireUnset(unsubscribeValidity, "unsubscribeTokenValidity");
      Preconditions.check(Preconditions.notNull(value, "unsubscribeTokenValidity").compareTo(Duration.ofDays(1)) >= 0,
          "unsubscribeTokenValidity", "must be at least one day");
      this.unsubscribeValidity = Bounds.notLonger(value, "unsubscribeTokenValidity");
      return this;
    }

    /**
     * Sets a switch's state for subjects that never set it; every switch is off by default
     * (privacy by default, Art. 25(2)).
     */
    public Builder switchDefault(ProcessingSwitch processingSwitch, boolean on) {
      Preconditions.notNull(processingSwitch, "processingSwitch");
      if (switchDefaults.putIfAbsent(processingSwitch, on) != null) {
        throw new IllegalStateException("switchDefault(" + processingSwitch + ") was already set");
      }
      return this;
    }

    /** Sets the subject-request store; {@link RequestStore#inMemory()} by default. */
    public Builder requestStore(RequestStore value) {
      requireUnset(requestStore, "requestStore");
      this.requestStore = Preconditions.notNull(value, "requestStore");
      return this;
    }

    /**
     * Sets the mailer that sends identity verification mail; there is none by default, and until one is set,
     * {@code requests().startVerification(..)} fails with an
     * {@link io.gdprkit.request.IdentityVerificationUnavailableException}.
     */
    public Builder mailer(Mailer value) {
      requireUnset(mailer, "mailer");
      this.mailer = Preconditions.notNull(value, "mailer");
      return this;
    }

    /** Replaces the default identity verifier, which mails a signed token to the subject's address on record. */
    public Builder identityVerifier(IdentityVerifier value) {
      requireUnset(identityVerifier, "identityVerifier");
      if (emailVerification != null) {
        throw new IllegalStateException(
            "emailVerification configures the default verifier; drop it to set identityVerifier");
      }
      this.identityVerifier = Preconditions.notNull(value, "identityVerifier");
      return this;
    }

    /**
     * Sets the token validity and link of the default identity verifier; {@link EmailVerificationOptions#defaults()}
     * by default.
     */
    public Builder emailVerification(EmailVerificationOptions value) {
      requireUnset(emailVerification, "emailVerification");
      if (identityVerifier != null) {
        throw new IllegalStateException(
            "emailVerification configures the default verifier, which identityVerifier replaced");
      }
      this.emailVerification = Preconditions.notNull(value, "emailVerification");
      return this;
    }

    /** Sets the controller's time zone, in which request due dates are counted; UTC by default. */
    public Builder requestZone(ZoneId value) {
      requireUnset(requestZone, "requestZone");
      this.requestZone = Preconditions.notNull(value, "requestZone");
      return this;
    }

    /**
     * Sets where the exports of completed access and portability requests go; without it, completing such a
     * request only records it. An export that fails midway aborts its {@link ExportDelivery.Sink}, never commits it.
     */
    public Builder exportDelivery(ExportDelivery value) {
      requireUnset(exportDelivery, "exportDelivery");
      this.exportDelivery = Preconditions.notNull(value, "exportDelivery");
      return this;
    }

    /**
     * Sets what completing a request of {@code kind} runs; once per kind. By default an erasure request runs
     * {@code erasure().erase(subject)} and a restriction request restricts the subject; other kinds without a
     * fulfiller are only recorded.
     */
    public Builder requestFulfiller(RequestKind kind, RequestFulfiller fulfiller) {
      Preconditions.notNull(kind, "kind");
      Preconditions.notNull(fulfiller, "fulfiller");
      if (fulfillers.putIfAbsent(kind, fulfiller) != null) {
        throw new IllegalStateException("requestFulfiller(" + kind + ") was already set");
      }
      return this;
    }

    /** Sets the store of the recipient register; {@link RecipientStore#inMemory()} by default. */
    public Builder recipientStore(RecipientStore value) {
      requireUnset(recipientStore, "recipientStore");
      this.recipientStore = Preconditions.notNull(value, "recipientStore");
      return this;
    }

    /** Sets the store of the disclosure log and notifications; {@link DisclosureStore#inMemory()} by default. */
    public Builder disclosureStore(DisclosureStore value) {
      requireUnset(disclosureStore, "disclosureStore");
      this.disclosureStore = Preconditions.notNull(value, "disclosureStore");
      return this;
    }

    /**
     * Sets how recipients are told of rectification, erasure and restriction (Art. 19); without one, every
     * notification is recorded as failed, to be retried once a notifier is configured.
     */
    public Builder recipientNotifier(RecipientNotifier value) {
      requireUnset(recipientNotifier, "recipientNotifier");
      this.recipientNotifier = Preconditions.notNull(value, "recipientNotifier");
      return this;
    }

    /** Replaces the EEA and adequacy lists; {@link TransferRules#defaults()} by default. */
    public Builder transferRules(TransferRules value) {
      requireUnset(transferRules, "transferRules");
      this.transferRules = Preconditions.notNull(value, "transferRules");
      return this;
    }

    /** Sets the country every store is in unless {@link #storeRegion} says otherwise; recorded on disclosures. */
    public Builder dataRegion(CountryCode value) {
      requireUnset(dataRegion, "dataRegion");
      this.dataRegion = Preconditions.notNull(value, "dataRegion");
      return this;
    }

    /** Sets the country one store (a provider id or another store's id) is in; once per store. */
    public Builder storeRegion(String store, CountryCode region) {
      Preconditions.identifier(store, "store", 64);
      Preconditions.notNull(region, "region");
      if (storeRegions.putIfAbsent(store, region) != null) {
        throw new IllegalStateException("storeRegion(" + store + ") was already set");
      }
      return this;
    }

    /**
     * Sets how operations run as one unit of work; {@link TransactionRunner#inMemory()} by default, which keeps the
     * in-memory stores all-or-nothing. A host on a database passes a runner over its transactions.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().transactions(jdbcTransactions)}</pre>
     */
    public Builder transactions(TransactionRunner value) {
      requireUnset(transactions, "transactions");
      this.transactions = Preconditions.notNull(value, "transactions");
      return this;
    }

    /** Sets where audit records wait for the chain; {@link AuditOutbox#inMemory()} by default. */
    public Builder auditOutbox(AuditOutbox value) {
      requireUnset(auditOutbox, "auditOutbox");
      this.auditOutbox = Preconditions.notNull(value, "auditOutbox");
      return this;
    }

    /**
     * Sets which thread appends recorded audit entries to the chain after their unit commits;
     * {@link AuditDrain#AFTER_COMMIT}, the committing thread, by default. {@link AuditDrain#BACKGROUND} leaves the
     * caller only the outbox write, which is what a host's persistence interceptor wants on its hot path.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().auditDrain(AuditDrain.BACKGROUND)}</pre>
     *
     * @since 0.2
     */
    public Builder auditDrain(AuditDrain value) {
      requireUnset(auditDrain, "auditDrain");
      this.auditDrain = Preconditions.notNull(value, "auditDrain");
      return this;
    }

    /**
     * Adds a publisher that every event is handed to inside its unit of work, such as a transactional outbox; if it
     * throws, the operation rolls back. None by default.
     */
    public Builder eventPublisher(GdprEventPublisher value) {
      requireUnset(eventPublisher, "eventPublisher");
      this.eventPublisher = Preconditions.notNull(value, "eventPublisher");
      return this;
    }

    /**
     * Adds a listener told of every event after its unit of work committed; repeatable.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().onEvent(e -> { if (e instanceof ConsentWithdrawn w) stop(w.subject()); })}</pre>
     */
    public Builder onEvent(GdprEventListener listener) {
      eventListeners.add(Preconditions.notNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the controller details that consent receipts carry; without them {@code receipts().issue(..)} fails.
     */
    public Builder receipts(ReceiptOptions value) {
      requireUnset(receiptOptions, "receipts");
      this.receiptOptions = Preconditions.notNull(value, "receipts");
      return this;
    }

    /**
     * Maps IAB TCF purposes and special features to declared consent purposes, for {@code tcf().record(..)}; by
     * default nothing is mapped and only decoding works.
     *
     * <p>Usage example: <pre>{@code .tcf(TcfMapping.forVendor(4242).withPurpose(1, "storage"))}</pre>
     */
    public Builder tcf(TcfMapping value) {
      requireUnset(tcfMapping, "tcf");
      this.tcfMapping = Preconditions.notNull(value, "tcf");
      return this;
    }

    /** Sets the store of the register of authorised persons; {@link AuthorisationStore#inMemory()} by default. */
    public Builder authorisationStore(AuthorisationStore value) {
      requireUnset(authorisationStore, "authorisationStore");
      this.authorisationStore = Preconditions.notNull(value, "authorisationStore");
      return this;
    }

    /** Sets the store of the records of processing; {@link ProcessingRecordStore#inMemory()} by default. */
    public Builder processingRecordStore(ProcessingRecordStore value) {
      requireUnset(processingRecordStore, "processingRecordStore");
      this.processingRecordStore = Preconditions.notNull(value, "processingRecordStore");
      return this;
    }

    /** Sets the breach register's store; {@link BreachStore#inMemory()} by default. */
    public Builder breachStore(BreachStore value) {
      requireUnset(breachStore, "breachStore");
      this.breachStore = Preconditions.notNull(value, "breachStore");
      return this;
    }

    /** Sets the store of wrapped per-subject data keys; {@link SubjectKeyStore#inMemory()} by default. */
    public Builder subjectKeyStore(SubjectKeyStore value) {
      requireUnset(subjectKeyStore, "subjectKeyStore");
      this.subjectKeyStore = Preconditions.notNull(value, "subjectKeyStore");
      return this;
    }

    /**
     * Sets the key-encryption keys that wrap data keys; a random ring, which dies with the JVM, for an in-memory kit;
     * required once a store outlives the JVM, or every data key becomes unreadable at restart.
     */
    public Builder keyEncryptionKeys(KeyEncryptionKeys value) {
      requireUnset(keyEncryptionKeys, "keyEncryptionKeys");
      this.keyEncryptionKeys = Preconditions.notNull(value, "keyEncryptionKeys");
      return this;
    }

    /**
     * Sets how many unwrapped data keys are cached and for how long; {@link DataKeyCacheOptions#defaults()} by
     * default. The time to live bounds how long a key shredded through another instance still decrypts here.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().dataKeyCache(DataKeyCacheOptions.defaults().withTimeToLive(Duration.ofMinutes(1)))}</pre>
     *
     * @throws IllegalStateException if called twice
     */
    public Builder dataKeyCache(DataKeyCacheOptions value) {
      requireUnset(dataKeyCache, "dataKeyCache");
      this.dataKeyCache = Preconditions.notNull(value, "dataKeyCache");
      return this;
    }

    /**
     * Sets the digital age of consent per member state (Art. 8(1)); {@link DigitalConsentAges#defaults()}, the 27 EU
     * member states with their sources, by default.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().digitalConsentAges(DigitalConsentAges.defaults().with(MemberState.of("BE"), 13, "Act of 30 July 2018"))}</pre>
     *
     * @throws IllegalStateException if called twice
     * @since 0.2
     */
    public Builder digitalConsentAges(DigitalConsentAges value) {
      requireUnset(digitalConsentAges, "digitalConsentAges");
      this.digitalConsentAges = Preconditions.notNull(value, "digitalConsentAges");
      return this;
    }

    /**
     * Sets the member state whose digital age of consent applies when a consent's proof names none (Art. 8(1)); without
     * it, such a consent is checked against the GDPR's own age, 16.
     *
     * @throws IllegalStateException if called twice
     * @since 0.2
     */
    public Builder defaultMemberState(MemberState value) {
      requireUnset(defaultMemberState, "defaultMemberState");
      this.defaultMemberState = Preconditions.notNull(value, "defaultMemberState");
      return this;
    }

    /**
     * Refuses every consent to an information society service whose proof does not say whether the subject is below
     * the digital age of consent, with an {@link io.gdprkit.consent.AgeAssuranceRequiredException}.
     *
     * <p>Without it, a consent without age information counts as one from a subject at or above the age, and only a
     * proof that shows a child (such as {@code AgeAssurance.declaredAge(12)}) needs parental authorisation. Art. 8(2)
     * asks for reasonable efforts proportionate to the risk (EDPB Guidelines 05/2020 §§ 132–137): a service directed at
     * children, or risky processing, should require age assurance.
     *
     * @throws IllegalStateException if called twice
     * @since 0.2
     */
    public Builder requireAgeAssurance() {
      if (requireAgeAssurance) {
        throw new IllegalStateException("requireAgeAssurance() was already called");
      }
      requireAgeAssurance = true;
      return this;
    }

    /**
     * Sets how Global Privacy Control signals are honoured: the purposes they withdraw consent for or object to,
     * and the rule for a conflict with a direct choice; {@link GpcPolicy#defaults()}, which honours none, by default.
     * The mapping is checked against the declared purposes by {@link #build()}.
     *
     * <p>Usage example: <pre>{@code GdprKit.builder().gpc(GpcPolicy.defaults().withWithdrawal("ad-sharing"))}</pre>
     *
     * @throws IllegalStateException if called twice
     */
    public Builder gpc(GpcPolicy value) {
      requireUnset(gpcPolicy, "gpc");
      this.gpcPolicy = Preconditions.notNull(value, "gpc");
      return this;
    }

    /** Sets the store of Global Privacy Control signal records; {@link GpcStore#inMemory()} by default. */
    public Builder gpcStore(GpcStore value) {
      requireUnset(gpcStore, "gpcStore");
      this.gpcStore = Preconditions.notNull(value, "gpcStore");
      return this;
    }

    /**
     * Builds the kit.
     *
     * @throws InvalidInputException if purposes or topics are declared twice or topics share a purpose
     * @throws io.gdprkit.purpose.UnknownPurposeException if a topic names an undeclared purpose
     * @throws io.gdprkit.purpose.LegalBasisMismatchException if a topic's purpose is not based on consent
     * @throws io.gdprkit.purpose.PurposeConfigurationException if a purpose processes special categories without an
     *     Art. 9(2) condition, or declares an automated decision (Art. 22) without an Art. 22(2) exception or with
     *     special categories under another condition than Art. 9(2)(a) or (g)
     * @throws io.gdprkit.purpose.LegalBasisMismatchException if the {@link GpcPolicy} maps a withdrawal to a purpose
     *     not based on consent
     * @throws KeyConfigurationException if a store outlives the JVM but a key was not supplied, unless
     *     {@link #allowGeneratedKeys()}
     */
    public GdprKit build() {
      requireHostKeysForDurableStores();
      return new GdprKit(this);
    }

    /** Refuses to generate keys whose loss at restart would shred or forget what a durable store keeps. */
    private void requireHostKeysForDurableStores() {
      boolean durable = Stream.of(consentStore, sourceStore, suppressionStore, erasureStore, retentionStore,
          requestStore, auditStore, checkpointStore, recipientStore, disclosureStore, authorisationStore,
          processingRecordStore, breachStore, subjectKeyStore, auditOutbox, gpcStore).anyMatch(s -> s != null && !(s instanceof InMemoryStore));
      if (!durable || allowGeneratedKeys) {
        return;
      }
      List<String> missing = new ArrayList<>();
      List<String> how = new ArrayList<>();
      if (keys == null && keyRingSource == null) {
        missing.add("keyRing");
        how.add("token keys with keyRing(KeyRing.of(id, secret)) or keyRingSource(source)");
      }
      if (pseudonymKey == null) {
        missing.add("pseudonymKey");
        how.add("pseudonymKey(PseudonymKey.of(version, secret))");
      }
      if (signingKey == null) {
        missing.add("signingKey");
        how.add("signingKey(SigningKey.of(id, seed))");
      }
      if (keyEncryptionKeys == null) {
        missing.add("keyEncryptionKeys");
        how.add("keyEncryptionKeys(KeyEncryptionKeys.of(id, key))");
      }
      if (!missing.isEmpty()) {
        throw KeyConfigurationException.missing(missing, how);
      }
    }

    private static void requireUnset(@Nullable Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set");
      }
    }
  }
}
