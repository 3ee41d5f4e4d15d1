package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.AuditedEvent;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Some of a subject's data was recorded as made public (Art. 17(2)); audited as a disclosure, since making data
 * available to anyone is one (Art. 4(2) "dissemination").
 *
 * <p>The recipients register checks, in the same unit of work, that every controller named is a registered recipient
 * of a controller kind; when one is not, nothing is recorded.
 *
 * <p>Usage example: <pre>{@code if (event instanceof DataMadePublic p) searchConsole.watch(p.publication().where());}</pre>
 *
 * @param publication what was made public
 * @param occurredAt when the kit recorded it
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record DataMadePublic(Publication publication, Instant occurredAt) implements AuditedEvent {

  /** Checks that no field is missing. */
  public DataMadePublic {
    Preconditions.notNull(publication, "publication");
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public SubjectId subject() {
    return publication.subject();
  }

  @Override
  public TenantId tenant() {
    return publication.subject().tenant();
  }

  @Override
  public AuditRecord auditRecord(@Nullable String subjectPseudonym) {
    return new AuditRecord(AuditKind.DISCLOSED, tenant(), subjectPseudonym, publication.recordedBy(),
        publication.purpose(), Map.of("publication", publication.id().toString(), "made-public", "Art. 17(2)",
            "categories", publication.categories().stream().map(DataCategory::id).sorted()
                .collect(Collectors.joining(",")),
            "controllers", String.join(",", publication.controllers())));
  }
}
