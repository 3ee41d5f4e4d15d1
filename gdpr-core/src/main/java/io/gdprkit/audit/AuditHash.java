package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * A SHA-256 value of the audit trail: an entry's chain hash, a Merkle tree hash, a node of a proof.
 *
 * <p>Why a type of its own rather than a hex string: verifying a chain compares one hash per entry, and keeping the
 * 32 raw bytes avoids a hex round-trip on that hot path; the type also keeps hashes from being mixed up with other
 * text. Immutable; equal when the bytes are equal; {@link #toString()} is the lower-case hex.
 *
 * <p>Usage example: <pre>{@code AuditHash root = AuditHash.ofHex(publishedRootHex); checkpoint.root().equals(root);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditHash {

  /** Bytes in a hash. */
  public static final int BYTES = 32;
  /** 32 zero bytes: the previous hash of a chain's first entry. */
  public static final AuditHash ZERO = new AuditHash(new byte[BYTES]);

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private AuditHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns the hash of 32 bytes; copied.
   *
   * @throws InvalidInputException if there are not exactly 32 bytes
   */
  public static AuditHash of(byte[] bytes) {
    Preconditions.notNull(bytes, "hash");
    Preconditions.check(bytes.length == BYTES, "hash", "must be " + BYTES + " bytes long");
    return new AuditHash(bytes.clone());
  }

  /** Returns the hash of the 32 bytes of {@code bytes} from {@code offset}; copied. */
  public static AuditHash of(byte[] bytes, int offset) {
    Preconditions.notNull(bytes, "hash");
    Preconditions.check(offset >= 0 && offset <= bytes.length - BYTES, "hash", "must have 32 bytes at the offset");
    return new AuditHash(Arrays.copyOfRange(bytes, offset, offset + BYTES));
  }

  /**
   * Returns the hash written as 64 hex digits.
   *
   * @throws InvalidInputException if the text is not 64 hex digits
   */
  public static AuditHash ofHex(String hex) {
    Preconditions.notNull(hex, "hash");
    Preconditions.check(hex.length() == 2 * BYTES, "hash", "must be 64 hex digits");
    try {
      return new AuditHash(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("hash", "must be 64 hex digits");
    }
  }

  /** Returns the 32 bytes; a copy. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Copies the 32 bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, BYTES);
  }

  /** Returns whether the 32 bytes of {@code other} from {@code offset} are this hash, without copying them. */
  public boolean matches(byte[] other, int offset) {
    return Arrays.equals(bytes, 0, BYTES, other, offset, offset + BYTES);
  }

  /** Returns whether {@code other} is this hash, in time that does not depend on where they differ. */
  public boolean equalsInConstantTime(AuditHash other) {
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Returns the 64 lower-case hex digits. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditHash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns the 64 lower-case hex digits. */
  @Override
  public String toString() {
    return hex();
  }
}
