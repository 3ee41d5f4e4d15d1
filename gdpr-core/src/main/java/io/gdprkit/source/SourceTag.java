package io.gdprkit.source;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A record that some of a subject's data came from an {@link Origin} at a time.
 *
 * <p>Usage example: <pre>{@code List<SourceTag> tags = gdpr.sources().tags(alice);}</pre>
 *
 * @param subject whose data it is
 * @param origin where it came from
 * @param taggedAt when it was recorded, from the kit's clock
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record SourceTag(SubjectId subject, Origin origin, Instant taggedAt) {

  /** Validates the fields. */
  public SourceTag {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(origin, "origin");
    Preconditions.notNull(taggedAt, "taggedAt");
  }
}
