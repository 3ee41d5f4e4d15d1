package io.gdprkit.gpc.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.gpc.internal.InMemoryGpcStore;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Stores each subject's Global Privacy Control signal records. Implementations must be thread-safe and join the
 * caller's unit of work: a record written in a unit that rolls back is gone.
 *
 * <p>Contract:
 * <ul>
 *   <li>records are append-only; a record's {@code sequence} must be one more than the subject's last one (1 for the
 *       first), else {@link ConsentConflictException} and nothing is written, so that of two instances that read the
 *       same history only one records;</li>
 *   <li>the same subject id in two tenants is two subjects;</li>
 *   <li>erasing a subject removes all its records; a new record then starts again at 1.</li>
 * </ul>
 *
 * <p>Every implementation should pass {@code GpcStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().gpcStore(GpcStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface GpcStore {

  /** Returns a new store that keeps records in this JVM's memory. */
  static GpcStore inMemory() {
    return new InMemoryGpcStore();
  }

  /**
   * Appends a record.
   *
   * @throws ConsentConflictException if its sequence is not the subject's next one; nothing is written
   */
  void append(GpcSignalRecord record);

  /** Returns the subject's records in sequence order; empty if it has none. */
  List<GpcSignalRecord> history(SubjectId subject);

  /**
   * Removes every record of the subject; used by erasure (Art. 17).
   *
   * @return how many records were removed
   */
  int erase(SubjectId subject);
}
