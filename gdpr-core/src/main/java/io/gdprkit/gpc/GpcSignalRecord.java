package io.gdprkit.gpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The proof that a Global Privacy Control signal was received from a subject and what it did: kept for the first
 * signal of each subject and for every signal that withdrew a consent or recorded an objection.
 *
 * <p>It holds the signal's source, when it was received, the origin of the page and a keyed hash of the user agent;
 * never an IP address or the user agent's text. A repeated signal that changes nothing adds no record (GPC Appendix
 * A: a signal accompanies every request, and must not set off a costly audit trail each time).
 *
 * <p>Usage example: <pre>{@code gdpr.gpc().history(alice).forEach(r -> print(r.receivedAt(), r.origin(), r.withdrawn()));}</pre>
 *
 * @param subject whose signal
 * @param sequence the record's place in the subject's signal history, from 1 without gaps: a store refuses any other,
 *     so of two requests that read the same history only one records
 * @param receivedAt when the kit received the signal, from its clock
 * @param source how the signal arrived
 * @param origin the origin of the page that received it, if known
 * @param userAgentHash a keyed hash (pseudonym key) of the user agent's text, if one was given
 * @param withdrawn the purposes whose consent this signal withdrew
 * @param objected the purposes this signal recorded an objection to
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GpcSignalRecord(SubjectId subject, long sequence, Instant receivedAt, GpcSignal.Source source,
    @Nullable String origin, @Nullable String userAgentHash, List<String> withdrawn, List<String> objected) {

  /** Validates the fields and copies the lists. */
  public GpcSignalRecord {
    Preconditions.notNull(subject, "subject");
    Preconditions.check(sequence >= 1, "sequence", "must be at least 1");
    Preconditions.notNull(receivedAt, "receivedAt");
    Preconditions.notNull(source, "source");
    if (origin != null) {
      GpcSignal.checkOrigin(origin);
    }
    if (userAgentHash != null) {
      Preconditions.text(userAgentHash, "user agent hash", 200);
    }
    withdrawn = List.copyOf(Preconditions.notNull(withdrawn, "withdrawn"));
    objected = List.copyOf(Preconditions.notNull(objected, "objected"));
  }

  /** Returns whether the signal withdrew a consent or recorded an objection; false for a first signal that did not. */
  public boolean changedAnything() {
    return !withdrawn.isEmpty() || !objected.isEmpty();
  }
}
