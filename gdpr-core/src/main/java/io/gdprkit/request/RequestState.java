package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a subject request stands: received, identity verified, in progress, then completed or rejected.
 *
 * <p>The moves are {@code RECEIVED → IDENTITY_VERIFIED → IN_PROGRESS → COMPLETED}, and from any open state to
 * {@code REJECTED}. {@code COMPLETED} and {@code REJECTED} are final.
 *
 * <p>Usage example: <pre>{@code if (request.state().isOpen()) remind(request);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RequestState {
  /** Recorded; the requester's identity is not verified yet. */
  RECEIVED,
  /** The requester proved to be the subject. */
  IDENTITY_VERIFIED,
  /** Staff are working on it. */
  IN_PROGRESS,
  /** Done: the right was granted (and, for erasure or export, the job ran). Final. */
  COMPLETED,
  /** Refused with a reason, which the subject is told (Art. 12(4) GDPR). Final. */
  REJECTED;

  /** Returns whether the request still needs an answer, that is whether it is neither completed nor rejected. */
  public boolean isOpen() {
    return this != COMPLETED && this != REJECTED;
  }

  /** Returns whether a request in this state may move to {@code next}. */
  public boolean canMoveTo(RequestState next) {
    return switch (this) {
      case RECEIVED -> next == IDENTITY_VERIFIED || next == REJECTED;
      case IDENTITY_VERIFIED -> next == IN_PROGRESS || next == REJECTED;
      case IN_PROGRESS -> next == COMPLETED || next == REJECTED;
      case COMPLETED, REJECTED -> false;
    };
  }
}
