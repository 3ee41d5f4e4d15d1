package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A subject's profiling or tracking switch was turned on or off (Art. 21(2), Art. 22: the subject decides whether they are profiled).
 *
 * <p>Usage example: <pre>{@code if (event instanceof SwitchChanged s && !s.on()) scoring.forget(s.subject());}</pre>
 *
 * @param subject whose data
 * @param processingSwitch which switch
 * @param on whether it is now on
 * @param changedBy who changed it
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SwitchChanged(SubjectId subject, ProcessingSwitch processingSwitch, boolean on, Actor changedBy,
    Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public SwitchChanged {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(processingSwitch, "processingSwitch");
    Preconditions.notNull(changedBy, "changedBy");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.SWITCH_CHANGED, tenant(), subjectPseudonym, changedBy, null,
        Map.of("switch", processingSwitch.name(), "on", Boolean.toString(on)));
  }
}
