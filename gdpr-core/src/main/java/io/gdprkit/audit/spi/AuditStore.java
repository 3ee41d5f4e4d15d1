package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.internal.InMemoryAuditStore;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Stores audit chains. Implementations must be thread-safe; an append must fail if another entry already holds
 * its position, so that two writers can never fork a chain.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().auditStore(AuditStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AuditStore {

  /** Returns a new store that keeps chains in this JVM's memory. */
  static AuditStore inMemory() {
    return new InMemoryAuditStore();
  }

  /**
   * Appends an entry at its position.
   *
   * @return false if the position is taken or is not the next one; nothing is written then
   */
  boolean append(TenantId tenant, AuditEntry entry);

  /** Returns the last entry of the tenant's chain, if any. */
  Optional<AuditEntry> last(TenantId tenant);

  /** Returns up to {@code limit} entries from position {@code from}, in order. */
  List<AuditEntry> entries(TenantId tenant, long from, int limit);

  /** Returns the number of entries in the tenant's chain. */
  long size(TenantId tenant);
}
