package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What replaying the tombstone journal did after a restore: how many subjects were checked and the erasures run
 * again for those that had come back.
 *
 * @param examined subjects checked against the journal
 * @param erasedAgain the reports of subjects erased again
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReplayReport(long examined, List<ErasureReport> erasedAgain) {

  /** Copies the list. */
  public ReplayReport {
    erasedAgain = List.copyOf(erasedAgain);
  }
}
