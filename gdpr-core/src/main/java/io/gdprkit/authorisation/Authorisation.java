package io.gdprkit.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import io.gdprkit.subject.Actor;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the register of authorised persons: a staff user may process one data category, or every ordinary
 * category, from one time until another, granted by someone and perhaps revoked.
 *
 * <p>Entries are never deleted: a revocation sets {@code revokedAt}, so the register still answers who could access
 * a category at any past time. {@link #ALL_ORDINARY} grants every category except special categories (Art. 9),
 * which {@link #covers} only through a grant of that category itself.
 *
 * <p>Usage example: <pre>{@code if (grant.isActiveAt(clock.instant()) && grant.covers(DataCategory.HEALTH)) ...}</pre>
 *
 * @param id the entry's id
 * @param staff who is authorised
 * @param category the data category's id, or {@link #ALL_ORDINARY}
 * @param validFrom from when the grant applies
 * @param validUntil until when it applies (exclusive), or {@code null} until revoked
 * @param grantedBy who granted it: a staff user or a system, never a data subject
 * @param grantedAt when it was recorded
 * @param revokedAt from when it no longer applies, or {@code null} while not revoked
 * @param revokedBy who revoked it; present exactly when {@code revokedAt} is
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Authorisation(UUID id, StaffUser staff, String category, Instant validFrom, @Nullable Instant validUntil,
    Actor grantedBy, Instant grantedAt, @Nullable Instant revokedAt, @Nullable Actor revokedBy) {

  /** The category of a grant that covers every category that is not a special category. */
  public static final String ALL_ORDINARY = "*";

  /** Validates every field. */
  public Authorisation {
    Preconditions.notNull(id, "authorisation id");
    Preconditions.notNull(staff, "staff");
    Preconditions.notNull(category, "category");
    if (!ALL_ORDINARY.equals(category)) {
      Preconditions.identifier(category, "category", 64);
    }
    Preconditions.notNull(validFrom, "validFrom");
    if (validUntil != null) {
      Preconditions.check(validUntil.isAfter(validFrom), "validUntil", "must be after validFrom");
    }
    Preconditions.notNull(grantedBy, "grantedBy");
    Preconditions.check(grantedBy.type() != Actor.Type.SUBJECT, "grantedBy", "must be a staff user or a system");
    Preconditions.notNull(grantedAt, "grantedAt");
    Preconditions.check((revokedAt == null) == (revokedBy == null), "revokedBy",
        "must be present exactly when revokedAt is");
    if (revokedBy != null) {
      Preconditions.check(revokedBy.type() != Actor.Type.SUBJECT, "revokedBy", "must be a staff user or a system");
    }
  }

  /** Returns whether the grant applies at {@code at}: from {@code validFrom}, before its end and its revocation. */
  public boolean isActiveAt(Instant at) {
    return !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil))
        && (revokedAt == null || at.isBefore(revokedAt));
  }

  /** Returns whether the grant is for {@code dataCategory}: its own id, or any ordinary category for a wildcard. */
  public boolean covers(DataCategory dataCategory) {
    return category.equals(dataCategory.id())
        || ALL_ORDINARY.equals(category) && dataCategory.sensitivity() != Sensitivity.SPECIAL_CATEGORY;
  }

  /** Returns a copy revoked from {@code at} by {@code by}. */
  public Authorisation revoked(Instant at, Actor by) {
    return new Authorisation(id, staff, category, validFrom, validUntil, grantedBy, grantedAt,
        Preconditions.notNull(at, "revokedAt"), Preconditions.notNull(by, "revokedBy"));
  }
}
