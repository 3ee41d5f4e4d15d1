package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a derivation of a breach's affected subjects found: how many distinct subjects it streamed, and which
 * personal-data providers answered and which could not.
 *
 * <p>A provider that cannot list subjects by category and time window is named in {@link #unanswered()}; its
 * subjects are missing from the stream, so the count is then a lower bound.
 *
 * <p>Usage example: <pre>{@code
 * AffectedSubjects found = gdpr.breaches().affectedSubjects(id, notices::enqueue);
 * if (!found.isComplete()) warn("ask " + found.unanswered() + " by hand");
 * }</pre>
 *
 * @param subjects how many distinct subjects were streamed
 * @param answered the ids of the providers that answered, in registration order
 * @param unanswered the ids of the providers that could not answer, in registration order
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AffectedSubjects(long subjects, List<String> answered, List<String> unanswered) {

  /** Validates the count and copies the lists. */
  public AffectedSubjects {
    Preconditions.check(subjects >= 0, "subjects", "must not be negative");
    answered = List.copyOf(Preconditions.notNull(answered, "answered"));
    unanswered = List.copyOf(Preconditions.notNull(unanswered, "unanswered"));
  }

  /** Returns whether every provider that holds one of the categories answered. */
  public boolean isComplete() {
    return unanswered.isEmpty();
  }
}
