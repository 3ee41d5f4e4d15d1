package io.gdprkit.crypto;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a key id names no key in the ring, because it was never added or was retired.
 *
 * <p>Usage example: <pre>{@code keys.retire("k1"); keys.mac("k1", "doi", data)  // throws UnknownKeyException}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class UnknownKeyException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String keyId;

  private UnknownKeyException(String keyId) {
    super("no key with id " + Messages.quote(keyId) + " in the key ring; it was never added or has been retired");
    this.keyId = keyId;
  }

  /** Creates the exception for a key id. */
  public static UnknownKeyException of(String keyId) {
    return new UnknownKeyException(keyId);
  }

  /** Returns the key id that was not found. */
  public String keyId() {
    return keyId;
  }
}
