package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.SwitchChange;
import io.gdprkit.purpose.ProcessingSwitch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_consent_switch}: a change of a subject's profiling or tracking switch.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprConsentSwitch")
@Table(name = "gdpr_consent_switch")
public class SwitchChangeRow extends ChangeRow {

  @Enumerated(EnumType.STRING)
  @Column(name = "processing_switch", length = 32, nullable = false)
  private @Nullable ProcessingSwitch processingSwitch;

  @Column(name = "switch_on", nullable = false)
  private boolean on;

  /** For JPA. */
  protected SwitchChangeRow() {}

  /** Returns a row holding {@code change}. */
  public static SwitchChangeRow of(SwitchChange change) {
    SwitchChangeRow row = new SwitchChangeRow();
    row.change(change.subject(), change.sequence(), change.changedBy(), change.changedAt());
    row.processingSwitch = change.processingSwitch();
    row.on = change.on();
    return row;
  }

  /** Returns the change this row holds. */
  public SwitchChange toChange() {
    return new SwitchChange(subject(), processingSwitch, on, changedBy(), changedAt(), sequence());
  }
}
