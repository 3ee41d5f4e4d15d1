package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when another writer changed a request first, or is changing it now. The failed call recorded no step.
 *
 * <p>Stores throw it when an update does not replace the version it was based on; the request service throws it
 * when another call holds a live {@linkplain SubjectRequest.Claim claim} on the request, on this application instance
 * or another one sharing the store, such as a completion whose fulfiller is still running ({@link #busy}), and when a
 * call's own claim ran out while it worked and another call took the request over ({@link #takenOver}). Re-read the
 * request and retry if the step still makes sense.
 *
 * <p>Usage example: <pre>{@code if (stored.version() != next.version() - 1) throw RequestConflictException.of(id, next.version() - 1, stored.version());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RequestConflictException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final RequestId requestId;

  private RequestConflictException(RequestId requestId, String detail) {
    super("concurrent update of subject request " + Messages.quote(requestId) + ": " + detail);
    this.requestId = requestId;
  }

  /** Creates the exception for an update based on a version the store no longer holds. */
  public static RequestConflictException of(RequestId requestId, int basedOn, int stored) {
    return new RequestConflictException(requestId, "the update is based on version " + basedOn
        + " but the store holds version " + stored + "; re-read the request and retry");
  }

  /** Creates the exception for an insert of an id that is already stored. */
  public static RequestConflictException alreadyStored(RequestId requestId) {
    return new RequestConflictException(requestId, "a request with this id is already stored");
  }

  /** Creates the exception for a call that met another call's live claim on the same request. */
  public static RequestConflictException busy(RequestId requestId) {
    return new RequestConflictException(requestId, "another call is changing this request right now;"
        + " re-read the request and retry");
  }

  /**
   * Creates the exception for a call whose claim on the request ran out while its verifier or fulfiller ran, and which
   * another call then took over; what it did was not recorded.
   *
   * @since 0.2
   */
  public static RequestConflictException takenOver(RequestId requestId) {
    return new RequestConflictException(requestId, "this call's claim ran out while it worked and another call took"
        + " the request over; what this call did is not recorded: re-read the request, and lengthen workLease if"
        + " fulfilment takes that long");
  }

  /** Creates the exception for a write that kept losing races. */
  public static RequestConflictException retriesExhausted(RequestId requestId, int attempts) {
    return new RequestConflictException(requestId, "gave up after " + attempts + " attempts");
  }

  /** Returns the request. */
  public RequestId requestId() {
    return requestId;
  }
}
