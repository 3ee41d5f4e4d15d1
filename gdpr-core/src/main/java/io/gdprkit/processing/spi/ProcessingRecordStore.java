package io.gdprkit.processing.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.internal.InMemoryProcessingRecordStore;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the records of processing activities: the controller's details and the activities by id, one register per
 * tenant.
 *
 * <p>Every method takes the {@link TenantId} whose register it reads or writes, because each tenant of a multi-tenant
 * host is its own controller with its own records; single-tenant hosts pass {@link TenantId#DEFAULT}.
 *
 * <p>Contract, checked by {@code ProcessingRecordStoreCompatibilityKit} in {@code gdpr-test}:
 * <ul>
 *   <li>tenants are apart: the same id in two tenants names two activities, and no read returns another tenant's
 *       controller details or activities;</li>
 *   <li>values are returned with every field unchanged;</li>
 *   <li>{@link #save} and {@link #remove} are atomic per id and return what they replaced: of two racing saves of
 *       one id, one returns the other's activity, and the store keeps the one that returned it;</li>
 *   <li>{@link #page} lists activities by id with keyset paging;</li>
 *   <li>processor activities (Art. 30(2)) follow the same rules in their own id space, apart from the activities;</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().processingRecordStore(ProcessingRecordStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProcessingRecordStore {

  /** Returns a new store that keeps the records in this JVM's memory. */
  static ProcessingRecordStore inMemory() {
    return new InMemoryProcessingRecordStore();
  }

  /** Returns the controller's details, if stored. */
  Optional<ControllerDetails> controller(TenantId tenant);

  /** Stores or replaces the controller's details. */
  void controller(TenantId tenant, ControllerDetails details);

  /**
   * Stores an activity, replacing the one with its id.
   *
   * @return the activity it replaced, if any
   */
  Optional<ProcessingActivity> save(TenantId tenant, ProcessingActivity activity);

  /**
   * Removes the activity with this id.
   *
   * @return the removed activity, or empty when none had the id
   */
  Optional<ProcessingActivity> remove(TenantId tenant, String id);

  /** Returns the activity with this id, if stored. */
  Optional<ProcessingActivity> find(TenantId tenant, String id);

  /**
   * Returns up to {@code limit} activities ordered by id, starting after {@code after}.
   *
   * @param after the id of the last activity of the previous page, or {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   */
  List<ProcessingActivity> page(TenantId tenant, @Nullable String after, int limit);

  /**
   * Stores a processor activity (Art. 30(2)), replacing the one with its id.
   *
   * @return the processor activity it replaced, if any
   */
  Optional<ProcessorActivity> saveProcessorActivity(TenantId tenant, ProcessorActivity activity);

  /**
   * Removes the processor activity with this id.
   *
   * @return the removed processor activity, or empty when none had the id
   */
  Optional<ProcessorActivity> removeProcessorActivity(TenantId tenant, String id);

  /**
   * Returns up to {@code limit} processor activities ordered by id, starting after {@code after}.
   *
   * @param after the id of the last processor activity of the previous page, or {@code null} for the first page
   * @param limit at least 1
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   */
  List<ProcessorActivity> processorPage(TenantId tenant, @Nullable String after, int limit);
}
