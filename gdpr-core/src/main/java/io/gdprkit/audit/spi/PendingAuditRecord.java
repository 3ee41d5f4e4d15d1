package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.internal.RecordBatchEncoding;
import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An audit record waiting in the {@link AuditOutbox}, with the sequence number that orders it.
 *
 * @param sequence the outbox's order of adding
 * @param record the record
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PendingAuditRecord(long sequence, AuditRecord record) {

  /** Validates the fields. */
  public PendingAuditRecord {
    Preconditions.check(sequence >= 0, "sequence", "must not be negative");
    Preconditions.notNull(record, "record");
  }

  /**
   * Returns the bytes an outbox on a database stores for {@code record}: the record's part of the chain's canonical
   * encoding, so an outbox row holds exactly what its chain entry will hash and no second format can drift.
   *
   * <p>Usage example: <pre>{@code AuditRecord back = PendingAuditRecord.decode(PendingAuditRecord.encode(record));}</pre>
   *
   * @since 0.2
   */
  public static byte[] encode(AuditRecord record) {
    Preconditions.notNull(record, "record");
    return EntryHashing.canonicalBytes(new AuditEntry(0, Instant.EPOCH, record, AuditHash.ZERO, AuditHash.ZERO));
  }

  /**
   * Returns the record that {@link #encode} turned into these bytes.
   *
   * @throws io.gdprkit.InvalidInputException if they are not such bytes
   * @since 0.2
   */
  public static AuditRecord decode(byte[] bytes) {
    return EntryHashing.decode(bytes, AuditHash.ZERO).record();
  }

  /**
   * Returns the bytes an outbox on a database stores for records added together, such as one transaction's: each
   * tenant, actor, kind, purpose, detail and pseudonym written once and referred to after, so a batch costs a few
   * bytes per record beyond its pseudonym, where {@link #encode} costs a hundred.
   *
   * <p>Usage example: <pre>{@code List<AuditRecord> back = PendingAuditRecord.decodeAll(PendingAuditRecord.encodeAll(records));}</pre>
   *
   * @since 0.2
   */
  public static byte[] encodeAll(List<AuditRecord> records) {
    return RecordBatchEncoding.encode(records);
  }

  /**
   * Returns the records that {@link #encodeAll} turned into these bytes, in order; bytes that {@link #encode} wrote
   * give their one record, so an outbox may hold rows of both.
   *
   * @throws io.gdprkit.InvalidInputException if they are neither
   * @since 0.2
   */
  public static List<AuditRecord> decodeAll(byte[] bytes) {
    Preconditions.notNull(bytes, "bytes");
    return RecordBatchEncoding.isBatch(bytes) ? RecordBatchEncoding.decode(bytes) : List.of(decode(bytes));
  }
}
