package io.gdprkit.rectification;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a rectification names a provider or field that does not exist, or a provider that cannot
 * rectify; nothing is changed. The message never contains the value.
 *
 * <p>Usage example: <pre>{@code gdpr.rectification().rectify(alice, "visits", "v-1", "page", "/x")  // provider cannot rectify: throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RectificationRefusedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private RectificationRefusedException(String message, Throwable cause) {
    super(message, cause);
  }

  private RectificationRefusedException(String message) {
    super(message);
  }

  /** Creates the exception for a provider that is not registered. */
  public static RectificationRefusedException unknownProvider(String provider) {
    return new RectificationRefusedException("no provider " + Messages.quote(provider) + " is registered");
  }

  /** Creates the exception for a field the provider does not declare. */
  public static RectificationRefusedException unknownField(String provider, String field) {
    return new RectificationRefusedException("provider " + Messages.quote(provider) + " declares no field "
        + Messages.quote(field));
  }

  /** Creates the exception for a provider that cannot rectify. */
  public static RectificationRefusedException notSupported(String provider, UnsupportedOperationException cause) {
    return new RectificationRefusedException("provider " + Messages.quote(provider)
        + " does not support rectification", cause);
  }
}
