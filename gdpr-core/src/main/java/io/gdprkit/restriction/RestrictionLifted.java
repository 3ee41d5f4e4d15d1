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
 * A restriction of processing was lifted (Art. 18(3)); the subject was told before, as the article requires.
 *
 * <p>Usage example: <pre>{@code if (event instanceof RestrictionLifted r) campaigns.resume(r.subject());}</pre>
 *
 * @param subject whose data
 * @param changedBy who lifted it
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RestrictionLifted(SubjectId subject, Actor changedBy, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public RestrictionLifted {
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
        Map.of("restricted", "false"));
  }
}
