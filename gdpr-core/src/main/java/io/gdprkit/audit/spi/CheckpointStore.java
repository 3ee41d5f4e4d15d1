package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.ChainHead;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.internal.InMemoryCheckpointStore;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Stores the signed checkpoints of audit chains, at most one per tenant and tree size. Implementations must be
 * thread-safe; when two writers add a checkpoint of the same size, exactly one is kept.
 *
 * <p>Why a store of its own: checkpoints are few (one per thousand entries by default), read by size rather than
 * by position, and worth keeping apart from the entries they vouch for, such as in another database or an
 * append-only bucket that the writers of the chain cannot change.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().checkpointStore(CheckpointStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CheckpointStore {

  /** Returns a new store that keeps checkpoints in this JVM's memory. */
  static CheckpointStore inMemory() {
    return new InMemoryCheckpointStore();
  }

  /**
   * Adds a checkpoint.
   *
   * @return false if the tenant already has a checkpoint of that tree size; nothing is written then
   */
  boolean add(Checkpoint checkpoint);

  /** Returns the tenant's checkpoint of the largest tree size, if any. */
  Optional<Checkpoint> latest(TenantId tenant);

  /** Returns the tenant's checkpoint of the largest tree size that is at most {@code treeSize}, if any. */
  Optional<Checkpoint> atOrBefore(TenantId tenant, long treeSize);

  /** Returns up to {@code limit} of the tenant's checkpoints with a tree size above {@code afterSize}, by size. */
  List<Checkpoint> after(TenantId tenant, long afterSize, int limit);

  /**
   * Stores the signed head of a tenant's chain if it covers more entries than the one stored, in the unit of work
   * running: a compare-and-set on the size, so a slower drainer never moves the head back.
   *
   * @return whether the head was stored
   */
  boolean putHead(ChainHead head);

  /** Returns the signed head of the tenant's chain, if one was stored. */
  Optional<ChainHead> head(TenantId tenant);
}
