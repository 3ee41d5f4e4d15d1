package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One recorded step of a subject request: when, by whom, from which state to which, and what it adds to the
 * request's evidence.
 *
 * <p>The first step of every request is its receipt, with no {@code from} state. Steps that keep the state (starting
 * identity verification, extending the due date, a notice sent) have {@code from == to} and say what happened in the
 * note or the evidence; a notice is the only step a completed or rejected request still takes.
 *
 * <p>Usage example: <pre>{@code request.transitions().forEach(t -> print(t.at(), t.by(), t.from(), t.to(), t.note()));}</pre>
 *
 * @param from the state before, or {@code null} for the receipt
 * @param to the state after
 * @param at when, from the kit's clock
 * @param by who took the step
 * @param note what happened, for steps that need saying (a rejection's reason, an extension), or {@code null}
 * @param evidence what the step adds to the request's evidence, or {@code null}: the receipt may carry a
 *     {@link RequestIntake}, identity steps an {@link IdentityCheck}, an extension its
 *     {@link SubjectRequest.Extension}, the completion a {@link Fulfilment}, a rejection its
 *     {@link SubjectRequest.Rejection}, and a step that keeps the state a {@link RequestNotice}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RequestTransition(@Nullable RequestState from, RequestState to, Instant at, Actor by,
    @Nullable String note, @Nullable StepEvidence evidence) {

  /**
   * Validates the fields, and that the evidence belongs to this kind of step.
   *
   * @throws io.gdprkit.InvalidInputException if a field is missing, the note is blank, or the evidence does not fit
   */
  public RequestTransition {
    Preconditions.notNull(to, "to");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(by, "by");
    if (note != null) {
      Preconditions.notBlank(note, "note");
    }
    if (evidence != null) {
      Preconditions.check(fits(from, to, evidence), "evidence",
          "does not belong to a step from " + from + " to " + to);
    }
  }

  /** Returns a step without evidence. */
  public RequestTransition(@Nullable RequestState from, RequestState to, Instant at, Actor by, @Nullable String note) {
    this(from, to, at, by, note, null);
  }

  private static boolean fits(@Nullable RequestState from, RequestState to, StepEvidence evidence) {
    if (evidence instanceof RequestIntake) {
      return from == null;
    }
    if (evidence instanceof IdentityCheck check) {
      return from == RequestState.RECEIVED && to == (check.outcome() == IdentityCheck.Outcome.STARTED
          ? RequestState.RECEIVED : RequestState.IDENTITY_VERIFIED);
    }
    if (evidence instanceof SubjectRequest.Extension) {
      return from != null && from == to && from.isOpen();
    }
    if (evidence instanceof Fulfilment) {
      return from == RequestState.IN_PROGRESS && to == RequestState.COMPLETED;
    }
    if (evidence instanceof SubjectRequest.Rejection) {
      return to == RequestState.REJECTED;
    }
    return from != null && from == to;
  }
}
