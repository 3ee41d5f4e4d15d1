package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
   * Returns the subject's last erasure of everything, from its tombstone: when it was erased and, if someone allowed
   * a new collection since, when. Empty when the subject was never erased in full, or for a feature used without
   * erasure. Read by decisions about the past, which must know that the ledger before that time is gone.
   */
  default Optional<Erased> erasure(SubjectId subject) {
    return Optional.empty();
  }

  /**
   * When a subject was erased in full, and when a new collection of its data was allowed since, if it was.
   *
   * @param at when the erasure wrote the tombstone
   * @param recollectionAllowedAt when a new collection was allowed, or {@code null} while the tombstone stands
   * @since 0.2
   */
  record Erased(Instant at, @Nullable Instant recollectionAllowedAt) {

    /** Validates the fields. */
    public Erased {
      Preconditions.notNull(at, "at");
    }

    /**
     * Returns whether the ledger kept since the erasure answers for {@code instant}: only from the moment a new
     * collection was allowed, since the erasure removed everything recorded before it and nothing could be recorded
     * in between.
     */
    public boolean ledgerCovers(Instant instant) {
      return recollectionAllowedAt != null && !instant.isBefore(recollectionAllowedAt);
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
