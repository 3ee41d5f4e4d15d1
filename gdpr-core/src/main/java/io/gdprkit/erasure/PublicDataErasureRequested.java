package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.event.GdprEvent;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * An erasure covered data the controller had made public, and the controllers known to process it are to be told that
 * the subject requested the erasure of any links to, copies or replications of it (Art. 17(2)).
 *
 * <p>Published by the erasure job in the unit of work that finishes the erasure, with the job's record of it, once per
 * job; the recipients register turns each entry into a notification with the entry's {@link InformedController#notice()}
 * id, so a job resumed after a crash inside that unit records no second request.
 *
 * <p>Usage example: <pre>{@code if (event instanceof PublicDataErasureRequested r) r.controllers().forEach(c -> crawlLater(c.where()));}</pre>
 *
 * @param subject whose data
 * @param scope what the erasure covered
 * @param job the erasure job
 * @param controllers whom to tell, and of what
 * @param occurredAt when the kit recorded it
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record PublicDataErasureRequested(SubjectId subject, ErasureScope scope, UUID job,
    List<InformedController> controllers, Instant occurredAt) implements GdprEvent {

  /** Checks that no field is missing and copies the list. */
  public PublicDataErasureRequested {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(scope, "scope");
    Preconditions.notNull(job, "job");
    controllers = List.copyOf(Preconditions.notNull(controllers, "controllers"));
    Preconditions.notNull(occurredAt, "occurredAt");
  }

  @Override
  public TenantId tenant() {
    return subject.tenant();
  }
}
