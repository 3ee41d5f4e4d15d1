package io.gdprkit.spring.schedule;

/** One batch of a periodic job: claims up to {@code batchSize} items in the database, processes them, commits. */
@FunctionalInterface
interface BatchWork {

  /** Runs one batch and says how many items it processed and whether more wait. */
  Batch run(int batchSize);

  /** What one batch did. */
  record Batch(long processed, long failed, boolean more) {}
}
