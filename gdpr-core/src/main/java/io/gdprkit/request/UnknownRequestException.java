package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a request id names no stored request. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.requests().complete(RequestId.random(), staff)  // throws UnknownRequestException}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnknownRequestException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final RequestId requestId;

  private UnknownRequestException(RequestId requestId) {
    super("no subject request with id " + Messages.quote(requestId) + "; use the id that receive() returned");
    this.requestId = requestId;
  }

  /** Creates the exception for an id. */
  public static UnknownRequestException of(RequestId requestId) {
    return new UnknownRequestException(requestId);
  }

  /** Returns the id that named no request. */
  public RequestId requestId() {
    return requestId;
  }
}
