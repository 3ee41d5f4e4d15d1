package io.gdprkit.jpa.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentChannel;
import io.gdprkit.consent.RightToObjectPresentation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_consent_presentation}: the right to object presented to a subject (Art. 21(4)), with the
 * notice version, channel and reference, in the order recorded.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprConsentPresentation")
@Table(name = "gdpr_consent_presentation")
public class PresentationRow extends ChangeRow {

  @Column(name = "notice_version", length = 64, nullable = false)
  private @Nullable String noticeVersion;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", length = 32, nullable = false)
  private @Nullable ConsentChannel channel;

  @Column(name = "reference", length = 128, nullable = false)
  private @Nullable String reference;

  /** For JPA. */
  protected PresentationRow() {}

  /** Returns a row holding the {@code sequence}-th presentation of its subject. */
  public static PresentationRow of(RightToObjectPresentation presentation, long sequence) {
    PresentationRow row = new PresentationRow();
    row.change(presentation.subject(), sequence, presentation.recordedBy(), presentation.presentedAt());
    row.noticeVersion = presentation.noticeVersion();
    row.channel = presentation.channel();
    row.reference = presentation.reference();
    return row;
  }

  /** Returns the presentation this row holds. */
  public RightToObjectPresentation toPresentation() {
    return new RightToObjectPresentation(subject(), noticeVersion, channel, reference, changedAt(), changedBy());
  }
}
