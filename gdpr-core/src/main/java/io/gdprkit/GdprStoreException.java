package io.gdprkit;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Wraps a failure of a store adapter (a database error, a broken connection).
 *
 * <p>Adapters throw it so that callers catch one type whatever the backing technology; the cause
 * carries the adapter's own exception.
 *
 * <p>Usage example: <pre>{@code throw GdprStoreException.of("append consent event", sqlException);}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class GdprStoreException extends GdprException {

  private static final long serialVersionUID = 1L;

  protected GdprStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  protected GdprStoreException(String message) {
    super(message);
  }

  /**
   * Creates the exception for a failed store operation.
   *
   * @param operation what the store was doing, as a phrase ("append consent event")
   * @param cause the adapter's own exception
   * @return the exception, for the caller to throw
   */
  public static GdprStoreException of(String operation, Throwable cause) {
    return new GdprStoreException("store failed to " + operation + ": " + cause.getClass().getName(), cause);
  }
}
