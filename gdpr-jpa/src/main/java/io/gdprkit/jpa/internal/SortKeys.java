package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apiguardian.api.API;

/**
 * Times as the columns the stores sort and page by hold them: to the microsecond, cut by the store rather than rounded
 * or cut by whichever database, so that a page's start and a cutoff compare with a column exactly as the stored value
 * would.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class SortKeys {

  private SortKeys() {}

  /** Returns {@code time} cut to the microsecond. */
  public static Instant time(Instant time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }
}
