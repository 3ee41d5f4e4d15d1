package io.gdprkit.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The register of authorised persons: grants staff users the right to process data categories for a time, revokes
 * it, and refuses everyone else.
 *
 * <p>Why: the controller must be able to show that only persons it authorised process personal data (Art. 29,
 * Art. 32(4)), and special categories (Art. 9) need a narrower circle. So a grant of {@link Authorisation#ALL_ORDINARY}
 * covers ordinary and sensitive categories but never a {@link io.gdprkit.purpose.Sensitivity#SPECIAL_CATEGORY
 * special category}, which needs a grant of that category itself. Grants and revocations are written to the audit
 * trail as {@code REGISTER_CHANGED}, refusals as {@code ACCESS_REFUSED}. Entries are never deleted, so the register
 * answers who could access a category at any past time. Thread-safe: a check that starts after a revocation
 * returned sees the revocation.
 *
 * <p>Usage example: <pre>{@code
 * StaffUser nurse = StaffUser.of("nurse-7");
 * gdpr.authorisations().grant(nurse, DataCategory.HEALTH, Actor.staff("dpo"));
 * gdpr.authorisations().require(nurse, DataCategory.HEALTH);   // passes
 * gdpr.authorisations().require(StaffUser.of("sales-3"), DataCategory.HEALTH);   // throws NotAuthorisedException
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuthorisationService {

  /** Grants {@code staff} the category from now on, until revoked. */
  Authorisation grant(StaffUser staff, DataCategory category, Actor grantedBy);

  /**
   * Grants {@code staff} the category from {@code validFrom} until {@code validUntil}.
   *
   * @param validUntil the end (exclusive), or {@code null} for until revoked
   * @throws io.gdprkit.InvalidInputException if {@code validUntil} is not after {@code validFrom} or
   *     {@code grantedBy} is a data subject; nothing is written then
   */
  Authorisation grant(StaffUser staff, DataCategory category, Instant validFrom, @Nullable Instant validUntil,
      Actor grantedBy);

  /**
   * Grants {@code staff} every category except special categories, from {@code validFrom} until {@code validUntil}.
   *
   * @param validUntil the end (exclusive), or {@code null} for until revoked
   * @throws io.gdprkit.InvalidInputException as {@link #grant(StaffUser, DataCategory, Instant, Instant, Actor)}
   */
  Authorisation grantAllOrdinary(StaffUser staff, Instant validFrom, @Nullable Instant validUntil, Actor grantedBy);

  /**
   * Revokes a grant from now on. Revoking a revoked grant changes nothing and returns it as it is.
   *
   * @throws UnknownAuthorisationException if no grant has this id
   */
  Authorisation revoke(UUID id, Actor revokedBy);

  /**
   * Revokes a grant from {@code at}, now or later (a user leaving at the end of the month). The past is not
   * rewritten: to end a grant earlier than now is refused.
   *
   * @throws UnknownAuthorisationException if no grant has this id
   * @throws io.gdprkit.InvalidInputException if {@code at} is before now or {@code revokedBy} is a data subject
   */
  Authorisation revoke(UUID id, Instant at, Actor revokedBy);

  /**
   * Passes when {@code staff} may process {@code category} now; otherwise audits the refusal and throws.
   *
   * <p>A pass for a {@link io.gdprkit.purpose.Sensitivity#SPECIAL_CATEGORY special category} is audited as
   * {@code ACCESSED} (staff id, category, sensitivity; no subject), because Art. 9 data needs a record of who looked
   * at it. A pass for an ordinary or sensitive category is not audited: such checks run on every screen a staff user
   * opens, and recording them all would bury the entries that matter in a trail that grows with every page view.
   *
   * @throws NotAuthorisedException if no active grant covers the category
   */
  void require(StaffUser staff, DataCategory category);

  /** Returns whether {@code staff} may process {@code category} at {@code at}; audits nothing. */
  boolean isAuthorised(StaffUser staff, DataCategory category, Instant at);

  /** Returns the staff users of {@code tenant} who may process {@code category} at {@code at}, ordered by id. */
  List<StaffUser> whoMayAccess(TenantId tenant, DataCategory category, Instant at);

  /** Returns every grant of {@code staff}, revoked and expired ones too, in the order they were granted. */
  List<Authorisation> authorisations(StaffUser staff);
}
