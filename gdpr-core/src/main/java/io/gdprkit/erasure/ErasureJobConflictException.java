package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprStoreException;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Thrown by an {@link io.gdprkit.erasure.spi.ErasureStore} when a job is saved or completed from a stale version:
 * another kit instance took the job over after this one's lease ran out, or the job was completed meanwhile. Nothing
 * was written.
 *
 * <p>Why a typed error: a runner that lost its lease must stop at once rather than overwrite the progress of the
 * instance that now runs the job.
 *
 * <p>Usage example: <pre>{@code catch (ErasureJobConflictException e) { log.info("job {} taken over", e.job()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErasureJobConflictException extends GdprStoreException {

  private static final long serialVersionUID = 1L;

  private final UUID job;
  private final long expectedVersion;

  private ErasureJobConflictException(UUID job, long expectedVersion, String why) {
    super("erasure job " + job + " was not written at version " + expectedVersion + ": " + why);
    this.job = job;
    this.expectedVersion = expectedVersion;
  }

  /** Creates the exception for a save or completion whose version is no longer the stored one. */
  public static ErasureJobConflictException staleVersion(UUID job, long expectedVersion, long storedVersion) {
    return new ErasureJobConflictException(job, expectedVersion,
        "the stored version is " + storedVersion + "; another instance changed it");
  }

  /** Creates the exception for a save or completion of a job that is no longer pending. */
  public static ErasureJobConflictException gone(UUID job, long expectedVersion) {
    return new ErasureJobConflictException(job, expectedVersion, "the job is no longer pending");
  }

  /** Creates the exception for a new job whose id is already taken. */
  public static ErasureJobConflictException duplicate(UUID job) {
    return new ErasureJobConflictException(job, 0, "a job with this id exists");
  }

  /** Returns the job's id. */
  public UUID job() {
    return job;
  }

  /** Returns the version the writer expected. */
  public long expectedVersion() {
    return expectedVersion;
  }
}
