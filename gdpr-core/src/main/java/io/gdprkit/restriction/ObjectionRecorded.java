package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.consent.ObjectionStatus;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An objection to a purpose or to direct marketing was recorded, overridden by compelling grounds or for legal
 * claims, or withdrawn (Art. 21). Grounds and notes stay in the objection history, out of the event.
 *
 * <p>Usage example: <pre>{@code if (event instanceof ObjectionRecorded o && o.status() == ObjectionStatus.OBJECTED) stop(o.subject(), o.purpose());}</pre>
 *
 * @param subject whose data
 * @param purpose the purpose objected to, or {@link io.gdprkit.consent.ObjectionChange#DIRECT_MARKETING} for direct
 *     marketing as a whole (Art. 21(2)–(3))
 * @param status the objection's state now
 * @param changedBy who recorded it
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ObjectionRecorded(SubjectId subject, String purpose, ObjectionStatus status, Actor changedBy,
    Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public ObjectionRecorded {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(purpose, "purpose");
    Preconditions.notNull(status, "status");
    Preconditions.notNull(changedBy, "changedBy");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.OBJECTION_CHANGED, tenant(), subjectPseudonym, changedBy, purpose,
        Map.of("status", status.name()));
  }
}
