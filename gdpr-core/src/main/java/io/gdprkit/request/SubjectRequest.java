package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A data subject's request to exercise a right, with its state, deadline and every step taken so far.
 *
 * <p>Immutable: each step returns a new value with one more {@linkplain #transitions() transition} and the next
 * {@linkplain #version() version}, which stores use to refuse lost updates. The constructor checks that the
 * transitions form a legal path from receipt to the current state.
 *
 * <p>While the kit runs host code for a request (an identity verifier, a fulfiller), the request holds a
 * {@linkplain #claim() claim}: written as a version of its own before the code runs, and cleared by the write that
 * records the step's outcome. A claim is no step: it adds no transition and is no part of the request's evidence.
 *
 * <p>Usage example: <pre>{@code
 * SubjectRequest r = gdpr.requests().find(id).orElseThrow();
 * if (r.state().isOpen() && r.deadline().isBefore(soon)) remind(r);
 * }</pre>
 *
 * @param id the request's id
 * @param subject whom the request is about
 * @param kind the right exercised
 * @param state where the request stands
 * @param receivedAt when it was received
 * @param dueAt the original deadline, one month from receipt (see {@link DueDates})
 * @param extension the extension of the deadline, or {@code null} when not extended
 * @param rejection why the request was refused; present exactly when the state is {@code REJECTED}
 * @param transitions every step, oldest first, starting with the receipt
 * @param version how many times the request was written: 1 when just received, one more for each step and for each
 *     write that sets or clears a claim; stores compare it to refuse lost updates
 * @param claim who runs host code for the request now and until when, or {@code null} when no one does; see
 *     {@link Claim}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SubjectRequest(
    RequestId id,
    SubjectId subject,
    RequestKind kind,
    RequestState state,
    Instant receivedAt,
    Instant dueAt,
    @Nullable Extension extension,
    @Nullable Rejection rejection,
    List<RequestTransition> transitions,
    int version,
    @Nullable Claim claim) {

  /** The longest reason accepted, in characters. */
  public static final int MAX_REASON_LENGTH = 2000;

  /** The most notices one request records. */
  public static final int MAX_NOTICES = 100;

  /**
   * Validates the fields and that the transitions lead from receipt to {@code state}.
   *
   * @throws InvalidInputException if a field is missing, the transitions are not a legal path, the version is below
   *     their number, or a closed request holds a claim
   */
  public SubjectRequest {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(state, "state");
    Preconditions.notNull(receivedAt, "receivedAt");
    Preconditions.notNull(dueAt, "dueAt");
    transitions = List.copyOf(Preconditions.notNull(transitions, "transitions"));
    Preconditions.check(dueAt.isAfter(receivedAt), "dueAt", "must be after receivedAt");
    Preconditions.check(extension == null || extension.dueAt().isAfter(dueAt), "extension",
        "must move the deadline past dueAt");
    Preconditions.check((rejection != null) == (state == RequestState.REJECTED), "rejection",
        "must be present exactly when the request is rejected");
    checkPath(transitions, receivedAt, state);
    Preconditions.check(version >= transitions.size(), "version", "must be at least the number of transitions");
    Preconditions.check(claim == null || state.isOpen(), "claim", "must be absent once the request is closed");
    for (RequestTransition step : transitions) {
      Preconditions.check(!(step.evidence() instanceof Extension) || step.evidence().equals(extension), "transitions",
          "must carry the request's own extension");
      Preconditions.check(!(step.evidence() instanceof Rejection) || step.evidence().equals(rejection), "transitions",
          "must carry the request's own rejection");
    }
  }

  private static void checkPath(List<RequestTransition> transitions, Instant receivedAt, RequestState state) {
    Preconditions.check(!transitions.isEmpty(), "transitions", "must start with the receipt");
    RequestTransition receipt = transitions.get(0);
    Preconditions.check(receipt.from() == null && receipt.to() == RequestState.RECEIVED
        && receipt.at().equals(receivedAt), "transitions", "must start with the receipt, at receivedAt");
    RequestState current = RequestState.RECEIVED;
    int notices = 0;
    for (RequestTransition step : transitions.subList(1, transitions.size())) {
      Preconditions.check(step.from() == current, "transitions", "must each start where the one before ended");
      Preconditions.check(!(step.evidence() instanceof RequestIntake), "transitions",
          "must carry the intake on the receipt only");
      boolean notice = step.evidence() instanceof RequestNotice;
      notices += notice ? 1 : 0;
      Preconditions.check((current.isOpen() || notice) && (step.to() == current || current.canMoveTo(step.to())),
          "transitions", "must only take legal steps: " + current + " cannot move to " + step.to());
      current = step.to();
    }
    Preconditions.check(notices <= MAX_NOTICES, "notices", "must be at most " + MAX_NOTICES + " per request");
    Preconditions.check(current == state, "transitions", "must end in the request's state");
  }

  /**
   * Returns a request just received: state {@code RECEIVED}, one transition.
   *
   * @param dueAt the deadline, normally {@link DueDates#dueAt}
   * @param by who recorded the request: the subject through a form, or staff who took it by phone or letter
   */
  public static SubjectRequest received(RequestId id, SubjectId subject, RequestKind kind, Instant receivedAt,
      Instant dueAt, Actor by) {
    return received(id, subject, kind, receivedAt, dueAt, by, null);
  }

  /**
   * Returns a request just received, with how it came in as the evidence of its receipt.
   *
   * @param intake the channel, the host's reference and the text's hash, or {@code null} when not recorded
   */
  public static SubjectRequest received(RequestId id, SubjectId subject, RequestKind kind, Instant receivedAt,
      Instant dueAt, Actor by, @Nullable RequestIntake intake) {
    return new SubjectRequest(id, subject, kind, RequestState.RECEIVED, receivedAt, dueAt, null, null,
        List.of(new RequestTransition(null, RequestState.RECEIVED, receivedAt, by, null, intake)), 1, null);
  }

  /** Returns how the request came in, as recorded with its receipt, if it was. */
  public @Nullable RequestIntake intake() {
    return transitions.get(0).evidence() instanceof RequestIntake intake ? intake : null;
  }

  /** Returns the deadline in force: the extended one if the request was extended, else {@link #dueAt()}. */
  public Instant deadline() {
    return extension != null ? extension.dueAt() : dueAt;
  }

  /** Returns whether the request is open at {@code now} and its deadline has passed. */
  public boolean isOverdueAt(Instant now) {
    return state.isOpen() && !now.isBefore(deadline());
  }

  /**
   * Returns this request after one more step; for a rejection use {@link #rejected}, for an extension
   * {@link #extended}.
   *
   * @param to the new state, or the current one for a step that keeps it
   * @param note what happened, or {@code null}
   * @throws InvalidInputException if the step is not legal from the current state, or is a rejection
   */
  public SubjectRequest step(RequestState to, Instant at, Actor by, @Nullable String note) {
    return step(to, at, by, note, null);
  }

  /**
   * Returns this request after one more step, with what the step adds to its evidence.
   *
   * <p>Like every step, it is the next version and clears the {@linkplain #claim() claim}.
   *
   * @param evidence an {@link IdentityCheck} or a {@link Fulfilment} that fits the step, or {@code null}
   * @throws InvalidInputException if the step is not legal from the current state, is a rejection, or the evidence
   *     does not fit it
   */
  public SubjectRequest step(RequestState to, Instant at, Actor by, @Nullable String note,
      @Nullable StepEvidence evidence) {
    Preconditions.check(to != RequestState.REJECTED, "to", "must not be REJECTED: a rejection needs a reason");
    return new SubjectRequest(id, subject, kind, to, receivedAt, dueAt, extension, rejection,
        append(new RequestTransition(state, to, at, by, note, evidence)), version + 1, null);
  }

  /**
   * Returns this request with a notice to the subject recorded; the state stays as it is, and a completed or rejected
   * request still records the notices that tell the subject so.
   *
   * @throws InvalidInputException if the request records {@value #MAX_NOTICES} notices already
   */
  public SubjectRequest noticeSent(RequestNotice notice, Instant at, Actor by) {
    Preconditions.notNull(notice, "notice");
    return new SubjectRequest(id, subject, kind, state, receivedAt, dueAt, extension, rejection,
        append(new RequestTransition(state, state, at, by, null, notice)), version + 1, null);
  }

  /**
   * Returns this request refused for {@code reason}.
   *
   * @throws InvalidInputException if the reason is blank or the request is not open
   */
  public SubjectRequest rejected(String reason, Instant at, Actor by) {
    Rejection rejection = new Rejection(reason, at);
    return new SubjectRequest(id, subject, kind, RequestState.REJECTED, receivedAt, dueAt, extension, rejection,
        append(new RequestTransition(state, RequestState.REJECTED, at, by, reason, rejection)), version + 1, null);
  }

  /**
   * Returns this request with its deadline extended; the state stays as it is.
   *
   * @param extension the new deadline, the reason and when it was decided
   * @param by who decided
   * @throws InvalidInputException if the request is not open, or the new deadline is not after {@link #dueAt()}
   */
  public SubjectRequest extended(Extension extension, Actor by) {
    Preconditions.notNull(extension, "extension");
    return new SubjectRequest(id, subject, kind, state, receivedAt, dueAt, extension, null,
        append(new RequestTransition(state, state, extension.at(), by,
            "deadline extended to " + extension.dueAt() + ": " + extension.reason(), extension)), version + 1, null);
  }

  /**
   * Returns this request, as its next version, held by {@code claim}; no step is recorded.
   *
   * <p>The request service writes it before it runs host code for the request; a store's version check lets one of
   * two callers that read the same version hold it.
   *
   * <p>Usage example: <pre>{@code store.update(request.claimed(new SubjectRequest.Claim("node-a", now.plus(lease))));}</pre>
   *
   * @throws InvalidInputException if the request is closed
   */
  public SubjectRequest claimed(Claim claim) {
    Preconditions.notNull(claim, "claim");
    return new SubjectRequest(id, subject, kind, state, receivedAt, dueAt, extension, rejection, transitions,
        version + 1, claim);
  }

  /** Returns this request, as its next version, with its claim cleared; no step is recorded. */
  public SubjectRequest unclaimed() {
    return new SubjectRequest(id, subject, kind, state, receivedAt, dueAt, extension, rejection, transitions,
        version + 1, null);
  }

  private List<RequestTransition> append(RequestTransition step) {
    List<RequestTransition> next = new ArrayList<>(transitions.size() + 1);
    next.addAll(transitions);
    next.add(step);
    return next;
  }

  /**
   * An extension of a request's deadline by up to two months (Art. 12(3) GDPR).
   *
   * <p>The subject must be told of it, with the reasons, within the first month; the host sends that message.
   *
   * @param dueAt the new deadline, normally {@link DueDates#extendedDueAt}
   * @param reason why more time is needed, such as the complexity or number of requests
   * @param at when the extension was decided
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Extension(Instant dueAt, String reason, Instant at) implements StepEvidence {

    /** Validates the fields. */
    public Extension {
      Preconditions.notNull(dueAt, "dueAt");
      checkReason(reason, "extension reason");
      Preconditions.notNull(at, "at");
    }
  }

  /**
   * Which kit instance runs host code for a request (an identity verifier, a fulfiller) and until when.
   *
   * <p>Why: a fulfiller erases or exports, and must not run twice at once, also when several application instances
   * share one request store. A call that finds a claim still {@linkplain #heldAt held} fails with
   * {@link RequestConflictException#busy}, whichever instance it runs on. Once {@link #until()} has passed, the holder
   * is taken to have died and another call may take the request over; see {@link RequestFulfiller} for what that
   * means for a fulfiller that did run.
   *
   * <p>Usage example: <pre>{@code if (r.claim() != null && r.claim().heldAt(now)) log.info("request {} is being worked on by {}", r.id(), r.claim().owner());}</pre>
   *
   * @param owner the id of the kit instance ({@code GdprKit.Builder.instanceId})
   * @param until when the claim runs out: when it was taken plus the kit's {@code workLease}
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Claim(String owner, Instant until) {

    /** Validates the fields. */
    public Claim {
      Preconditions.identifier(owner, "claim owner", 128);
      Preconditions.notNull(until, "until");
    }

    /** Returns whether the claim still holds at {@code now}. */
    public boolean heldAt(Instant now) {
      return until.isAfter(now);
    }
  }

  /**
   * Why a request was refused; the subject is told (Art. 12(4) GDPR).
   *
   * @param reason the reason, as the subject will read it
   * @param at when the request was rejected
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Rejection(String reason, Instant at) implements StepEvidence {

    /** Validates the fields. */
    public Rejection {
      checkReason(reason, "rejection reason");
      Preconditions.notNull(at, "at");
    }
  }

  private static void checkReason(@Nullable String reason, String field) {
    Preconditions.notBlank(reason, field);
    Preconditions.check(reason.length() <= MAX_REASON_LENGTH, field,
        "must be at most " + MAX_REASON_LENGTH + " characters long");
  }
}
