package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A restriction of processing (Art. 18) placed on or lifted from a subject, kept as history.
 *
 * <p>Usage example: <pre>{@code gdpr.restrictions().history(alice).forEach(c -> print(c.restricted(), c.reason()));}</pre>
 *
 * @param subject whose processing
 * @param restricted whether processing is restricted from now on
 * @param reason why, such as "accuracy contested (Art. 18(1)(a))"; no personal data
 * @param changedBy who placed or lifted it
 * @param changedAt when, from the kit's clock
 * @param sequence this change's place in the subject's restriction history, from 1 without gaps: a store refuses any
 *     other, so two writers racing on the subject never both win (Issue 9)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RestrictionChange(SubjectId subject, boolean restricted, String reason, Actor changedBy,
    Instant changedAt, long sequence) {

  /** Validates the fields. */
  public RestrictionChange {
    Preconditions.notNull(subject, "subject");
    Preconditions.text(reason, "reason", 500);
    Preconditions.notNull(changedBy, "changedBy");
    Preconditions.notNull(changedAt, "changedAt");
    Preconditions.check(sequence >= 1, "sequence", "must be at least 1");
  }

  /** Returns a description without the reason, which is free text and may name people; it says only its length. */
  @Override
  public String toString() {
    return "RestrictionChange[subject=" + subject + ", restricted=" + restricted + ", reason=" + reason.length()
        + " characters, changedBy=" + changedBy + ", changedAt=" + changedAt + ", sequence=" + sequence + "]";
  }
}
