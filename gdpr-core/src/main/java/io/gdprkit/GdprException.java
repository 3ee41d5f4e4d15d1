package io.gdprkit;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Root of every domain and operational failure that gdpr-kit reports.
 *
 * <p>Unchecked, so a host can let it travel to one handler. Subclasses live in their feature package
 * and expose the context of the failure (ids, purposes, states) through getters. Messages say what was
 * wrong and what to do; they never contain personal data, so they are safe to log.
 *
 * <p>Usage example: <pre>{@code try { gdpr.guard().require(s, "newsletter"); } catch (GdprException e) { log.warn(e.getMessage()); }}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public abstract class GdprException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected GdprException(String message) {
    super(message);
  }

  protected GdprException(String message, Throwable cause) {
    super(message, cause);
  }
}
