package io.gdprkit.breach.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.breach.AffectedSubjects;
import io.gdprkit.breach.AuthorityNotificationDue;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.BreachService;
import io.gdprkit.breach.BreachStateException;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.RiskAssessment;
import io.gdprkit.breach.RiskLevel;
import io.gdprkit.breach.SubjectNoticeExemption;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Keyset;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The default breach register: validates each step against the clock, writes it with the breach's version, retries
 * when another writer won, and audits it, a risk assessment with its level and the previous one.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultBreachService implements BreachService {

  /** The register's name in audit details. */
  public static final String REGISTER = "breaches";
  private static final Actor DERIVER = Actor.system("breach-register");
  /** How often a step re-reads and retries after losing a race. */
  static final int ATTEMPTS = 32;
  private static final int PAGE = 100;

  private final BreachStore store;
  private final ProviderRegistry providers;
  private final AuditService audit;
  private final Clock clock;
  private final TenantId tenant;

  /** Creates the service for {@link TenantId#DEFAULT}; {@link #forTenant} gives the other tenants' views. */
  public DefaultBreachService(BreachStore store, ProviderRegistry providers, AuditService audit, Clock clock) {
    this(store, providers, audit, clock, TenantId.DEFAULT);
  }

  private DefaultBreachService(BreachStore store, ProviderRegistry providers, AuditService audit, Clock clock,
      TenantId tenant) {
    this.store = Preconditions.notNull(store, "store");
    this.providers = Preconditions.notNull(providers, "providers");
    this.audit = Preconditions.notNull(audit, "audit");
    this.clock = Preconditions.notNull(clock, "clock");
    this.tenant = tenant;
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public BreachService forTenant(TenantId tenant) {
    Preconditions.notNull(tenant, "tenant");
    return tenant.equals(this.tenant) ? this : new DefaultBreachService(store, providers, audit, clock, tenant);
  }

  @Override
  public Breach record(BreachDetails details, Instant awareAt, Actor actor) {
    return record(BreachId.random(), details, awareAt, actor);
  }

  @Override
  public Breach record(BreachId id, BreachDetails details, Instant awareAt, Actor actor) {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(details, "details");
    Preconditions.notNull(actor, "actor");
    Instant now = clock.instant();
    notInFuture(Bounds.instant(awareAt, "awareAt"), "awareAt", now);
    Breach breach = Breach.recorded(id, details, awareAt, now);
    store.insert(tenant, breach);
    audited(breach, actor, "RECORDED", Map.of());
    return breach;
  }

  @Override
  public Breach amend(BreachId id, UnaryOperator<BreachDetails> change, Actor actor) {
    Preconditions.notNull(change, "change");
    return step(id, actor, "AMENDED",
        breach -> breach.amended(Preconditions.notNull(change.apply(breach.details()), "amended details")));
  }

  @Override
  public Breach notifyAuthority(BreachId id, Instant notifiedAt, @Nullable String delayReasons, Actor actor) {
    notInFuture(Bounds.instant(notifiedAt, "notifiedAt"), "notifiedAt", clock.instant());
    return step(id, actor, "AUTHORITY_NOTIFIED", breach -> breach.authorityNotified(notifiedAt, delayReasons));
  }

  @Override
  public Breach assess(BreachId id, RiskLevel level, String rationale, Actor assessor) {
    Preconditions.notNull(level, "level");
    Preconditions.text(rationale, "risk rationale", BreachDetails.MAX_TEXT);
    return step(id, assessor, "ASSESSED",
        breach -> breach.assessed(new RiskAssessment(level, rationale, assessor, clock.instant())));
  }

  @Override
  public Breach notificationNotRequired(BreachId id, String reason, Actor actor) {
    Preconditions.notBlank(reason, "reason");
    return step(id, actor, "NOTIFICATION_NOT_REQUIRED", breach -> {
      if (breach.authorityNotifiedAt() != null) {
        throw BreachStateException.of(id, "record that no notification is required for",
            "the authority was notified already");
      }
      return breach.assessed(new RiskAssessment(RiskLevel.NO_RISK, reason, actor, clock.instant()));
    });
  }

  @Override
  public Breach notifyAuthorityFurther(BreachId id, Instant informedAt, Actor actor) {
    notInFuture(Bounds.instant(informedAt, "informedAt"), "informedAt", clock.instant());
    return step(id, actor, "AUTHORITY_INFORMED_FURTHER", breach -> breach.authorityInformedFurther(informedAt));
  }

  @Override
  public Breach communicationRequiredByAuthority(BreachId id, Instant requiredAt, Actor actor) {
    notInFuture(Bounds.instant(requiredAt, "requiredAt"), "requiredAt", clock.instant());
    return step(id, actor, "COMMUNICATION_REQUIRED", breach -> breach.communicationRequired(requiredAt));
  }

  @Override
  public Breach subjectsTold(BreachId id, Instant toldAt, Actor actor) {
    notInFuture(Bounds.instant(toldAt, "toldAt"), "toldAt", clock.instant());
    return step(id, actor, "SUBJECTS_TOLD", breach -> breach.subjectsTold(toldAt));
  }

  @Override
  public Breach subjectsNotTold(BreachId id, SubjectNoticeExemption exemption, String how, Actor actor) {
    Preconditions.notNull(exemption, "exemption");
    Preconditions.notBlank(how, "exemption details");
    return step(id, actor, "SUBJECTS_NOT_TOLD", breach -> breach.subjectsNotTold(exemption, how));
  }

  @Override
  public Optional<Breach> find(BreachId id) {
    return store.find(tenant, Preconditions.notNull(id, "id"));
  }

  @Override
  public List<Breach> breaches() {
    List<Breach> all = new ArrayList<>();
    Keyset.forEach(PAGE, (@Nullable BreachId after) -> store.page(tenant, after, PAGE), Breach::id, all::add);
    return all;
  }

  @Override
  public List<Breach> awaitingNotification(Duration within) {
    Bounds.notNegative(within, "within");
    Instant cutoff = clock.instant().plus(within);
    List<Breach> due = new ArrayList<>();
    Keyset.forEach(PAGE, (@Nullable Breach after) -> store.pendingDueBy(tenant, cutoff, after, PAGE),
        breach -> breach, due::add);
    return due;
  }

  @Override
  public List<AuthorityNotificationDue> awaitingAuthorityNotification() {
    Instant now = clock.instant();
    List<AuthorityNotificationDue> due = new ArrayList<>();
    Keyset.forEach(PAGE, (@Nullable Breach after) -> store.pendingDueBy(tenant, Bounds.LATEST, after, PAGE),
        breach -> breach, breach -> due.add(AuthorityNotificationDue.of(breach, now)));
    return due;
  }

  @Override
  public List<Breach> awaitingSubjectCommunication() {
    List<Breach> due = new ArrayList<>();
    Keyset.forEach(PAGE, (@Nullable Breach after) -> store.subjectCommunicationDue(tenant, after, PAGE),
        breach -> breach, due::add);
    return due;
  }

  @Override
  public List<Breach> unassessed() {
    List<Breach> open = new ArrayList<>();
    Keyset.forEach(PAGE, (@Nullable Breach after) -> store.unassessed(tenant, after, PAGE), breach -> breach,
        open::add);
    return open;
  }

  @Override
  public AffectedSubjects affectedSubjects(BreachId id, Consumer<SubjectId> sink) {
    Preconditions.notNull(id, "id");
    Breach breach = store.find(tenant, id).orElseThrow(() -> UnknownBreachException.of(id));
    ExposureWindow exposure = breach.details().exposure();
    Preconditions.check(exposure != null, "breach exposure",
        "must be recorded (amend the breach withExposure) to derive its affected subjects");
    return derive(breach.id(), breach.details().dataCategories(), exposure, sink);
  }

  @Override
  public AffectedSubjects affectedSubjects(Collection<DataCategory> categories, ExposureWindow window,
      Consumer<SubjectId> sink) {
    Preconditions.notNull(categories, "categories");
    Preconditions.check(!categories.isEmpty(), "data categories", "must not be empty to derive affected subjects");
    Preconditions.notNull(window, "window");
    Preconditions.notNull(sink, "sink");
    return derive(null, categories, window, sink);
  }

  /** Scans the providers, then audits what was derived: counts and providers, never a subject. */
  private AffectedSubjects derive(@Nullable BreachId breach, Collection<DataCategory> categories,
      ExposureWindow window, Consumer<SubjectId> sink) {
    AffectedSubjects found = AffectedSubjectScan.run(providers, tenant, List.copyOf(categories), window, sink);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("register", REGISTER);
    details.put("change", "AFFECTED_SUBJECTS_DERIVED");
    if (breach != null) {
      details.put("breach", breach.value());
    }
    details.put("categories", categories.stream().map(DataCategory::id).sorted().distinct()
        .collect(Collectors.joining(",")));
    details.put("from", window.from().toString());
    details.put("until", window.until().toString());
    details.put("subjects", Long.toString(found.subjects()));
    details.put("answered", String.join(",", found.answered()));
    details.put("unanswered", String.join(",", found.unanswered()));
    audit.record(new AuditRecord(AuditKind.ACCESSED, tenant, null, DERIVER, null, details));
    return found;
  }

  /** A change from one version of a breach to the next. */
  private interface Step {
    Breach next(Breach current);
  }

  /**
   * Applies a step to the latest version and writes it; when another writer won, re-reads and applies it again, so
   * no step is lost and a step that no longer fits fails with the breach's own rules.
   */
  private Breach step(BreachId id, Actor actor, String change, Step step) {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(actor, "actor");
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Breach current = store.find(tenant, id).orElseThrow(() -> UnknownBreachException.of(id));
      Breach next = step.next(current);
      try {
        store.update(tenant, next);
      } catch (BreachConflictException lost) {
        Thread.onSpinWait();
        continue;
      }
      Map<String, String> details = new LinkedHashMap<>();
      if (next.assessments().size() > current.assessments().size()) {
        details.put("risk", next.assessments().get(next.assessments().size() - 1).level().name());
        details.put("previousRisk", current.assessment().map(a -> a.level().name()).orElse("NONE"));
      }
      if (next.authorityStatus() == Breach.AuthorityStatus.NOTIFIED) {
        details.put("late", Boolean.toString(next.notifiedLate()));
      }
      if (next.subjectExemption() != null) {
        details.put("exemption", next.subjectExemption().name());
      }
      audited(next, actor, change, details);
      return next;
    }
    throw BreachConflictException.retriesExhausted(id, ATTEMPTS);
  }

  private static void notInFuture(Instant at, String field, Instant now) {
    Preconditions.check(!at.isAfter(now), field, "must not be in the future");
  }

  private void audited(Breach breach, Actor actor, String change, Map<String, String> extra) {
    Map<String, String> details = new LinkedHashMap<>(extra);
    details.put("register", REGISTER);
    details.put("change", change);
    details.put("breach", breach.id().value());
    details.put("version", Integer.toString(breach.version()));
    details.put("authority", breach.authorityStatus().name());
    details.put("subjects", breach.subjectStatus().name());
    audit.record(new AuditRecord(AuditKind.REGISTER_CHANGED, tenant, null, actor, null, details));
  }
}
