package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Tells the features that write about a subject (consents, switches, sources, disclosures) whether its erasure is under way or
 * done; the erasure feature implements it over its store, so this shared package depends on no feature.
 *
 * <p>A writer checks before writing and again after: a write that an erasure started between the two would
 * otherwise land after the erasure cleared the ledger. The second check undoes the write when it is refused, which
 * loses nothing, as the subject's data is being erased anyway. Both checks read the shared store, so they hold across
 * instances.
 *
 * <p>Usage example: <pre>{@code gate.checkWritable(subject); store.append(event); gate.confirmWritten(subject, () -> store.erase(subject));}</pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface ErasureGate {

  /** The gate of a feature used without erasure: every write is allowed. */
  ErasureGate OPEN = subject -> {};

  /**
   * Refuses a write about a subject whose erasure is under way or done.
   *
   * @throws GdprException the erasure feature's typed error, when refused
   */
  void checkWritable(SubjectId subject);

  /** Returns whether a write about the subject would be refused now, without throwing. */
  default boolean refuses(SubjectId subject) {
    try {
      checkWritable(subject);
      return false;
    } catch (GdprException refused) {
      return true;
    }
  }

  /**
   * Checks again after a write landed; when refused now, runs {@code undo}, then throws.
   *
   * @throws GdprException the erasure feature's typed error, when refused
   */
  default void confirmWritten(SubjectId subject, Runnable undo) {
    try {
      checkWritable(subject);
    } catch (GdprException refused) {
      undo.run();
      throw refused;
    }
  }
}
