package io.gdprkit.rectification;

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
 * A field of a subject's data was rectified (Art. 16); recipients are told (Art. 19). The event names the field, never its value.
 *
 * <p>Usage example: <pre>{@code if (event instanceof SubjectRectified r) cache.evict(r.subject());}</pre>
 *
 * @param subject whose data
 * @param provider the provider that holds the field
 * @param record the record's id in the provider
 * @param field the field's name
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SubjectRectified(SubjectId subject, String provider, String record, String field, Instant occurredAt)
    implements AuditedEvent {

  /** Checks that no field is missing. */
  public SubjectRectified {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(provider, "provider");
    Preconditions.notNull(record, "record");
    Preconditions.notNull(field, "field");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.UPDATED, tenant(), subjectPseudonym, Actor.system("rectification"), null,
        Map.of("provider", provider, "record", record, "field", field));
  }
}
