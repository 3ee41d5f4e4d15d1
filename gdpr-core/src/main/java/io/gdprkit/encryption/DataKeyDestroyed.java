package io.gdprkit.encryption;

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
 * A subject's data key was destroyed (crypto-shredding): every field encrypted under it, backups included, can no longer be read.
 *
 * <p>Usage example: <pre>{@code if (event instanceof DataKeyDestroyed d) backups.note(d.subject());}</pre>
 *
 * @param subject whose data
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DataKeyDestroyed(SubjectId subject, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public DataKeyDestroyed {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.KEY_DESTROYED, tenant(), subjectPseudonym, Actor.system("encryption"), null, Map.of());
  }
}
