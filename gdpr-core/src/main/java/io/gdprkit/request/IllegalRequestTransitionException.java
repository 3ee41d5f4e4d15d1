package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Thrown when a step is not allowed for a request as it stands: completing a request that is only received,
 * extending twice or after the first deadline, acting on a completed or rejected request. Nothing is written.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.requests().complete(id, staff); }
 * catch (IllegalRequestTransitionException e) { show("request is " + e.state()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IllegalRequestTransitionException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final RequestId requestId;
  private final RequestState state;
  private final Action action;
  private final Reason reason;

  private IllegalRequestTransitionException(RequestId requestId, RequestState state, Action action, Reason reason,
      String detail) {
    super("cannot " + action.verb + " subject request " + Messages.quote(requestId) + " in state " + state + ": "
        + detail);
    this.requestId = requestId;
    this.state = state;
    this.action = action;
    this.reason = reason;
  }

  /** Creates the exception for an action that the request's state does not allow. */
  public static IllegalRequestTransitionException of(RequestId requestId, RequestState state, Action action) {
    return new IllegalRequestTransitionException(requestId, state, action, Reason.WRONG_STATE, action.rule);
  }

  /** Creates the exception for a second extension. */
  public static IllegalRequestTransitionException alreadyExtended(RequestId requestId, RequestState state) {
    return new IllegalRequestTransitionException(requestId, state, Action.EXTEND, Reason.ALREADY_EXTENDED,
        "it was already extended; Art. 12(3) GDPR allows one extension of at most two months");
  }

  /** Creates the exception for an extension decided after the first deadline. */
  public static IllegalRequestTransitionException firstDeadlinePassed(RequestId requestId, RequestState state,
      Instant dueAt) {
    return new IllegalRequestTransitionException(requestId, state, Action.EXTEND, Reason.FIRST_DEADLINE_PASSED,
        "its first deadline " + dueAt + " has passed; an extension must be decided, and told to the subject,"
            + " within the first month (Art. 12(3) GDPR)");
  }

  /** Returns the request. */
  public RequestId requestId() {
    return requestId;
  }

  /** Returns the state the request was in. */
  public RequestState state() {
    return state;
  }

  /** Returns what was attempted. */
  public Action action() {
    return action;
  }

  /** Returns why it was refused. */
  public Reason reason() {
    return reason;
  }

  /** The steps of a request. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Action {
    /** Start identity verification. */
    START_VERIFICATION("start identity verification of",
        "identity verification starts only while the request is RECEIVED"),
    /** Verify the requester's identity. */
    VERIFY("verify", "only a RECEIVED request can be verified"),
    /** Start work. */
    START("start", "only a request whose identity is verified can be started; verify it first"),
    /** Complete. */
    COMPLETE("complete", "only a request IN_PROGRESS can be completed; verify and start it first"),
    /** Reject. */
    REJECT("reject", "a completed or rejected request is final"),
    /** Extend the deadline. */
    EXTEND("extend", "a completed or rejected request is final");

    private final String verb;
    private final String rule;

    Action(String verb, String rule) {
      this.verb = verb;
      this.rule = rule;
    }
  }

  /** Why a step was refused. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** The request's state does not allow the step. */
    WRONG_STATE,
    /** The request was already extended once. */
    ALREADY_EXTENDED,
    /** The first deadline passed before the extension. */
    FIRST_DEADLINE_PASSED
  }
}
