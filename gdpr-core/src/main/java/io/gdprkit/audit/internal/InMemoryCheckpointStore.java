package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.ChainHead;
import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.transaction.LocalTransactions;
import io.gdprkit.audit.spi.CheckpointStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;

/**
 * One sorted map per tenant, keyed by tree size; {@code putIfAbsent} keeps the first of two racing writers.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryCheckpointStore implements CheckpointStore, InMemoryStore {

  private final Map<TenantId, ConcurrentNavigableMap<Long, Checkpoint>> checkpoints = new ConcurrentHashMap<>();
  private final Map<TenantId, ChainHead> heads = new ConcurrentHashMap<>();

  private ConcurrentNavigableMap<Long, Checkpoint> of(TenantId tenant) {
    return checkpoints.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), t -> new ConcurrentSkipListMap<>());
  }

  @Override
  public boolean add(Checkpoint checkpoint) {
    Preconditions.notNull(checkpoint, "checkpoint");
    return of(checkpoint.tenant()).putIfAbsent(checkpoint.treeSize(), checkpoint) == null;
  }

  @Override
  public Optional<Checkpoint> latest(TenantId tenant) {
    Map.Entry<Long, Checkpoint> last = of(tenant).lastEntry();
    return last == null ? Optional.empty() : Optional.of(last.getValue());
  }

  @Override
  public Optional<Checkpoint> atOrBefore(TenantId tenant, long treeSize) {
    Map.Entry<Long, Checkpoint> floor = of(tenant).floorEntry(treeSize);
    return floor == null ? Optional.empty() : Optional.of(floor.getValue());
  }

  @Override
  public List<Checkpoint> after(TenantId tenant, long afterSize, int limit) {
    Preconditions.positive(limit, "limit");
    List<Checkpoint> page = new ArrayList<>(Math.min(limit, 64));
    for (Checkpoint checkpoint : of(tenant).tailMap(afterSize, false).values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(checkpoint);
    }
    return List.copyOf(page);
  }

  @Override
  public boolean putHead(ChainHead head) {
    Preconditions.notNull(head, "head");
    ChainHead[] replaced = {null};
    boolean[] stored = {false};
    heads.compute(head.tenant(), (tenant, current) -> {
      if (current != null && current.size() >= head.size()) {
        return current;
      }
      replaced[0] = current;
      stored[0] = true;
      return head;
    });
    if (stored[0]) {
      ChainHead previous = replaced[0];
      LocalTransactions.onRollback(() -> heads.compute(head.tenant(), (tenant, current) ->
          current == head ? previous : current));
    }
    return stored[0];
  }

  @Override
  public Optional<ChainHead> head(TenantId tenant) {
    return Optional.ofNullable(heads.get(Preconditions.notNull(tenant, "tenant")));
  }
}
