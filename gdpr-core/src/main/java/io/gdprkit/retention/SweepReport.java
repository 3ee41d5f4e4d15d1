package io.gdprkit.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one sweep did, in counts per rule and per campaign; no personal data.
 *
 * @param rules per rule id, how many due subjects this sweep erased or anonymised
 * @param campaignsErased per campaign id, how many subjects were erased for not answering
 * @param campaignsKept per campaign id, how many subjects answered with a new consent and were kept
 * @param failed subjects whose erasure failed; their jobs stay pending for {@code erasure().resumePending()}
 * @param more whether any rule or campaign had more due subjects than the batch allowed, or more held data was due
 *     than the batch released: run the sweep again
 * @param released erasures whose data kept until a date (Art. 17(3)) was due and is now erased
 *     ({@code erasure().releaseHeld(..)})
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SweepReport(Map<String, Long> rules, Map<String, Long> campaignsErased, Map<String, Long> campaignsKept,
    long failed, boolean more, long released) {

  /** Copies the maps. */
  public SweepReport {
    rules = Map.copyOf(rules);
    campaignsErased = Map.copyOf(campaignsErased);
    campaignsKept = Map.copyOf(campaignsKept);
  }

  /** Creates the report of a sweep that released no held data. */
  public SweepReport(Map<String, Long> rules, Map<String, Long> campaignsErased, Map<String, Long> campaignsKept,
      long failed, boolean more) {
    this(rules, campaignsErased, campaignsKept, failed, more, 0);
  }

  /** Returns how many subjects this sweep processed in all. */
  public long processed() {
    return rules.values().stream().mapToLong(Long::longValue).sum()
        + campaignsErased.values().stream().mapToLong(Long::longValue).sum()
        + campaignsKept.values().stream().mapToLong(Long::longValue).sum() + failed + released;
  }
}
