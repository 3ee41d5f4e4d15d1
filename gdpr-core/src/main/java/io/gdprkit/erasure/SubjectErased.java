package io.gdprkit.erasure;

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
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A subject's erasure finished (Art. 17): every provider erased what the scope covers; a scope of everything also erased the ledger and wrote the tombstone. Crypto-shredding, retention clean-up and Art. 19 notifications follow it.
 *
 * <p>Usage example: <pre>{@code if (event instanceof SubjectErased e && e.everything()) searchIndex.delete(e.subject().value());}</pre>
 *
 * @param subject whose data
 * @param scope what the erasure covered
 * @param job the erasure job
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SubjectErased(SubjectId subject, ErasureScope scope, UUID job, Instant occurredAt)
    implements AuditedEvent {

  /** Checks that no field is missing. */
  public SubjectErased {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(scope, "scope");
    Preconditions.notNull(job, "job");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  /** Returns whether the erasure covered everything, the scope after which the subject is forgotten. */
  public boolean everything() {
    return scope.isEverything();
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.ERASED, tenant(), subjectPseudonym, Actor.system("erasure"), scope.purpose(),
        Map.of("scope", scope.kind().name()));
  }
}
