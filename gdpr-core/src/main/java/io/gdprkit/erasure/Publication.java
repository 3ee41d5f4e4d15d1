package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A record that the controller made some of a subject's data public, where, for which purpose, and which other
 * controllers are known to process it (copies, links, replications), so that an erasure can inform them (Art. 17(2)).
 *
 * <p>Recorded with {@link ErasureService#madePublic}; an erasure that covers it tells each named controller that the
 * subject requested the erasure of any links to, copies or replications of the data, records that in the
 * {@link ErasureReport}, and removes the record. Names the subject by id, as the data it describes does.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.erasure().madePublic(alice, "member-directory", Set.of(DataCategory.CONTACT_DETAILS),
 *     "public member directory", Set.of("partner-portal"), Actor.staff("editor-3"));
 * }</pre>
 *
 * @param id the record's id
 * @param subject whose data was made public
 * @param purpose the declared purpose for which it was made public
 * @param categories the data categories made public, at least one, each one the purpose needs
 * @param where where it was published, in words or a URL that hold no personal data (such as "public member
 *     directory"), at most 300 characters
 * @param controllers ids of registered recipients of a controller kind (third party or joint controller) known to
 *     process the published data; may be empty
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record Publication(UUID id, SubjectId subject, String purpose, Set<DataCategory> categories, String where,
    Set<String> controllers, Instant recordedAt, Actor recordedBy) {

  /** Validates the fields and copies the sets, controllers in id order. */
  public Publication {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(categories, "categories");
    Preconditions.check(!categories.isEmpty(), "categories", "must name at least one data category");
    categories = Set.copyOf(categories);
    Preconditions.text(where, "where", 300);
    Preconditions.notNull(controllers, "controllers");
    for (String controller : controllers) {
      Preconditions.identifier(controller, "controller", 64);
    }
    controllers = java.util.Collections.unmodifiableSet(new TreeSet<>(controllers));
    Preconditions.notNull(recordedAt, "recordedAt");
    Preconditions.notNull(recordedBy, "recordedBy");
  }

  /** Returns a copy that covers only these categories, for an erasure that removed the others. */
  public Publication withCategories(Set<DataCategory> remaining) {
    return new Publication(id, subject, purpose, remaining, where, controllers, recordedAt, recordedBy);
  }
}
