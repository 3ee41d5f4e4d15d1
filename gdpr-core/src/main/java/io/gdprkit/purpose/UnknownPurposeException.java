package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a call names a purpose that was not declared on the kit.
 *
 * <p>Purposes are declared once, on the builder; an undeclared purpose is a typo or a missing
 * declaration, never something to process on.
 *
 * <p>Usage example: <pre>{@code gdpr.decide(alice, "newsleter")  // throws UnknownPurposeException}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class UnknownPurposeException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String purpose;

  private UnknownPurposeException(String purpose) {
    super("purpose " + Messages.quote(purpose) + " is not declared; declare it with GdprKit.builder().purpose(...)");
    this.purpose = purpose;
  }

  /** Creates the exception for an undeclared purpose id. */
  public static UnknownPurposeException of(String purpose) {
    return new UnknownPurposeException(purpose);
  }

  /** Returns the id that was not declared. */
  public String purpose() {
    return purpose;
  }
}
