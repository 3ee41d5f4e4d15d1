package io.gdprkit.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Thrown when an authorisation id names no entry of the register.
 *
 * <p>Usage example: <pre>{@code try { gdpr.authorisations().revoke(id, admin); } catch (UnknownAuthorisationException e) { return notFound(); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnknownAuthorisationException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final UUID id;

  private UnknownAuthorisationException(UUID id) {
    super("no authorisation " + Messages.quote(id) + " is in the register of authorised persons");
    this.id = id;
  }

  /** Creates the exception. */
  public static UnknownAuthorisationException of(UUID id) {
    return new UnknownAuthorisationException(id);
  }

  /** Returns the id that was not found. */
  public UUID id() {
    return id;
  }
}
