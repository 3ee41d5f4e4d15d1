package io.gdprkit.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The records of processing in memory: one register per tenant, its activities in a sorted concurrent map, whose
 * per-key atomic operations make a save or removal and the value it returns one step.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryProcessingRecordStore implements ProcessingRecordStore, InMemoryStore {

  /** One tenant's records. */
  private static final class Register {
    final AtomicReference<@Nullable ControllerDetails> controller = new AtomicReference<>();
    final ConcurrentNavigableMap<String, ProcessingActivity> activities = new ConcurrentSkipListMap<>();
    final ConcurrentNavigableMap<String, ProcessorActivity> processorActivities = new ConcurrentSkipListMap<>();
  }

  private static final Register EMPTY = new Register();

  private final ConcurrentMap<TenantId, Register> registers = new ConcurrentHashMap<>();

  @Override
  public Optional<ControllerDetails> controller(TenantId tenant) {
    return Optional.ofNullable(read(tenant).controller.get());
  }

  @Override
  public void controller(TenantId tenant, ControllerDetails details) {
    Preconditions.notNull(details, "details");
    write(tenant).controller.set(details);
  }

  @Override
  public Optional<ProcessingActivity> save(TenantId tenant, ProcessingActivity activity) {
    Preconditions.notNull(activity, "activity");
    return Optional.ofNullable(write(tenant).activities.put(activity.id(), activity));
  }

  @Override
  public Optional<ProcessingActivity> remove(TenantId tenant, String id) {
    Preconditions.notNull(id, "id");
    return Optional.ofNullable(read(tenant).activities.remove(id));
  }

  @Override
  public Optional<ProcessingActivity> find(TenantId tenant, String id) {
    Preconditions.notNull(id, "id");
    return Optional.ofNullable(read(tenant).activities.get(id));
  }

  @Override
  public List<ProcessingActivity> page(TenantId tenant, @Nullable String after, int limit) {
    return page(read(tenant).activities, after, limit);
  }

  @Override
  public Optional<ProcessorActivity> saveProcessorActivity(TenantId tenant, ProcessorActivity activity) {
    Preconditions.notNull(activity, "activity");
    return Optional.ofNullable(write(tenant).processorActivities.put(activity.id(), activity));
  }

  @Override
  public Optional<ProcessorActivity> removeProcessorActivity(TenantId tenant, String id) {
    Preconditions.notNull(id, "id");
    return Optional.ofNullable(read(tenant).processorActivities.remove(id));
  }

  @Override
  public List<ProcessorActivity> processorPage(TenantId tenant, @Nullable String after, int limit) {
    return page(read(tenant).processorActivities, after, limit);
  }

  /** Returns the tenant's register, or an empty one that is never written when the tenant has none. */
  private Register read(TenantId tenant) {
    return registers.getOrDefault(Preconditions.notNull(tenant, "tenant"), EMPTY);
  }

  private Register write(TenantId tenant) {
    return registers.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), t -> new Register());
  }

  private static <T> List<T> page(ConcurrentNavigableMap<String, T> map, @Nullable String after, int limit) {
    Preconditions.positive(limit, "limit");
    return (after == null ? map : map.tailMap(after, false)).values().stream().limit(limit).toList();
  }
}
