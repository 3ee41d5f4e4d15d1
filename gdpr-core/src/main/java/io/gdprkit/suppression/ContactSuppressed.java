package io.gdprkit.suppression;

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
 * An erased person's e-mail address or phone number joined the suppression list, as a keyed hash only (Art. 17 with Art. 5(1)(c): a re-import of the same person is refused without keeping their address).
 *
 * <p>Usage example: <pre>{@code if (event instanceof ContactSuppressed s) importer.refreshBlocklist(s.tenant());}</pre>
 *
 * @param tenantId whose list
 * @param entry the entry: kind and keyed hash
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContactSuppressed(TenantId tenantId, SuppressionEntry entry, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public ContactSuppressed {
    Preconditions.notNull(tenantId, "tenantId");
    Preconditions.notNull(entry, "entry");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return tenantId;
  }

  @Override
  public @Nullable SubjectId subject() {
    return null;
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.SUPPRESSION_ADDED, tenantId, null, Actor.system("suppression"), null,
        Map.of("kind", entry.kind().name(), "entry", entry.hash()));
  }
}
