package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A change of a subject's profiling or tracking switch, kept as history.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().switchHistory(alice).forEach(c -> print(c.processingSwitch(), c.on()));}</pre>
 *
 * @param subject whose switch
 * @param processingSwitch which switch
 * @param on whether it is now on
 * @param changedBy who changed it
 * @param changedAt when, from the kit's clock
 * @param sequence this change's place in the subject's switch history, from 1 without gaps: a store refuses any
 *     other, so two writers racing on the subject never both win (Issue 9)
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record SwitchChange(
    SubjectId subject, ProcessingSwitch processingSwitch, boolean on, Actor changedBy, Instant changedAt,
    long sequence) {

  /** Validates the fields. */
  public SwitchChange {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(processingSwitch, "processingSwitch");
    Preconditions.notNull(changedBy, "changedBy");
    Preconditions.notNull(changedAt, "changedAt");
    Preconditions.check(sequence >= 1, "sequence", "must be at least 1");
  }
}
