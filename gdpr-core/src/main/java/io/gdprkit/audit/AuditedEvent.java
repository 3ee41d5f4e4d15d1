package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.event.GdprEvent;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An event that the audit trail records, in the unit of work that published it (Art. 5(2) accountability: the
 * record exists exactly when the change does).
 *
 * <p>Each feature's events say what their entry holds; the trail only adds the subject's keyed pseudonym, so no
 * event needs to know the pseudonym key.
 *
 * <p>Usage example: <pre>{@code if (event instanceof AuditedEvent a) audit.record(a.auditRecord(pseudonymOf(a.subject())));}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuditedEvent extends GdprEvent {

  /** Returns the subject the entry is about, or {@code null} for an entry about no subject. */
  @Nullable SubjectId subject();

  /**
   * Returns the record to append.
   *
   * @param subjectPseudonym the subject's keyed pseudonym, or {@code null} when {@link #subject()} is
   */
  AuditRecord auditRecord(@Nullable String subjectPseudonym);
}
