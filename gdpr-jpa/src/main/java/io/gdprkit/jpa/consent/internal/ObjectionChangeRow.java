package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.ObjectionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_consent_objection}: a change of a subject's objection (Art. 21) to one purpose.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprConsentObjection")
@Table(name = "gdpr_consent_objection")
public class ObjectionChangeRow extends ChangeRow {

  @Column(name = "purpose", length = 64, nullable = false)
  private @Nullable String purpose;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private @Nullable ObjectionStatus status;

  @Column(name = "note", length = 1000, nullable = false)
  private @Nullable String note;

  /** For JPA. */
  protected ObjectionChangeRow() {}

  /** Returns a row holding {@code change}. */
  public static ObjectionChangeRow of(ObjectionChange change) {
    ObjectionChangeRow row = new ObjectionChangeRow();
    row.change(change.subject(), change.sequence(), change.changedBy(), change.changedAt());
    row.purpose = change.purpose();
    row.status = change.status();
    row.note = change.note();
    return row;
  }

  /** Returns the change this row holds. */
  public ObjectionChange toChange() {
    return new ObjectionChange(subject(), purpose, status, note, changedBy(), changedAt(), sequence());
  }
}
