package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One recorded step of a subject request: when, by whom, from which state to which.
 *
 * <p>The first step of every request is its receipt, with no {@code from} state. Steps that keep the state (starting
 * identity verification, extending the due date) have {@code from == to} and say what happened in the note.
 *
 * <p>Usage example: <pre>{@code request.transitions().forEach(t -> print(t.at(), t.by(), t.from(), t.to(), t.note()));}</pre>
 *
 * @param from the state before, or {@code null} for the receipt
 * @param to the state after
 * @param at when, from the kit's clock
 * @param by who took the step
 * @param note what happened, for steps that need saying (a rejection's reason, an extension), or {@code null}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestTransition(@Nullable RequestState from, RequestState to, Instant at, Actor by,
    @Nullable String note) {

  /** Validates the fields. */
  public RequestTransition {
    Preconditions.notNull(to, "to");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(by, "by");
    if (note != null) {
      Preconditions.notBlank(note, "note");
    }
  }
}
