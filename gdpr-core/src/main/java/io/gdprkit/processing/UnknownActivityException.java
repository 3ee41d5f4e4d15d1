package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import org.apiguardian.api.API;

/**
 * Thrown when an activity id names no activity of the records. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.processingRecords().remove("no-such-activity", dpo)  // throws}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnknownActivityException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String activity;

  private UnknownActivityException(String activity) {
    super("no processing activity with id " + Messages.quote(activity)
        + "; list them with processingRecords().activities()");
    this.activity = activity;
  }

  /** Creates the exception for an activity id. */
  public static UnknownActivityException of(String activity) {
    return new UnknownActivityException(activity);
  }

  /** Returns the id that named no activity. */
  public String activity() {
    return activity;
  }
}
