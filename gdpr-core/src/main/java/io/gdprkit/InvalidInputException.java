package io.gdprkit;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown when an argument has the wrong shape: a blank id, a malformed IP address, a negative size.
 *
 * <p>The message names the offending field and the rule it broke, never the value itself, because
 * the value may be personal data. Nothing has been written when this is thrown.
 *
 * <p>Times have one range everywhere: a duration or period (a token validity, a retention period, a consent
 * validity, a query window) is at most 100 years (36,525 days), and an instant (a grant's date, a breach's times,
 * an exposure window) lies from {@code 1970-01-01T00:00:00Z} to {@code 9999-12-31T23:59:59Z}. A value outside fails
 * with this exception naming the field, rather than with an arithmetic error halfway through a write.
 *
 * <p>Usage example: <pre>{@code SubjectId.of(" ")  // throws InvalidInputException: subject id must not be blank}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class InvalidInputException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String field;

  private InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * Creates the exception for one field.
   *
   * @param field the name of the argument or property that was wrong
   * @param rule what it must be, as a phrase ("must not be blank")
   * @return the exception, for the caller to throw
   */
  public static InvalidInputException of(String field, String rule) {
    return new InvalidInputException(field, field + " " + rule);
  }

  /** Returns the name of the argument or property that was wrong. */
  public String field() {
    return field;
  }
}
