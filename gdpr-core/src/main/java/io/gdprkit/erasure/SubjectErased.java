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
 * <p>When the erasure kept data until a date (Art. 17(3), or a field's retain strategy), {@link #heldUntil()} says
 * until when: the subject's data key is then kept, so the kept data stays readable, and destroyed by the event of the
 * release that erases the last of it ({@link ErasureService#releaseHeld(int)}), which is published like this one.
 *
 * <p>Usage example: <pre>{@code if (event instanceof SubjectErased e && e.everything()) searchIndex.delete(e.subject().value());}</pre>
 *
 * @param subject whose data
 * @param scope what the erasure covered
 * @param job the erasure job
 * @param occurredAt when the kit recorded it
 * @param heldUntil the earliest date at which data this erasure kept becomes due, or {@code null} when it kept nothing
 *     until a date
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SubjectErased(SubjectId subject, ErasureScope scope, UUID job, Instant occurredAt,
    @Nullable Instant heldUntil) implements AuditedEvent {

  /** Checks that no field is missing. */
  public SubjectErased {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(scope, "scope");
    Preconditions.notNull(job, "job");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  /** Creates the event of an erasure that kept nothing until a date. */
  public SubjectErased(SubjectId subject, ErasureScope scope, UUID job, Instant occurredAt) {
    this(subject, scope, job, occurredAt, null);
  }

  /** Returns whether the erasure covered everything and kept nothing until a date: nothing of the subject is left. */
  public boolean nothingLeft() {
    return everything() && heldUntil == null;
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
        heldUntil == null ? Map.of("scope", scope.kind().name())
            : Map.of("scope", scope.kind().name(), "held-until", heldUntil.toString()));
  }
}
