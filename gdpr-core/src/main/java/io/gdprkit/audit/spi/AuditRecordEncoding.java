package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The bytes of an audit record waiting in an {@link AuditOutbox} on a database: the record's part of the chain's
 * canonical encoding, so an outbox row holds exactly what its chain entry will hash, and no second format can drift.
 *
 * <p>Usage example: <pre>{@code AuditRecord back = AuditRecordEncoding.decode(AuditRecordEncoding.encode(record));}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class AuditRecordEncoding {

  private AuditRecordEncoding() {}

  /** Returns the record's bytes. */
  public static byte[] encode(AuditRecord record) {
    Preconditions.notNull(record, "record");
    return EntryHashing.canonicalBytes(new AuditEntry(0, Instant.EPOCH, record, AuditHash.ZERO, AuditHash.ZERO));
  }

  /**
   * Returns the record these bytes encode.
   *
   * @throws io.gdprkit.InvalidInputException if they are not bytes {@link #encode} wrote
   */
  public static AuditRecord decode(byte[] bytes) {
    return EntryHashing.decode(bytes, AuditHash.ZERO).record();
  }
}
