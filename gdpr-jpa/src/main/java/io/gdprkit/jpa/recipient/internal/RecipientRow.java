package io.gdprkit.jpa.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientKind;
import io.gdprkit.recipient.Safeguard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_recipient}: a recipient in its tenant's register, with a revision that every write bumps.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprRecipient")
@Table(name = "gdpr_recipient")
@IdClass(RecipientRow.Key.class)
public class RecipientRow {

  @Id
  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Id
  @Column(name = "id", length = 64, nullable = false)
  private @Nullable String recipientId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 32, nullable = false)
  private @Nullable RecipientKind kind;

  @Column(name = "name", length = 200, nullable = false)
  private @Nullable String name;

  @Column(name = "contact", length = 300, nullable = false)
  private @Nullable String contact;

  @Column(name = "country", length = 2, nullable = false)
  private @Nullable String country;

  @Enumerated(EnumType.STRING)
  @Column(name = "safeguard", length = 32, nullable = false)
  private @Nullable Safeguard safeguard;

  @Column(name = "safeguard_reference", length = 500)
  private @Nullable String safeguardReference;

  @Column(name = "retired_at")
  private @Nullable Instant retiredAt;

  @Column(name = "retirement_reason", length = 500)
  private @Nullable String retirementReason;

  @Column(name = "revision", nullable = false)
  private long revision;

  /** For JPA. */
  protected RecipientRow() {}

  /** Returns the recipient this row holds. */
  public Recipient toRecipient() {
    return new Recipient(recipientId, kind, name, contact, CountryCode.of(country), safeguard, safeguardReference,
        retiredAt, retirementReason);
  }

  /** The composite primary key (tenant, recipient id). */
  public record Key(@Nullable String tenant, @Nullable String recipientId) implements Serializable {
    /** For JPA. */
    public Key() {
      this(null, null);
    }
  }
}
