package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a bulk update did, in counts; no personal data.
 *
 * <p>{@code updated + unchanged + failed} equals {@code matched}: each matched subject was written, left
 * as it was, or lost with its failed batch.
 *
 * <p>Usage example: <pre>{@code log.info("bulk update: {} updated, {} batches failed", r.updated(), r.batchesFailed());}</pre>
 *
 * @param examined subjects the criteria were asked about
 * @param matched subjects the criteria selected
 * @param updated subjects written
 * @param unchanged matched subjects that needed no change
 * @param failed matched subjects in batches that failed and were rolled back
 * @param batchesCommitted batches written
 * @param failures one entry per failed batch
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record BulkUpdateReport(
    long examined,
    long matched,
    long updated,
    long unchanged,
    long failed,
    int batchesCommitted,
    List<BatchFailure> failures) {

  /** Copies the failures. */
  public BulkUpdateReport {
    failures = List.copyOf(Preconditions.notNull(failures, "failures"));
  }

  /** Returns the number of failed batches. */
  public int batchesFailed() {
    return failures.size();
  }

  /**
   * One batch that was rolled back.
   *
   * @param batch the batch's number, from 0
   * @param subjects how many subjects it held
   * @param reason the failure's type and message, which never hold personal data
   * @since 0.1
   */
  @API(status = STABLE, since = "0.1")
  public record BatchFailure(int batch, int subjects, String reason) {}
}
