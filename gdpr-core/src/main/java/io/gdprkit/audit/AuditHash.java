package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * A SHA-256 value of the audit trail: an entry's chain hash, a Merkle tree hash, a node of a proof.
 *
 * <p>Why a type of its own rather than a hex string: verifying a chain compares one hash per entry, and keeping the
 * 32 raw bytes avoids a hex round-trip on that hot path; the type also keeps hashes from being mixed up with other
 * text. The bytes are held as four big-endian {@code long}s inside the object, not in an array beside it, so that
 * walking a chain reaches each hash without one more pointer to follow (a cache miss per entry on a large chain). Immutable; equal when the bytes are equal; {@link #toString()} is the lower-case hex.
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
  public static final AuditHash ZERO = new AuditHash(0, 0, 0, 0);

  private static final HexFormat HEX = HexFormat.of();
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final long a;
  private final long b;
  private final long c;
  private final long d;

  private AuditHash(long a, long b, long c, long d) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /**
   * Returns the hash of 32 bytes; copied.
   *
   * @throws InvalidInputException if there are not exactly 32 bytes
   */
  public static AuditHash of(byte[] bytes) {
    Preconditions.notNull(bytes, "hash");
    Preconditions.check(bytes.length == BYTES, "hash", "must be " + BYTES + " bytes long");
    return read(bytes, 0);
  }

  /** Returns the hash of the 32 bytes of {@code bytes} from {@code offset}; copied. */
  public static AuditHash of(byte[] bytes, int offset) {
    Preconditions.notNull(bytes, "hash");
    Preconditions.check(offset >= 0 && offset <= bytes.length - BYTES, "hash", "must have 32 bytes at the offset");
    return read(bytes, offset);
  }

  private static AuditHash read(byte[] bytes, int offset) {
    return new AuditHash((long) LONG.get(bytes, offset), (long) LONG.get(bytes, offset + 8),
        (long) LONG.get(bytes, offset + 16), (long) LONG.get(bytes, offset + 24));
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
      return read(HEX.parseHex(hex), 0);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("hash", "must be 64 hex digits");
    }
  }

  /** Returns the 32 bytes; a copy. */
  public byte[] toByteArray() {
    byte[] bytes = new byte[BYTES];
    copyTo(bytes, 0);
    return bytes;
  }

  /** Copies the 32 bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    Objects.checkFromIndexSize(offset, BYTES, target.length);
    LONG.set(target, offset, a);
    LONG.set(target, offset + 8, b);
    LONG.set(target, offset + 16, c);
    LONG.set(target, offset + 24, d);
  }

  /** Returns whether the 32 bytes of {@code other} from {@code offset} are this hash, without copying them. */
  public boolean matches(byte[] other, int offset) {
    Objects.checkFromIndexSize(offset, BYTES, other.length);
    return (long) LONG.get(other, offset) == a && (long) LONG.get(other, offset + 8) == b
        && (long) LONG.get(other, offset + 16) == c && (long) LONG.get(other, offset + 24) == d;
  }

  /** Returns whether {@code other} is this hash, in time that does not depend on where they differ. */
  public boolean equalsInConstantTime(AuditHash other) {
    return ((a ^ other.a) | (b ^ other.b) | (c ^ other.c) | (d ^ other.d)) == 0;
  }

  /** Returns the 64 lower-case hex digits. */
  public String hex() {
    return HEX.formatHex(toByteArray());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditHash that && a == that.a && b == that.b && c == that.c && d == that.d;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(a) * 31 + Long.hashCode(d);
  }

  /** Returns the 64 lower-case hex digits. */
  @Override
  public String toString() {
    return hex();
  }
}
