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
 * @param previousHash the hash of the entry before, or {@link #GENESIS} for the first
 * @param hash this entry's hash, its chain hash: it commits to this entry and, through {@code previousHash}, to
 *     every entry before it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuditEntry(long position, Instant at, AuditRecord record, AuditHash previousHash, AuditHash hash) {

  /** The previous hash of a chain's first entry: 32 zero bytes. */
  public static final AuditHash GENESIS = AuditHash.ZERO;

  /** Validates the fields. */
  public AuditEntry {
    Preconditions.check(position >= 0, "position", "must not be negative");
    Preconditions.notNull(at, "at");
    Preconditions.notNull(record, "record");
    Preconditions.notNull(previousHash, "previous hash");
    Preconditions.notNull(hash, "hash");
  }
}
