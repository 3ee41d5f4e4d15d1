package io.gdprkit.jpa.authorisation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.authorisation.Authorisation;
import io.gdprkit.authorisation.StaffUser;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_authorisation}: a staff user's grant to process a data category (Art. 29, Art. 32(4)),
 * kept after revocation so the register shows who could act when.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprAuthorisation")
@Table(name = "gdpr_authorisation")
public class AuthorisationRow {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  /** Filled by the database in insert order, which the register's lists keep. */
  @Column(name = "seq", nullable = false, insertable = false, updatable = false)
  private long seq;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "staff", length = 128, nullable = false)
  private @Nullable String staff;

  @Column(name = "category", length = 64, nullable = false)
  private @Nullable String category;

  @Column(name = "valid_from", nullable = false)
  private @Nullable Instant validFrom;

  @Column(name = "valid_until")
  private @Nullable Instant validUntil;

  @Enumerated(EnumType.STRING)
  @Column(name = "granted_by_type", length = 16, nullable = false)
  private Actor.@Nullable Type grantedByType;

  @Column(name = "granted_by", length = 128)
  private @Nullable String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private @Nullable Instant grantedAt;

  @Column(name = "revoked_at")
  private @Nullable Instant revokedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "revoked_by_type", length = 16)
  private Actor.@Nullable Type revokedByType;

  @Column(name = "revoked_by", length = 128)
  private @Nullable String revokedBy;

  /** For JPA. */
  protected AuthorisationRow() {}

  /** Returns the authorisation this row holds. */
  public Authorisation toAuthorisation() {
    return new Authorisation(UUID.fromString(id), StaffUser.of(TenantId.of(tenant), staff), category, validFrom,
        validUntil, new Actor(grantedByType, grantedBy), grantedAt, revokedAt,
        revokedByType == null ? null : new Actor(revokedByType, revokedBy));
  }
}
