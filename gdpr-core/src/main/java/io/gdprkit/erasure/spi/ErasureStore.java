package io.gdprkit.erasure.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.internal.InMemoryErasureStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores pending erasure jobs, the reports kept as proof, and the tombstone journal. Thread-safe.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().erasureStore(ErasureStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ErasureStore {

  /** Returns a new store that keeps everything in this JVM's memory. */
  static ErasureStore inMemory() {
    return new InMemoryErasureStore();
  }

  /** Saves a job, new or changed. */
  void save(ErasureJob job);

  /** Returns the job with this id, if pending. */
  Optional<ErasureJob> find(UUID id);

  /** Returns every pending job, oldest first. */
  List<ErasureJob> pending();

  /**
   * Claims a job for this process; a claimed job is not claimed again until released or completed.
   *
   * @return whether the claim succeeded
   */
  boolean claim(UUID id);

  /** Releases a claim after a failed run. */
  void release(UUID id);

  /** Removes a finished job and keeps its report as proof; as one step. */
  void complete(UUID id, ErasureReport report);

  /** Returns the kept reports, oldest first. */
  List<ErasureReport> reports();

  /** Adds a tombstone: the keyed hash of an erased subject's id. */
  void addTombstone(String subjectPseudonym);

  /** Returns whether a tombstone with this hash exists. */
  boolean hasTombstone(String subjectPseudonym);

  /**
   * Returns up to {@code limit} tombstones in ascending order of their text, after {@code after}; used by the
   * pseudonym re-keying job, which reads the tombstones of one key version from {@code "version:"} on.
   *
   * @param after the last tombstone of the previous page, or {@code null} for the first
   */
  List<String> tombstones(@Nullable String after, int limit);

  /**
   * Replaces a tombstone by its re-keyed form in one step; when {@code oldPseudonym} is gone, because another
   * instance re-hashed it, changes nothing.
   *
   * @return whether {@code oldPseudonym} was there and was replaced
   */
  boolean replaceTombstone(String oldPseudonym, String newPseudonym);
}
