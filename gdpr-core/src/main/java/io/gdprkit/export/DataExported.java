package io.gdprkit.export;

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
 * A subject's data was exported completely, for access (Art. 15) or portability (Art. 20).
 *
 * <p>Usage example: <pre>{@code if (event instanceof DataExported e) metrics.exported(e.kind());}</pre>
 *
 * @param subject whose data
 * @param kind access or portability
 * @param format the file format
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DataExported(SubjectId subject, ExportKind kind, ExportFormat format, Instant occurredAt)
    implements AuditedEvent {

  /** Checks that no field is missing. */
  public DataExported {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(format, "format");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.EXPORTED, tenant(), subjectPseudonym, Actor.system("export"), null,
        Map.of("kind", kind.name(), "format", format.name()));
  }
}
