package io.gdprkit.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.erasure.spi.ErasureStore;
import io.gdprkit.internal.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NavigableSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Jobs, reports and tombstones in memory.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryErasureStore implements ErasureStore, InMemoryStore {

  private final Map<UUID, ErasureJob> jobs = new ConcurrentHashMap<>();
  private final Set<UUID> claimed = ConcurrentHashMap.newKeySet();
  private final List<ErasureReport> reports = new ArrayList<>();
  private final NavigableSet<String> tombstones = new ConcurrentSkipListSet<>();

  @Override
  public void save(ErasureJob job) {
    jobs.put(Preconditions.notNull(job, "job").id(), job);
  }

  @Override
  public Optional<ErasureJob> find(UUID id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public List<ErasureJob> pending() {
    return jobs.values().stream().sorted(Comparator.comparing(ErasureJob::createdAt).thenComparing(ErasureJob::id))
        .toList();
  }

  @Override
  public boolean claim(UUID id) {
    return jobs.containsKey(id) && claimed.add(id);
  }

  @Override
  public void release(UUID id) {
    claimed.remove(id);
  }

  @Override
  public synchronized void complete(UUID id, ErasureReport report) {
    jobs.remove(id);
    claimed.remove(id);
    reports.add(report);
  }

  @Override
  public synchronized List<ErasureReport> reports() {
    return List.copyOf(reports);
  }

  @Override
  public void addTombstone(String subjectPseudonym) {
    tombstones.add(Preconditions.notBlank(subjectPseudonym, "subjectPseudonym"));
  }

  @Override
  public boolean hasTombstone(String subjectPseudonym) {
    return tombstones.contains(subjectPseudonym);
  }

  @Override
  public List<String> tombstones(@Nullable String after, int limit) {
    Preconditions.positive(limit, "limit");
    return (after == null ? tombstones : tombstones.tailSet(after, false)).stream().limit(limit).toList();
  }

  @Override
  public boolean replaceTombstone(String oldPseudonym, String newPseudonym) {
    Preconditions.notBlank(newPseudonym, "newPseudonym");
    synchronized (tombstones) {
      if (!tombstones.remove(Preconditions.notBlank(oldPseudonym, "oldPseudonym"))) {
        return false;
      }
      tombstones.add(newPseudonym);
      return true;
    }
  }
}
