package io.gdprkit.jpa.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.recipient.CountryCode;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.TransferBasis;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_disclosure}: an entry of the disclosure log, in append order ({@code seq}); the subject
 * column is cleared on erasure, the pseudonym stays.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprDisclosure")
@Table(name = "gdpr_disclosure")
public class DisclosureRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  private @Nullable Long seq;

  @Column(name = "id", length = 36, nullable = false, unique = true)
  private @Nullable String id;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128)
  private @Nullable String subject;

  @Column(name = "subject_pseudonym", length = 200, nullable = false)
  private @Nullable String subjectPseudonym;

  @Column(name = "recipient", length = 64, nullable = false)
  private @Nullable String recipient;

  @Column(name = "purpose", length = 64, nullable = false)
  private @Nullable String purpose;

  /** JSON text, see {@link RecipientJson#categories(java.util.Set)}. */
  @Column(name = "categories", length = 65_535, nullable = false)
  private @Nullable String categories;

  @Column(name = "from_country", length = 2)
  private @Nullable String fromCountry;

  @Column(name = "to_country", length = 2, nullable = false)
  private @Nullable String toCountry;

  @Enumerated(EnumType.STRING)
  @Column(name = "basis", length = 32, nullable = false)
  private @Nullable TransferBasis basis;

  @Enumerated(EnumType.STRING)
  @Column(name = "disclosed_by_type", length = 16, nullable = false)
  private Actor.@Nullable Type disclosedByType;

  @Column(name = "disclosed_by_id", length = 128)
  private @Nullable String disclosedById;

  @Column(name = "disclosed_at", nullable = false)
  private @Nullable Instant disclosedAt;

  /** For JPA. */
  protected DisclosureRow() {}

  /** Returns a row holding {@code disclosure}, which must name its subject. */
  public static DisclosureRow of(Disclosure disclosure) {
    DisclosureRow row = new DisclosureRow();
    row.id = disclosure.id().toString();
    row.tenant = disclosure.tenant().value();
    row.subject = disclosure.subject() == null ? null : disclosure.subject().value();
    row.subjectPseudonym = disclosure.subjectPseudonym();
    row.recipient = disclosure.recipient();
    row.purpose = disclosure.purpose();
    row.categories = RecipientJson.categories(disclosure.categories());
    row.fromCountry = disclosure.from() == null ? null : disclosure.from().value();
    row.toCountry = disclosure.to().value();
    row.basis = disclosure.basis();
    row.disclosedByType = disclosure.disclosedBy().type();
    row.disclosedById = disclosure.disclosedBy().id();
    row.disclosedAt = disclosure.disclosedAt();
    return row;
  }

  /** Returns the disclosure this row holds. */
  public Disclosure toDisclosure() {
    TenantId tenantId = TenantId.of(tenant);
    return new Disclosure(UUID.fromString(id), tenantId, subject == null ? null : new SubjectId(tenantId, subject),
        subjectPseudonym, recipient, purpose, RecipientJson.categories(categories),
        fromCountry == null ? null : CountryCode.of(fromCountry), CountryCode.of(toCountry), basis,
        new Actor(disclosedByType, disclosedById), disclosedAt);
  }
}
