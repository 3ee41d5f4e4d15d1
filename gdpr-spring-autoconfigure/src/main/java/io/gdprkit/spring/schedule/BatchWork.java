package io.gdprkit.spring.schedule;

import org.jspecify.annotations.Nullable;

/** One batch of a periodic job: claims up to {@code batchSize} items in the database, processes them, commits. */
@FunctionalInterface
interface BatchWork {

  /** Runs one batch and says how many items it processed and whether more wait. */
  Batch run(int batchSize);

  /**
   * What one batch did.
   *
   * @param unreachable what the batch could not reach (such as {@code RabbitMQ at host:port}), so its items wait;
   *     {@code null} when nothing was out of reach
   * @param failureType the type of the exception that said so, or {@code null}
   */
  record Batch(long processed, long failed, boolean more, @Nullable String unreachable, @Nullable String failureType) {

    Batch(long processed, long failed, boolean more) {
      this(processed, failed, more, null, null);
    }
  }

  /** Returns whether nothing waits for this work; asked to tell an outage's end when a run relayed nothing. */
  default boolean idle() {
    return false;
  }
}
