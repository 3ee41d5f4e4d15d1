package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A record that the right to object was brought to a subject's attention, explicitly and separately from any other
 * information, as Art. 21(4) requires at the latest at the first communication with the subject.
 *
 * <p>Kept so that the controller can show it (Art. 5(2)): when, in which version of the notice, how and where.
 *
 * <p>Usage example: <pre>{@code gdpr.restrictions().rightToObjectPresentation(alice).map(RightToObjectPresentation::noticeVersion)}</pre>
 *
 * @param subject to whom it was presented
 * @param noticeVersion the version of the notice that presented the right (Art. 21(1) and (2))
 * @param channel how it reached the subject, such as {@link ConsentChannel#WEB_FORM}
 * @param reference the form, page or message template that showed it, such as {@code welcome-email}: letters, digits
 *     and {@code . _ : @ / + -}, at most 128 characters; no personal data
 * @param presentedAt when, from the kit's clock
 * @param recordedBy who recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RightToObjectPresentation(SubjectId subject, String noticeVersion, ConsentChannel channel,
    String reference, Instant presentedAt, Actor recordedBy) {

  /** Validates the fields. */
  public RightToObjectPresentation {
    Preconditions.notNull(subject, "subject");
    Preconditions.text(noticeVersion, "notice version", 64);
    Preconditions.notNull(channel, "channel");
    Preconditions.identifier(reference, "reference", 128);
    Preconditions.notNull(presentedAt, "presentedAt");
    Preconditions.notNull(recordedBy, "recordedBy");
  }
}
