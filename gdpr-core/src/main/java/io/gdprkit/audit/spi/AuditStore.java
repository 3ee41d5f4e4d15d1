package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.internal.InMemoryAuditStore;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
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

  /**
   * Appends entries at consecutive positions, the first at the next free one, for group commit: one round trip
   * (one transaction, one lock) for a batch of appends that queued up behind each other.
   *
   * <p>The default appends one by one and stops at the first refusal; a store that can write a batch at once
   * should override it.
   *
   * @param entries entries at consecutive positions
   * @return how many of the leading entries were stored, in order; the others were not written, because another
   *     writer took their positions
   */
  default int appendAll(TenantId tenant, List<AuditEntry> entries) {
    int stored = 0;
    for (AuditEntry entry : entries) {
      if (!append(tenant, entry)) {
        break;
      }
      stored++;
    }
    return stored;
  }

  /** Returns the last entry of the tenant's chain, if any. */
  Optional<AuditEntry> last(TenantId tenant);

  /** Returns up to {@code limit} entries from position {@code from}, in order. */
  List<AuditEntry> entries(TenantId tenant, long from, int limit);

  /**
   * Returns up to {@code limit} entries from position {@code from}, in order, as their canonical encodings with
   * their stored hashes: what a verifier hashes. {@code verify} reads the chain through this method.
   *
   * <p>The default encodes what {@link #entries} returns. A store that keeps the encodings (as the in-memory one
   * does) should override it to return them as stored, without decoding: that is what lets verification run at the
   * speed of SHA-256 over the bytes.
   */
  default List<EncodedEntry> encodedEntries(TenantId tenant, long from, int limit) {
    List<AuditEntry> entries = entries(tenant, from, limit);
    List<EncodedEntry> encoded = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      encoded.add(EncodedEntry.of(entry));
    }
    return encoded;
  }

  /** Returns the number of entries in the tenant's chain. */
  long size(TenantId tenant);
}
