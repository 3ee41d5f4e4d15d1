package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a provider or an erasure listener failed during an erasure; the job stays pending and
 * {@link ErasureService#resumePending()} finishes it, without erasing anything twice.
 *
 * <p>Providers and listeners are host code, and what they throw may carry personal data in its message (a failed
 * SQL statement with an e-mail address in it). The message therefore names only the job, the provider and the class
 * of what was thrown; the host's own exception is kept as the {@linkplain #getCause() cause} for its debugging.
 *
 * <p>Usage example: <pre>{@code try { gdpr.erasure().erase(alice); } catch (ErasureIncompleteException e) { scheduleResume(); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErasureIncompleteException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final UUID job;
  private final @Nullable String provider;

  private ErasureIncompleteException(UUID job, @Nullable String provider, String where, Throwable cause) {
    super("erasure job " + job + " stopped in " + where + " (" + cause.getClass().getName()
        + "); it stays pending and resumePending() finishes it", cause);
    this.job = job;
    this.provider = provider;
  }

  /** Creates the exception for a provider that threw; the cause's message is not copied. */
  public static ErasureIncompleteException of(UUID job, String provider, Throwable cause) {
    return new ErasureIncompleteException(job, provider, "provider " + Messages.quote(provider), cause);
  }

  /**
   * Creates the exception for an {@link ErasureListener} that threw; the cause's message is not copied.
   *
   * @since 0.1
   */
  public static ErasureIncompleteException inListener(UUID job, Throwable cause) {
    return new ErasureIncompleteException(job, null, "an erasure listener", cause);
  }

  /** Returns the pending job's id. */
  public UUID job() {
    return job;
  }

  /** Returns the id of the provider that failed, or {@code null} when an erasure listener failed. */
  public @Nullable String provider() {
    return provider;
  }
}
