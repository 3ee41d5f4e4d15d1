package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Processing of a subject's data was restricted (Art. 18): it is kept but not processed or disclosed. The reason stays in the restriction history, out of the event: it is free text.
 *
 * <p>Usage example: <pre>{@code if (event instanceof ProcessingRestricted r) campaigns.pause(r.subject());}</pre>
 *
 * @param subject whose data
 * @param changedBy who restricted it
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProcessingRestricted(SubjectId subject, Actor changedBy, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public ProcessingRestricted {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(changedBy, "changedBy");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.RESTRICTION_CHANGED, tenant(), subjectPseudonym, changedBy, null,
        Map.of("restricted", "true"));
  }
}
