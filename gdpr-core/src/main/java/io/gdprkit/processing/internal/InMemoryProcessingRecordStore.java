package io.gdprkit.processing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.processing.ControllerDetails;
import io.gdprkit.processing.ProcessingActivity;
import io.gdprkit.processing.ProcessorActivity;
import io.gdprkit.processing.spi.ProcessingRecordStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The records of processing in memory: activities in a sorted concurrent map, whose per-key atomic operations make
 * a save or removal and the value it returns one step.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryProcessingRecordStore implements ProcessingRecordStore {

  private final AtomicReference<@Nullable ControllerDetails> controller = new AtomicReference<>();
  private final ConcurrentNavigableMap<String, ProcessingActivity> activities = new ConcurrentSkipListMap<>();
  private final ConcurrentNavigableMap<String, ProcessorActivity> processorActivities = new ConcurrentSkipListMap<>();

  @Override
  public Optional<ControllerDetails> controller() {
    return Optional.ofNullable(controller.get());
  }

  @Override
  public void controller(ControllerDetails details) {
    controller.set(Preconditions.notNull(details, "details"));
  }

  @Override
  public Optional<ProcessingActivity> save(ProcessingActivity activity) {
    Preconditions.notNull(activity, "activity");
    return Optional.ofNullable(activities.put(activity.id(), activity));
  }

  @Override
  public Optional<ProcessingActivity> remove(String id) {
    return Optional.ofNullable(activities.remove(Preconditions.notNull(id, "id")));
  }

  @Override
  public Optional<ProcessingActivity> find(String id) {
    return Optional.ofNullable(activities.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public List<ProcessingActivity> page(@Nullable String after, int limit) {
    return page(activities, after, limit);
  }

  @Override
  public Optional<ProcessorActivity> saveProcessorActivity(ProcessorActivity activity) {
    Preconditions.notNull(activity, "activity");
    return Optional.ofNullable(processorActivities.put(activity.id(), activity));
  }

  @Override
  public Optional<ProcessorActivity> removeProcessorActivity(String id) {
    return Optional.ofNullable(processorActivities.remove(Preconditions.notNull(id, "id")));
  }

  @Override
  public List<ProcessorActivity> processorPage(@Nullable String after, int limit) {
    return page(processorActivities, after, limit);
  }

  private static <T> List<T> page(ConcurrentNavigableMap<String, T> map, @Nullable String after, int limit) {
    Preconditions.positive(limit, "limit");
    return (after == null ? map : map.tailMap(after, false)).values().stream().limit(limit).toList();
  }
}
