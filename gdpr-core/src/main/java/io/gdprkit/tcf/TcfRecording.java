package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What recording a TC string did for each mapped purpose of one subject.
 *
 * <p>Usage example: <pre>{@code
 * TcfRecording r = gdpr.tcf().record(alice, tcString);
 * r.outcomes().forEach(o -> log.info("{}: {}", o.purpose(), o.action()));
 * }</pre>
 *
 * @param sha256 the lower-case hex SHA-256 of the string, as its proofs carry it
 * @param tcString the decoded string
 * @param outcomes one per mapped kit purpose, sorted by purpose id
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TcfRecording(String sha256, TcString tcString, List<Outcome> outcomes) {

  /** Validates the fields and copies the list. */
  public TcfRecording {
    Preconditions.notNull(sha256, "sha256");
    Preconditions.notNull(tcString, "tcString");
    outcomes = List.copyOf(outcomes);
  }

  /** Returns the outcome for kit purpose {@code purpose}, or {@code null} if the mapping does not name it. */
  public @Nullable Outcome outcome(String purpose) {
    for (Outcome outcome : outcomes) {
      if (outcome.purpose().equals(purpose)) {
        return outcome;
      }
    }
    return null;
  }

  /**
   * What happened to one kit purpose.
   *
   * @param purpose the kit purpose's id
   * @param action what was recorded
   * @param event the consent event written, or {@code null} when nothing was
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Outcome(String purpose, Action action, @Nullable ConsentEvent event) {

    /** Validates the fields. */
    public Outcome {
      Preconditions.notNull(purpose, "purpose");
      Preconditions.notNull(action, "action");
    }
  }

  /**
   * What recording did for a purpose.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Action {
    /** The string gives the purpose and the kit had no valid consent: a {@code GRANTED} event was recorded. */
    GRANTED,
    /** The string does not give the purpose and the kit had a granted or pending one: it was withdrawn. */
    WITHDRAWN,
    /** The kit already stood where the string does. */
    UNCHANGED,
    /**
     * The string gives the purpose, but the subject withdrew it at or after the string's {@code LastUpdated}: the
     * withdrawal stands (Art. 7(3)), so that a stale or replayed string never revives consent.
     */
    KEPT_WITHDRAWAL
  }
}
