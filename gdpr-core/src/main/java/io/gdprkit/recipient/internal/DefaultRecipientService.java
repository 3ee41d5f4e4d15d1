package io.gdprkit.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.decision.Decision;
import io.gdprkit.decision.DecisionService;
import io.gdprkit.InvalidInputException;
import io.gdprkit.erasure.DataMadePublic;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.InformedController;
import io.gdprkit.erasure.PublicDataErasureRequested;
import io.gdprkit.erasure.SubjectErased;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.event.GdprEventListener;
import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.rectification.SubjectRectified;
import io.gdprkit.restriction.ProcessingRestricted;
import io.gdprkit.internal.SubjectLocks;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.DisclosureRefusedException;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.NotificationReason;
import io.gdprkit.recipient.NotificationStatus;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.RecipientRetiredException;
import io.gdprkit.recipient.RecipientService;
import io.gdprkit.recipient.SubjectErasedException;
import io.gdprkit.recipient.TransferBasis;
import io.gdprkit.recipient.TransferRules;
import io.gdprkit.recipient.UnknownRecipientException;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.recipient.spi.RecipientNotifier;
import io.gdprkit.recipient.spi.RecipientStore;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the register and the log, checks disclosures under the subject's lock that restrictions are recorded and
 * erasures marked under, and under their recipient's read lock that a retirement takes for writing, and sends
 * Art. 19 notifications through an outbox in the disclosure store. Both locks live in this JVM; a kit shared by
 * several instances relies on the stores for the rest. Locks are always taken recipient first, subject second.
 *
 * <p>An instance is the view of one tenant's register ({@link #forTenant} makes the others, sharing the locks and
 * the outbox); whatever the view, a disclosure or notification looks its recipient up in its subject's tenant.
 *
 * <p>Notifications are sent under a lease in the disclosure store, held by this instance's id and a send number, so
 * that instances sharing the store send each notification once and take over those of an instance that died once its
 * lease ran out (issue 9).
 *
 * <p>Erasure runs in an order that survives a crash at any point: record a pending notification for each recipient
 * (the erasure job, still pending, calls again after a crash and finds them by pseudonym), send them, then clear
 * the subject's id from the log and from the delivered notifications. A notification that fails keeps the id until
 * a retry delivers it, because the recipient needs it to find the subject.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultRecipientService implements RecipientService, GdprEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRecipientService.class);
  private static final String SCOPE = "scope";
  private static final String EVERYTHING = ErasureScope.Kind.EVERYTHING.name();

  private final RecipientStore recipients;
  private final DisclosureStore store;
  private final RecipientNotifier notifier;
  private final TransferRules rules;
  private final PurposeRegistry purposes;
  private final DecisionService decisions;
  private final AuditService audit;
  private final SubjectLocks locks;
  private final Function<SubjectId, String> pseudonyms;
  private final Predicate<SubjectId> erased;
  private final UnitOfWork unitOfWork;
  private final @Nullable CountryCode dataRegion;
  private final Map<String, CountryCode> storeRegions;
  private final Clock clock;
  private final String owner;
  private final Duration lease;
  private final AtomicLong sends;
  private final ReadWriteLock[] recipientLocks;
  /** The tenant whose register this view changes; disclosures and notifications follow their subject's tenant. */
  private final TenantId tenant;

  /**
   * What the service needs from the rest of the kit.
   *
   * @param erased whether a subject was erased in full; asked under the subject's lock, which erasure holds while it
   *     marks a subject erased, before it tells the recipients
   * @param owner this kit instance's id in notification leases
   * @param lease how long a send holds a notification
   */
  public record Settings(TransferRules rules, @Nullable CountryCode dataRegion, Map<String, CountryCode> storeRegions,
      Function<SubjectId, String> pseudonyms, Predicate<SubjectId> erased, String owner, Duration lease) {

    /** Copies the regions. */
    public Settings {
      storeRegions = Map.copyOf(storeRegions);
      Preconditions.notBlank(owner, "owner");
      Preconditions.notNull(lease, "lease");
    }
  }

  public DefaultRecipientService(RecipientStore recipients, DisclosureStore store, RecipientNotifier notifier,
      PurposeRegistry purposes, DecisionService decisions, AuditService audit, SubjectLocks locks, Clock clock,
      Settings settings, UnitOfWork unitOfWork) {
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.recipients = recipients;
    this.store = store;
    this.notifier = notifier;
    this.rules = settings.rules();
    this.purposes = purposes;
    this.decisions = decisions;
    this.audit = audit;
    this.locks = locks;
    this.pseudonyms = settings.pseudonyms();
    this.erased = settings.erased();
    this.dataRegion = settings.dataRegion();
    this.storeRegions = settings.storeRegions();
    this.clock = clock;
    this.owner = settings.owner();
    this.lease = settings.lease();
    this.sends = new AtomicLong();
    this.recipientLocks = new ReadWriteLock[16];
    for (int i = 0; i < recipientLocks.length; i++) {
      recipientLocks[i] = new ReentrantReadWriteLock();
    }
    this.tenant = TenantId.DEFAULT;
  }

  /** Creates the view of another tenant's register, sharing everything else, locks included. */
  private DefaultRecipientService(DefaultRecipientService base, TenantId tenant) {
    this.unitOfWork = base.unitOfWork;
    this.recipients = base.recipients;
    this.store = base.store;
    this.notifier = base.notifier;
    this.rules = base.rules;
    this.purposes = base.purposes;
    this.decisions = base.decisions;
    this.audit = base.audit;
    this.locks = base.locks;
    this.pseudonyms = base.pseudonyms;
    this.erased = base.erased;
    this.dataRegion = base.dataRegion;
    this.storeRegions = base.storeRegions;
    this.clock = base.clock;
    this.owner = base.owner;
    this.lease = base.lease;
    this.sends = base.sends;
    this.recipientLocks = base.recipientLocks;
    this.tenant = tenant;
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public RecipientService forTenant(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return tenant.equals(this.tenant) ? this : new DefaultRecipientService(this, tenant);
  }

  /** The notifier used when the host configured none: every notification fails, visibly, until one is set. */
  public static RecipientNotifier missingNotifier() {
    return (recipient, notification) -> {
      throw new UnsupportedOperationException(
          "no RecipientNotifier is configured; set one with GdprKit.builder().recipientNotifier(..)");
    };
  }

  @Override
  public Optional<Recipient> register(Recipient recipient, Actor by) {
    Preconditions.notNull(recipient, "recipient");
    Preconditions.notNull(by, "actor");
    Preconditions.check(!recipient.isRetired(), "recipient",
        "must not be retired when registered; retire a registered recipient with retire(..)");
    Optional<Recipient> previous = recipients.save(tenant, recipient);
    if (previous.isPresent() && previous.get().retiredAt() != null) {
      throw RecipientRetiredException.registration(recipient.id(), previous.get().retiredAt());
    }
    audit.record(new AuditRecord(AuditKind.REGISTER_CHANGED, tenant, null, by, null,
        Map.of("register", "recipients", "recipient", recipient.id(), "change",
            previous.isPresent() ? "replaced" : "added", "country", recipient.country().value(),
            "safeguard", recipient.safeguard().name())));
    LOG.debug("recipient {} {}", recipient.id(), previous.isPresent() ? "replaced" : "added");
    return previous;
  }

  @Override
  public Recipient retire(String recipientId, String reason, Actor by) {
    Preconditions.notNull(recipientId, "recipientId");
    Preconditions.text(reason, "retirement reason", 500);
    Preconditions.notNull(by, "actor");
    Lock exclusive = recipientLock(tenant, recipientId).writeLock();
    boolean retired;
    exclusive.lock();
    try {
      retired = recipients.retire(tenant, recipientId, clock.instant(), reason);
    } finally {
      exclusive.unlock();
    }
    Recipient entry = recipients.find(tenant, recipientId)
        .orElseThrow(() -> UnknownRecipientException.of(recipientId));
    if (retired) {
      audit.record(new AuditRecord(AuditKind.REGISTER_CHANGED, tenant, null, by, null,
          Map.of("register", "recipients", "recipient", recipientId, "change", "retired")));
      LOG.debug("recipient {} retired", recipientId);
    }
    return entry;
  }

  private ReadWriteLock recipientLock(TenantId owner, String recipientId) {
    return recipientLocks[(31 * owner.hashCode() + recipientId.hashCode()) & (recipientLocks.length - 1)];
  }

  @Override
  public Optional<Recipient> recipient(String id) {
    return recipients.find(tenant, Preconditions.notNull(id, "id"));
  }

  @Override
  public List<Recipient> recipients() {
    return recipients.all(tenant);
  }

  @Override
  public Disclosure disclose(SubjectId subject, String recipient, String purpose, Set<DataCategory> categories,
      Actor by) {
    return discloseFrom(null, subject, recipient, purpose, categories, by);
  }

  @Override
  public Disclosure discloseFrom(@Nullable String storeId, SubjectId subject, String recipientId, String purposeId,
      Set<DataCategory> categories, Actor by) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(recipientId, "recipient");
    Preconditions.notNull(purposeId, "purpose");
    Preconditions.notNull(categories, "categories");
    Preconditions.notNull(by, "actor");
    if (storeId != null) {
      Preconditions.identifier(storeId, "store", 64);
    }
    // Shared with other disclosures, exclusive for a retirement: a disclosure lands before it or is refused after.
    Lock shared = recipientLock(subject.tenant(), recipientId).readLock();
    shared.lock();
    try {
      return log(storeId, subject, recipientId, purposeId, categories, by);
    } finally {
      shared.unlock();
    }
  }

  private Disclosure log(@Nullable String storeId, SubjectId subject, String recipientId, String purposeId,
      Set<DataCategory> categories, Actor by) {
    Recipient recipient = recipients.find(subject.tenant(), recipientId)
        .orElseThrow(() -> UnknownRecipientException.of(recipientId));
    if (recipient.retiredAt() != null) {
      throw RecipientRetiredException.disclosure(recipient.id(), recipient.retiredAt());
    }
    Purpose purpose = purposes.get(purposeId);
    Preconditions.check(!categories.isEmpty(), "categories", "must name at least one data category");
    Set<String> needed = purpose.dataCategories().stream().map(DataCategory::id).collect(Collectors.toSet());
    for (DataCategory category : categories) {
      Preconditions.check(category != null && needed.contains(category.id()), "categories",
          "must be data categories that purpose " + Messages.quote(purpose.id()) + " needs");
    }
    CountryCode from = storeId == null ? dataRegion : storeRegions.getOrDefault(storeId, dataRegion);
    TransferBasis basis = rules.assess(recipient);
    // The log entry and its audit record as one unit. The erasure check reads the shared store: from the moment an
    // erasure of the subject starts, on any instance, a disclosure is refused (Issue 9). In this JVM the subject's
    // lock, shared with restrictions and the erasure's tombstone, orders a disclosure that checked just before that.
    Disclosure disclosure = unitOfWork.run("log disclosure", () -> {
      Disclosure logged;
      synchronized (locks.of(subject)) {
        if (erased.test(subject)) {
          throw SubjectErasedException.of(subject, recipient.id(), purpose.id());
        }
        Decision decision = decisions.decide(subject, purpose.id());
        if (!decision.allowed()) {
          throw DisclosureRefusedException.of(subject, recipient.id(), purpose.id(), decision.reason());
        }
        logged = new Disclosure(UUID.randomUUID(), subject.tenant(), subject, pseudonyms.apply(subject),
            recipient.id(), purpose.id(), categories, from, recipient.country(), basis, by, clock.instant());
        store.append(logged);
      }
      audit.record(new AuditRecord(AuditKind.DISCLOSED, subject.tenant(), logged.subjectPseudonym(), by,
          purpose.id(), Map.of("disclosure", logged.id().toString(), "recipient", recipient.id(),
              "categories", categories.stream().map(DataCategory::id).sorted().collect(Collectors.joining(",")),
              "to", recipient.country().value(), "basis", basis.name())));
      return logged;
    });
    LOG.debug("disclosure {} to recipient {} for purpose {} logged", disclosure.id(), recipient.id(), purpose.id());
    return disclosure;
  }

  @Override
  public List<Disclosure> disclosures(SubjectId subject) {
    return store.bySubject(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public List<Disclosure> disclosures(SubjectId subject, int offset, int limit) {
    return store.bySubject(Preconditions.notNull(subject, "subject"), offset, limit);
  }

  @Override
  public List<Recipient> recipientsOf(SubjectId subject) {
    List<Recipient> found = new ArrayList<>();
    for (String id : recipientIds(disclosures(subject))) {
      recipients.find(subject.tenant(), id).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public List<Notification> notifications(SubjectId subject) {
    return store.notifications(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public List<Notification> undeliveredNotifications(int limit) {
    return store.undelivered(Preconditions.positive(limit, "limit"));
  }

  @Override
  public int retryNotifications(int limit) {
    Preconditions.positive(limit, "limit");
    String sender = sender();
    int delivered = 0;
    for (Notification notification : store.claimUndelivered(sender, leaseUntil(), limit)) {
      if (deliverClaimed(notification, sender)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** Returns the lease owner of one send: this instance's id and a send number, so threads never share a claim. */
  private String sender() {
    return owner + '#' + sends.incrementAndGet();
  }

  private Instant leaseUntil() {
    return clock.instant().plus(lease);
  }

  /** Tells every recipient of the subject's data of a restriction; lifting one tells no one. */
  public void restricted(ProcessingRestricted restriction) {
    tell(restriction.subject(), recipientIds(store.bySubject(restriction.subject())), NotificationReason.RESTRICTED,
        Map.of("restricted-at", restriction.occurredAt().toString()));
  }

  /**
   * Tells the recipients of a subject's data of each erasure, restriction and rectification once it committed
   * (Art. 19), whichever service made it.
   */
  @Override
  public void on(GdprEvent event) {
    if (event instanceof SubjectErased erased) {
      erased(erased.subject(), erased.scope());
    } else if (event instanceof PublicDataErasureRequested request) {
      requestErasure(request);
    } else if (event instanceof DataMadePublic publication) {
      checkControllers(publication);
    } else if (event instanceof ProcessingRestricted restriction) {
      restricted(restriction);
    } else if (event instanceof SubjectRectified rectification) {
      rectified(rectification.subject(), rectification.provider(), rectification.field());
    }
  }

  /**
   * Refuses a record of data made public that names as a controller processing it anything but a registered recipient
   * of a controller kind of the subject's tenant: Art. 17(2) informs controllers, and a processor acts for the
   * controller itself. Runs in the unit of work that records it, so a refusal records nothing.
   */
  private void checkControllers(DataMadePublic event) {
    for (String id : event.publication().controllers()) {
      Recipient recipient = recipients.find(event.tenant(), id).orElseThrow(() -> UnknownRecipientException.of(id));
      if (recipient.kind() != RecipientKind.THIRD_PARTY && recipient.kind() != RecipientKind.JOINT_CONTROLLER) {
        throw InvalidInputException.of("controllers", "must be recipients of kind THIRD_PARTY or JOINT_CONTROLLER; "
            + Messages.quote(id) + " is a " + recipient.kind() + ", which processes for the controller itself");
      }
    }
  }

  /**
   * Records and sends an Art. 17(2) request to each controller the erasure names, under the notice id the erasure
   * chose: a request already recorded (the job was resumed after this unit failed) is not recorded again, only sent if
   * still undelivered. Like a full erasure notice, it keeps the subject's id until delivered.
   */
  private void requestErasure(PublicDataErasureRequested request) {
    String pseudonym = pseudonyms.apply(request.subject());
    List<UUID> ids = new ArrayList<>();
    for (InformedController controller : request.controllers()) {
      if (store.notification(controller.notice()).isEmpty()) {
        store.saveNotification(Notification.pending(controller.notice(), request.subject(), pseudonym,
            controller.controller(), NotificationReason.ERASURE_REQUESTED, Map.of("article", "17(2)",
                "purpose", controller.purpose(), "where", controller.where(), "categories",
                controller.categories().stream().map(DataCategory::id).sorted().collect(Collectors.joining(",")),
                "request", InformedController.REQUEST, SCOPE, scopeKey(request.scope())), request.occurredAt()));
      }
      ids.add(controller.notice());
    }
    ids.forEach(this::send);
  }

  /** Tells every recipient of the subject's data of a rectified field. */
  public void rectified(SubjectId subject, String provider, String field) {
    tell(subject, recipientIds(store.bySubject(subject)), NotificationReason.RECTIFIED,
        Map.of("provider", provider, "field", field));
  }

  /**
   * Tells every recipient of the erased data, then, for an erasure of everything, clears the subject's id from the
   * log and from the delivered notifications. Idempotent, so an erasure job resumed after a crash can call it again.
   */
  public void erased(SubjectId subject, ErasureScope scope) {
    String pseudonym = pseudonyms.apply(subject);
    String scopeKey = scopeKey(scope);
    Set<String> told = new LinkedHashSet<>();
    for (Notification earlier : store.notificationsByPseudonym(pseudonym)) {
      if (earlier.reason() == NotificationReason.ERASED && scopeKey.equals(earlier.details().get(SCOPE))) {
        told.add(earlier.recipient());
      }
    }
    List<Disclosure> erased = store.bySubject(subject).stream().filter(d -> covers(scope, d)).toList();
    for (String recipient : recipientIds(erased)) {
      if (!told.contains(recipient)) {
        store.saveNotification(Notification.pending(UUID.randomUUID(), subject, pseudonym, recipient,
            NotificationReason.ERASED, Map.of(SCOPE, scopeKey), clock.instant()));
      }
    }
    for (Notification notification : store.notifications(subject)) {
      if (notification.reason() == NotificationReason.ERASED && notification.undelivered()) {
        send(notification.id());
      }
    }
    if (scope.isEverything()) {
      int cleared = store.pseudonymise(subject);
      for (Notification listed : store.notifications(subject)) {
        forget(listed.id());
      }
      LOG.debug("{} disclosures of an erased subject pseudonymised", cleared);
    }
  }

  /**
   * Clears the erased subject's id from one notification once no other thread is sending it: a delivered one is
   * pseudonymised, an undelivered one superseded, unless it is the erasure notice itself, which keeps the id until
   * it is delivered.
   */
  private void forget(UUID id) {
    String sender = sender();
    Optional<Notification> claimed = store.claimNotification(id, sender, leaseUntil());
    while (claimed.isEmpty()) {
      if (store.notification(id).isEmpty()) {
        return;
      }
      LockSupport.parkNanos(1_000_000L); // a sender, here or elsewhere, holds it; erasure is rare enough to wait
      claimed = store.claimNotification(id, sender, leaseUntil());
    }
    Notification current = claimed.get();
    Notification next = current;
    if (current.subject() != null && !current.undelivered()) {
      next = current.pseudonymised();
    } else if (current.subject() != null && !isFullErasureNotice(current)) {
      next = current.superseded();
    }
    if (next == current) {
      store.releaseNotification(id, sender);
    } else {
      store.completeNotification(next, sender);
    }
  }

  /** Returns whether it tells of an erasure of everything (Art. 19 or Art. 17(2)), which keeps the id until delivered. */
  private static boolean isFullErasureNotice(Notification notification) {
    return (notification.reason() == NotificationReason.ERASED
        || notification.reason() == NotificationReason.ERASURE_REQUESTED)
        && EVERYTHING.equals(notification.details().get(SCOPE));
  }

  private void tell(SubjectId subject, Set<String> recipientIds, NotificationReason reason,
      Map<String, String> details) {
    String pseudonym = pseudonyms.apply(subject);
    List<Notification> recorded = new ArrayList<>();
    for (String recipient : recipientIds) {
      Notification notification = Notification.pending(UUID.randomUUID(), subject, pseudonym, recipient, reason,
          details, clock.instant());
      store.saveNotification(notification);
      recorded.add(notification);
    }
    recorded.forEach(notification -> send(notification.id()));
  }

  /** Sends one notification unless a sender, here or in another instance, holds it or it was delivered meanwhile. */
  private boolean send(UUID id) {
    String sender = sender();
    return store.claimNotification(id, sender, leaseUntil()).map(claimed -> deliverClaimed(claimed, sender))
        .orElse(false);
  }

  /** Delivers a notification this sender claimed and saves the outcome, releasing the claim. */
  private boolean deliverClaimed(Notification current, String sender) {
    if (!current.undelivered() || current.subject() == null) {
      store.releaseNotification(current.id(), sender);
      return false;
    }
    Notification next;
    Optional<Recipient> recipient = recipients.find(current.tenant(), current.recipient());
    try {
      notifier.deliver(recipient.orElseThrow(() -> UnknownRecipientException.of(current.recipient())), current);
      next = current.delivered(clock.instant());
      if (isFullErasureNotice(current)) {
        next = next.pseudonymised();
      }
    } catch (RuntimeException e) {
      next = current.failed(e.getClass().getName());
      LOG.warn("notification {} to recipient {} failed with {}; retryNotifications() sends it again",
          current.id(), current.recipient(), e.getClass().getName());
    }
    if (!store.completeNotification(next, sender)) {
      LOG.warn("notification {} was taken over by another sender after its lease ran out", current.id());
      return false;
    }
    audit.record(new AuditRecord(AuditKind.RECIPIENT_NOTIFIED, next.tenant(), next.subjectPseudonym(),
        Actor.system("art19-notifier"), null, Map.of("notification", next.id().toString(),
            "recipient", next.recipient(), "reason", next.reason().name(), "status", next.status().name(),
            "attempts", Integer.toString(next.attempts()))));
    return next.status() == NotificationStatus.DELIVERED;
  }

  private static boolean covers(ErasureScope scope, Disclosure disclosure) {
    return switch (scope.kind()) {
      case EVERYTHING -> true;
      case CONSENT_WITHDRAWN, PURPOSE_ENDED -> disclosure.purpose().equals(scope.purpose());
      case CATEGORIES -> {
        Set<String> erased = scope.categories().stream().map(DataCategory::id).collect(Collectors.toSet());
        yield disclosure.categories().stream().anyMatch(category -> erased.contains(category.id()));
      }
    };
  }

  private static String scopeKey(ErasureScope scope) {
    return switch (scope.kind()) {
      case EVERYTHING -> EVERYTHING;
      case CONSENT_WITHDRAWN, PURPOSE_ENDED -> scope.kind().name() + ':' + scope.purpose();
      case CATEGORIES -> scope.kind().name() + ':'
          + scope.categories().stream().map(DataCategory::id).sorted().collect(Collectors.joining(","));
    };
  }

  private static Set<String> recipientIds(List<Disclosure> disclosures) {
    Set<String> ids = new LinkedHashSet<>();
    disclosures.forEach(d -> ids.add(d.recipient()));
    return ids;
  }
}
