package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when an operation needs a purpose of one legal basis and the purpose has another, such as
 * a consent grant on a purpose processed under contract.
 *
 * <p>Recording consent for a contract purpose would mislead: withdrawing it would not stop the
 * processing. Nothing is written when this is thrown.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().grant(alice, "billing", proof)  // billing is CONTRACT: throws}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class LegalBasisMismatchException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String purpose;
  private final LegalBasis declared;
  private final LegalBasis expected;

  private LegalBasisMismatchException(String purpose, LegalBasis declared, LegalBasis expected, String action) {
    super("cannot " + action + " purpose " + Messages.quote(purpose) + ": its legal basis is " + declared
        + ", not " + expected);
    this.purpose = purpose;
    this.declared = declared;
    this.expected = expected;
  }

  /**
   * Creates the exception.
   *
   * @param purpose the purpose's id
   * @param declared the basis the purpose was declared with
   * @param expected the basis the operation needs
   * @param action what was attempted, as a phrase ("grant consent for")
   * @return the exception, for the caller to throw
   */
  public static LegalBasisMismatchException of(String purpose, LegalBasis declared, LegalBasis expected,
      String action) {
    return new LegalBasisMismatchException(purpose, declared, expected, action);
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the basis the purpose was declared with. */
  public LegalBasis declared() {
    return declared;
  }

  /** Returns the basis the operation needed. */
  public LegalBasis expected() {
    return expected;
  }
}
