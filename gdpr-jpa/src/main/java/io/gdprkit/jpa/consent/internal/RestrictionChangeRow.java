package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.RestrictionChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_consent_restriction}: a restriction of processing (Art. 18) placed on or lifted from a
 * subject.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprConsentRestriction")
@Table(name = "gdpr_consent_restriction")
public class RestrictionChangeRow extends ChangeRow {

  @Column(name = "restricted", nullable = false)
  private boolean restricted;

  @Column(name = "reason", length = 500, nullable = false)
  private @Nullable String reason;

  /** For JPA. */
  protected RestrictionChangeRow() {}

  /** Returns a row holding {@code change}. */
  public static RestrictionChangeRow of(RestrictionChange change) {
    RestrictionChangeRow row = new RestrictionChangeRow();
    row.change(change.subject(), change.sequence(), change.changedBy(), change.changedAt());
    row.restricted = change.restricted();
    row.reason = change.reason();
    return row;
  }

  /** Returns the change this row holds. */
  public RestrictionChange toChange() {
    return new RestrictionChange(subject(), restricted, reason, changedBy(), changedAt(), sequence());
  }
}
