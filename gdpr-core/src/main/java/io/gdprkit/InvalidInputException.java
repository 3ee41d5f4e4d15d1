package io.gdprkit;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown when an argument has the wrong shape: a blank id, a malformed IP address, a negative size.
 *
 * <p>The message names the offending field and the rule it broke, never the value itself, because
 * the value may be personal data. Nothing has been written when this is thrown.
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
