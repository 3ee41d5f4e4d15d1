package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when the {@link RequestFulfiller} of a request's kind fails while completing it; the request stays
 * {@code IN_PROGRESS} and can be completed again once the cause is fixed.
 *
 * <p>The cause is the fulfiller's own exception. Its message is not repeated here, as a host's message may contain
 * personal data.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.requests().complete(id, staff); }
 * catch (RequestFulfilmentException e) { log.error("request {} failed", e.requestId(), e.getCause()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RequestFulfilmentException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final RequestId requestId;
  private final RequestKind kind;

  private RequestFulfilmentException(RequestId requestId, RequestKind kind, Throwable cause) {
    super("the fulfiller of " + kind + " request " + Messages.quote(requestId) + " failed with "
        + cause.getClass().getName()
        + "; the request stays IN_PROGRESS: fix the cause and complete it again", cause);
    this.requestId = requestId;
    this.kind = kind;
  }

  /** Creates the exception for a fulfiller's failure. */
  public static RequestFulfilmentException of(RequestId requestId, RequestKind kind, Throwable cause) {
    return new RequestFulfilmentException(requestId, kind, cause);
  }

  /** Returns the request. */
  public RequestId requestId() {
    return requestId;
  }

  /** Returns the request's kind. */
  public RequestKind kind() {
    return kind;
  }
}
