package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Thrown when a provider failed during an erasure; the job stays pending and {@link ErasureService#resumePending()}
 * finishes it, without erasing anything twice.
 *
 * <p>Usage example: <pre>{@code try { gdpr.erasure().erase(alice); } catch (ErasureIncompleteException e) { scheduleResume(); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErasureIncompleteException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final UUID job;
  private final String provider;

  private ErasureIncompleteException(UUID job, String provider, Throwable cause) {
    super("erasure job " + job + " stopped in provider '" + provider + "' (" + cause.getClass().getName()
        + "); it stays pending and resumePending() finishes it", cause);
    this.job = job;
    this.provider = provider;
  }

  /** Creates the exception. */
  public static ErasureIncompleteException of(UUID job, String provider, Throwable cause) {
    return new ErasureIncompleteException(job, provider, cause);
  }

  /** Returns the pending job's id. */
  public UUID job() {
    return job;
  }

  /** Returns the id of the provider that failed. */
  public String provider() {
    return provider;
  }
}
