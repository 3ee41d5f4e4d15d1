package io.gdprkit.suppression.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.TenantId;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.internal.InMemorySuppressionStore;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores suppression entries by tenant and hash. Implementations must be thread-safe.
 *
 * <p>Each tenant has a list of its own: every method names the tenant (an entry carries it), and nothing a method
 * does for one tenant is seen by another. One hash may be listed in several tenants at once.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().suppressionStore(SuppressionStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SuppressionStore {

  /** Returns a new store that keeps entries in this JVM's memory. */
  static SuppressionStore inMemory() {
    return new InMemorySuppressionStore();
  }

  /**
   * Adds an entry unless its tenant has one with the same hash, in the unit of work running.
   *
   * <p>Returns {@code entry} itself when this call added it, and the entry already stored otherwise (a database
   * maps it to an insert that ignores a conflict on (tenant, hash), then a read): the kit publishes, and so audits,
   * an entry only when this call added it, so of two instances racing to add one contact point exactly one does.
   *
   * @return {@code entry} if added, else the stored entry with the same hash
   */
  SuppressionEntry add(SuppressionEntry entry);

  /** Returns the tenant's entry with this hash, if any. */
  Optional<SuppressionEntry> find(TenantId tenant, String hash);

  /** Removes the tenant's entry with this hash; returns whether there was one. */
  boolean remove(TenantId tenant, String hash);

  /** Returns up to {@code limit} of the tenant's entries ordered by hash, after {@code afterHash}. */
  List<SuppressionEntry> entries(TenantId tenant, @Nullable String afterHash, int limit);

  /**
   * Replaces the tenant's entry with hash {@code oldHash} by {@code replacement} (the same contact point re-hashed under a new
   * pseudonym key version) in one step; when {@code oldHash} is gone, because another instance re-hashed or released
   * it, changes nothing.
   *
   * @return whether {@code oldHash} was there and was replaced
   */
  boolean replace(TenantId tenant, String oldHash, SuppressionEntry replacement);
}
