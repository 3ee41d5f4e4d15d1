package io.gdprkit.request;

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
 * A data-subject request moved to another state: received, identity verified, in progress, extended, completed or rejected (Art. 12(3): every step within its deadline, and shown to have been).
 *
 * <p>Usage example: <pre>{@code if (event instanceof SubjectRequestChanged r && r.state() == RequestState.RECEIVED) inbox.notifyDpo(r.request());}</pre>
 *
 * @param subjectId whose request
 * @param request the request's id
 * @param kind what the subject asked for
 * @param state the state it moved to
 * @param version the request's version after the step
 * @param by who took the step
 * @param occurredAt when the kit recorded it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SubjectRequestChanged(SubjectId subjectId, RequestId request, RequestKind kind, RequestState state,
    int version, Actor by, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public SubjectRequestChanged {
    Preconditions.notNull(subjectId, "subjectId");
    Preconditions.notNull(request, "request");
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(state, "state");
    Preconditions.notNull(by, "by");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subjectId.tenant();
  }

  @Override
  public SubjectId subject() {
    return subjectId;
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.REQUEST_CHANGED, tenant(), subjectPseudonym, by, null,
        Map.of("request", request.value().toString(), "kind", kind.name(), "state", state.name(),
            "version", Integer.toString(version)));
  }
}
