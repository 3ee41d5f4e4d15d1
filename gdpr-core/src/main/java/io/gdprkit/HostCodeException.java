package io.gdprkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown when host code that gdpr-kit called (a personal-data provider, a listener, a mailer, a delivery) threw.
 *
 * <p>What host code throws may carry personal data in its message: a failed SQL statement with an e-mail address
 * in it, a mail server's reply naming the recipient. So the message names only where the failure happened (the
 * provider id, the kind of listener) and the class of what was thrown; the host's own exception is kept as the
 * {@linkplain #getCause() cause}, for the host to inspect, never copied into the message.
 *
 * <p>Usage example: <pre>{@code catch (HostCodeException e) { log.warn(e.getMessage(), e.getCause()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HostCodeException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String where;

  private HostCodeException(String where, Throwable cause) {
    super(where + " threw " + cause.getClass().getName() + "; its message is not shown, as it may hold personal data",
        cause);
    this.where = where;
  }

  /**
   * Creates the exception.
   *
   * @param where the host code that threw, as a phrase written by gdpr-kit, never by the host
   *     ("personal-data provider 'contacts' in rectify", "a restriction listener")
   * @param cause what the host code threw; kept as the cause, its message is not copied
   * @return the exception, for the caller to throw
   */
  public static HostCodeException of(String where, Throwable cause) {
    return new HostCodeException(where, cause);
  }

  /** Returns the host code that threw, as the phrase the message starts with. */
  public String where() {
    return where;
  }
}
