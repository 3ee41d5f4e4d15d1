package io.gdprkit.preference;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What an unsubscribe did: which topics it ended, and which were not subscribed anyway.
 *
 * <p>Unsubscribing is idempotent: a link clicked twice succeeds twice, the second time with nothing withdrawn.
 *
 * <p>Usage example: <pre>{@code UnsubscribeResult r = gdpr.preferences().unsubscribe(token); render(r.withdrawn());}</pre>
 *
 * @param subject who unsubscribed
 * @param withdrawn ids of the topics whose consent was withdrawn
 * @param notSubscribed ids of the topics that were not subscribed
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record UnsubscribeResult(SubjectId subject, List<String> withdrawn, List<String> notSubscribed) {

  /** Copies the lists. */
  public UnsubscribeResult {
    Preconditions.notNull(subject, "subject");
    withdrawn = List.copyOf(withdrawn);
    notSubscribed = List.copyOf(notSubscribed);
  }
}
