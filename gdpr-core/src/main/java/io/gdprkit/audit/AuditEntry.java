package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One entry of a tenant's audit chain: the record, its position, its time, the hash of its predecessor and
 * its own hash.
 *
 * <p>{@code hash} is SHA-256 over a canonical encoding of the position, time, record and {@code previousHash},
 * so changing, removing, inserting or reordering any entry breaks the chain from there on.
 *
 * @param position the entry's position in its tenant's chain, from 0
 * @param at when it was appended, from the kit's clock
 * @param record what it records
 * @param previousHash the hash of the entry before, or 32 zero bytes for the first; lower-case hex
 * @param hash this entry's hash; lower-case hex
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuditEntry(long position, Instant at, AuditRecord record, String previousHash, String hash) {

  /** The previous hash of a chain's first entry: 32 zero bytes. */
  public static final String GENESIS = "0".repeat(64);

  /** Validates the fields. */
  public AuditEntry {
    Preconditions.check(position >= 0, "position", "must not be negative");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(record, "record");
    Preconditions.check(previousHash != null && previousHash.length() == 64, "previous hash", "must be 64 hex digits");
    Preconditions.check(hash != null && hash.length() == 64, "hash", "must be 64 hex digits");
  }
}
