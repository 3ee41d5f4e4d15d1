package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Thrown by {@link ErasureService#erase} when an erasure of the same subject is already being run, here or by another
 * kit instance sharing the erasure store; nothing was started.
 *
 * <p>Why refuse rather than wait: erasure of one subject runs once at a time across instances, and the running job
 * may take long or fail and stay pending for {@link ErasureService#resumePending()}. The caller learns which job
 * holds the subject and can look its report up once done ({@link ErasureService#report(UUID)}). A job that is pending
 * but held by no one (a failed or crashed run) is not refused: {@code erase} runs it first.
 *
 * <p>Usage example: <pre>{@code catch (ErasureInProgressException e) { retryLater(e.job()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ErasureInProgressException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final UUID job;

  private ErasureInProgressException(UUID job) {
    super("an erasure of this subject is already running as job " + job
        + "; erasure of one subject runs once at a time, look its report up once it is done");
    this.job = job;
  }

  /** Creates the exception naming the running job. */
  public static ErasureInProgressException of(UUID job) {
    return new ErasureInProgressException(job);
  }

  /** Returns the id of the job that is running. */
  public UUID job() {
    return job;
  }
}
