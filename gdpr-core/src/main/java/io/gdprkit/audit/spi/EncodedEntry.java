package io.gdprkit.audit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.internal.Preconditions;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An audit entry as a store keeps it: its canonical encoding, the exact bytes its hash is taken over (the log's leaf
 * data, as in Certificate Transparency), and its stored hash.
 *
 * <p>Why: verifying a chain hashes every entry, and hashing bytes that are already there is as fast as SHA-256 goes,
 * while encoding each entry again from its objects is bound by memory. A store that keeps these bytes hands them to
 * {@link AuditStore#encodedEntries} as they are, and decodes entries from them, so what a reader sees is what was
 * hashed. The array is shared, not copied, for that speed: neither a store nor a caller may change it after
 * construction.
 *
 * <p>Usage example: <pre>{@code EncodedEntry stored = EncodedEntry.of(entry); AuditEntry back = stored.toEntry();}</pre>
 *
 * @param bytes the canonical encoding of the entry's position, time, record and previous hash; not copied
 * @param hash the entry's stored hash, which a verifier compares with SHA-256 of {@code bytes}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EncodedEntry(byte[] bytes, AuditHash hash) {

  /** Checks that both are present; the bytes are checked when they are decoded or verified. */
  public EncodedEntry {
    Preconditions.notNull(bytes, "bytes");
    Preconditions.notNull(hash, "hash");
  }

  /** Returns the entry's canonical encoding and its hash. */
  public static EncodedEntry of(AuditEntry entry) {
    Preconditions.notNull(entry, "entry");
    return new EncodedEntry(EntryHashing.canonicalBytes(entry), entry.hash());
  }

  /**
   * Returns the entry these bytes encode, carrying the stored hash; a new object each time.
   *
   * @throws io.gdprkit.InvalidInputException if the bytes are not exactly one canonical encoding of an entry
   */
  public AuditEntry toEntry() {
    return EntryHashing.decode(bytes, hash);
  }

  /** Equal when the bytes and the hash are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedEntry that && Arrays.equals(bytes, that.bytes) && hash.equals(that.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + hash.hashCode();
  }

  /** Returns the length and the hash; never the content. */
  @Override
  public String toString() {
    return "EncodedEntry[" + bytes.length + " bytes, hash=" + hash + "]";
  }
}
