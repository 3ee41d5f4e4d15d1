package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A change of a subject's objection to one purpose, kept as history.
 *
 * <p>Usage example: <pre>{@code gdpr.restrictions().objectionHistory(alice).forEach(c -> print(c.purpose(), c.status()));}</pre>
 *
 * @param subject who objected
 * @param purpose the purpose's id, or {@link #DIRECT_MARKETING} for an objection to direct marketing as a whole
 * @param status where the objection stands after the change
 * @param note the subject's stated grounds (may be empty: an objection to direct marketing needs none) or the
 *     controller's compelling grounds; no personal data
 * @param changedBy who recorded it
 * @param changedAt when, from the kit's clock
 * @param sequence this change's place in the subject's objection history, from 1 without gaps: a store refuses any
 *     other, so two writers racing on the subject never both win (Issue 9)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ObjectionChange(SubjectId subject, String purpose, ObjectionStatus status, String note,
    Actor changedBy, Instant changedAt, long sequence) {

  /**
   * The key under which an objection to direct marketing as a whole is kept in place of a purpose id (Art. 21(2)–(3)):
   * it stops every purpose that is direct marketing, declared now or later. No purpose id can take this form.
   */
  public static final String DIRECT_MARKETING = "*direct-marketing";

  /** Validates the fields. */
  public ObjectionChange {
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(status, "status");
    Preconditions.notNull(note, "note");
    Preconditions.check(note.length() <= 1000, "note", "must be at most 1000 characters long");
    Preconditions.notNull(changedBy, "changedBy");
    Preconditions.notNull(changedAt, "changedAt");
    Preconditions.check(sequence >= 1, "sequence", "must be at least 1");
  }

  /** Returns a description without the note, which is free text and may name people; it says only its length. */
  @Override
  public String toString() {
    return "ObjectionChange[subject=" + subject + ", purpose=" + purpose + ", status=" + status + ", note="
        + note.length() + " characters, changedBy=" + changedBy + ", changedAt=" + changedAt + ", sequence=" + sequence
        + "]";
  }
}
