package io.gdprkit.authorisation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditService;
import io.gdprkit.authorisation.Authorisation;
import io.gdprkit.authorisation.AuthorisationService;
import io.gdprkit.authorisation.NotAuthorisedException;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.authorisation.UnknownAuthorisationException;
import io.gdprkit.authorisation.spi.AuthorisationStore;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the register of authorised persons in an {@link AuthorisationStore} and writes its changes and refusals to
 * the audit trail; see {@link AuthorisationService}.
 *
 * <p>Every check reads the store afresh, so a revocation that returned is seen by every check that starts after it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultAuthorisationService implements AuthorisationService {

  /** The register's name in audit details. */
  static final String REGISTER = "authorised-persons";

  private final AuthorisationStore store;
  private final AuditService audit;
  private final Clock clock;

  /** Creates the service. */
  public DefaultAuthorisationService(AuthorisationStore store, AuditService audit, Clock clock) {
    this.store = Preconditions.notNull(store, "store");
    this.audit = Preconditions.notNull(audit, "audit");
    this.clock = Preconditions.notNull(clock, "clock");
  }

  @Override
  public Authorisation grant(StaffUser staff, DataCategory category, Actor grantedBy) {
    return grant(staff, category, clock.instant(), null, grantedBy);
  }

  @Override
  public Authorisation grant(StaffUser staff, DataCategory category, Instant validFrom, @Nullable Instant validUntil,
      Actor grantedBy) {
    return add(staff, Preconditions.notNull(category, "category").id(), validFrom, validUntil, grantedBy);
  }

  @Override
  public Authorisation grantAllOrdinary(StaffUser staff, Instant validFrom, @Nullable Instant validUntil,
      Actor grantedBy) {
    return add(staff, Authorisation.ALL_ORDINARY, validFrom, validUntil, grantedBy);
  }

  private Authorisation add(StaffUser staff, String category, Instant validFrom, @Nullable Instant validUntil,
      Actor grantedBy) {
    Bounds.instant(validFrom, "validFrom");
    Bounds.optionalInstant(validUntil, "validUntil");
    Authorisation authorisation = new Authorisation(UUID.randomUUID(), staff, category, validFrom, validUntil,
        grantedBy, clock.instant(), null, null);
    store.add(authorisation);
    audit.record(new AuditRecord(AuditKind.REGISTER_CHANGED, staff.tenant(), null, grantedBy, null, Map.of(
        "register", REGISTER, "change", "granted", "authorisation", authorisation.id().toString(),
        "staff", staff.id(), "category", category)));
    return authorisation;
  }

  @Override
  public Authorisation revoke(UUID id, Actor revokedBy) {
    Instant now = clock.instant();
    return revoke(id, now, now, revokedBy);
  }

  @Override
  public Authorisation revoke(UUID id, Instant at, Actor revokedBy) {
    return revoke(id, at, clock.instant(), revokedBy);
  }

  /** Reads the clock once per call: a second reading would put a revocation "now" in the past. */
  private Authorisation revoke(UUID id, Instant at, Instant now, Actor revokedBy) {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(revokedBy, "revokedBy");
    Preconditions.check(revokedBy.type() != Actor.Type.SUBJECT, "revokedBy", "must be a staff user or a system");
    Preconditions.check(!at.isBefore(now), "at",
        "must not be in the past: the register keeps who could access what when");
    Authorisation current = store.find(id).orElseThrow(() -> UnknownAuthorisationException.of(id));
    if (store.revoke(id, at, revokedBy)) {
      audit.record(new AuditRecord(AuditKind.REGISTER_CHANGED, current.staff().tenant(), null, revokedBy, null,
          Map.of("register", REGISTER, "change", "revoked", "authorisation", id.toString(),
              "staff", current.staff().id(), "category", current.category(), "from", at.toString())));
    }
    return store.find(id).orElseThrow(() -> UnknownAuthorisationException.of(id));
  }

  @Override
  public void require(StaffUser staff, DataCategory category) {
    if (!isAuthorised(staff, category, clock.instant())) {
      audit.record(new AuditRecord(AuditKind.ACCESS_REFUSED, staff.tenant(), null, Actor.staff(staff.id()), null,
          Map.of("register", REGISTER, "category", category.id(),
              "sensitivity", category.sensitivity().name())));
      throw NotAuthorisedException.of(staff, category);
    }
    if (category.sensitivity() == Sensitivity.SPECIAL_CATEGORY) {
      audit.record(new AuditRecord(AuditKind.ACCESSED, staff.tenant(), null, Actor.staff(staff.id()), null,
          Map.of("register", REGISTER, "category", category.id(), "sensitivity", category.sensitivity().name())));
    }
  }

  @Override
  public boolean isAuthorised(StaffUser staff, DataCategory category, Instant at) {
    Preconditions.notNull(staff, "staff");
    Preconditions.notNull(category, "category");
    Preconditions.notNull(at, "at");
    for (Authorisation authorisation : store.forStaff(staff)) {
      if (authorisation.covers(category) && authorisation.isActiveAt(at)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<StaffUser> whoMayAccess(TenantId tenant, DataCategory category, Instant at) {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(category, "category");
    Preconditions.notNull(at, "at");
    Stream<Authorisation> explicit = store.forCategory(tenant, category.id()).stream();
    Stream<Authorisation> candidates = category.sensitivity() == Sensitivity.SPECIAL_CATEGORY ? explicit
        : Stream.concat(explicit, store.forCategory(tenant, Authorisation.ALL_ORDINARY).stream());
    return List.copyOf(candidates.filter(authorisation -> authorisation.isActiveAt(at))
        .map(Authorisation::staff)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
  }

  @Override
  public List<Authorisation> authorisations(StaffUser staff) {
    return store.forStaff(Preconditions.notNull(staff, "staff"));
  }
}
