package io.gdprkit.source;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Records and answers where a subject's data came from (Art. 14).
 *
 * <p>Consent grants whose proof names an origin tag the subject automatically. Thread-safe.
 *
 * <p>Usage example: <pre>{@code gdpr.sources().tag(alice, Origin.thirdParty("Acme Leads Ltd"));}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface SourceService {

  /**
   * Records that some of the subject's data came from {@code origin}, at the kit clock's time.
   *
   * @return the stored tag
   */
  SourceTag tag(SubjectId subject, Origin origin);

  /** Returns the subject's tags, oldest first; empty for a subject never tagged. */
  List<SourceTag> tags(SubjectId subject);

  /**
   * Returns a page of the subjects tagged with {@code origin}, in id order, starting after {@code after}.
   *
   * <p>Usage example: page through everyone from one import to send them the Art. 14 notice.
   *
   * @param after the last subject of the previous page, or {@code null} for the first page
   * @param limit the page size, at least 1
   */
  List<SubjectId> subjectsFrom(Origin origin, @Nullable SubjectId after, int limit);
}
