package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when a personal-data provider answers the affected-subjects query against its contract (more subjects than
 * asked for, or out of order), which would make the derived subjects skip or repeat someone.
 *
 * <p>Fix the provider's {@code subjectsWithData}; the message names it. Nothing is written.
 *
 * <p>Usage example: <pre>{@code catch (AffectedSubjectsException e) { alert("provider " + e.provider() + " is broken"); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AffectedSubjectsException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String provider;

  private AffectedSubjectsException(String provider, String message) {
    super(message);
    this.provider = provider;
  }

  /** Creates the exception for a provider that broke the paging contract of {@code subjectsWithData}. */
  public static AffectedSubjectsException contractBroken(String provider, String what) {
    return new AffectedSubjectsException(provider, "personal-data provider " + Messages.quote(provider) + " " + what
        + " when asked for subjects by data category and time window; fix its subjectsWithData");
  }

  /** Returns the id of the provider. */
  public String provider() {
    return provider;
  }
}
