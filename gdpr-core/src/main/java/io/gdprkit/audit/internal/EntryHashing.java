package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.internal.Hashing;
import io.gdprkit.subject.Actor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The canonical encoding of an audit entry and its SHA-256, the entry's chain hash.
 *
 * <p>Encoding (version 2), big-endian: version byte {@code 2}; position (8 bytes); time as epoch seconds (8) and
 * nanoseconds (4); kind name; tenant; optional subject pseudonym; actor type name; optional actor id; optional
 * purpose; the number of details (4) and each key and value in key order; the previous hash (32). A string is its
 * UTF-8 length (4) and bytes; an optional string is a presence byte, then the string if present. Every field is
 * length-prefixed or fixed-size, so no two different entries encode alike.
 *
 * <p>Speed: verifying a chain encodes every entry, so the encoder writes into a per-thread buffer that it reuses,
 * takes strings' UTF-8 bytes through the JDK's intrinsic fast path, keeps the bytes of strings it has just seen
 * (tenants, actors, purposes and detail keys repeat), caches the names of kinds and actor types, and compares digests
 * as bytes; no hex on the way.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EntryHashing {

  private static final byte VERSION = 2;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final byte[][] KIND_NAMES = names(AuditKind.values());
  private static final byte[][] ACTOR_TYPE_NAMES = names(Actor.Type.values());
  private static final int CACHE = 256;
  private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

  private EntryHashing() {}

  private static byte[][] names(Enum<?>[] values) {
    byte[][] names = new byte[values.length][];
    for (Enum<?> value : values) {
      names[value.ordinal()] = value.name().getBytes(StandardCharsets.UTF_8);
    }
    return names;
  }

  /** Returns the chain hash of an entry with these fields. */
  public static AuditHash hash(long position, Instant at, AuditRecord record, AuditHash previousHash) {
    Encoder encoder = ENCODER.get();
    encoder.encode(position, at, record, previousHash);
    return AuditHash.of(encoder.digest(), 0);
  }

  /** Returns whether the entry's hash is the hash of its content. */
  public static boolean verifies(AuditEntry entry) {
    Encoder encoder = ENCODER.get();
    encoder.encode(entry.position(), entry.at(), entry.record(), entry.previousHash());
    return entry.hash().matches(encoder.digest(), 0);
  }

  /** Returns the canonical encoding of the entry, the bytes its hash is taken over; a new array. */
  public static byte[] canonicalBytes(AuditEntry entry) {
    Encoder encoder = ENCODER.get();
    encoder.encode(entry.position(), entry.at(), entry.record(), entry.previousHash());
    return Arrays.copyOf(encoder.buffer, encoder.length);
  }

  /** A reusable buffer and digest; one per thread. */
  private static final class Encoder {

    private final MessageDigest sha256 = Hashing.sha256();
    private final byte[] out = new byte[AuditHash.BYTES];
    private byte[] buffer = new byte[512];
    private int length;
    private final @Nullable String[] cachedStrings = new String[CACHE];
    private final byte[][] cachedBytes = new byte[CACHE][];

    void encode(long position, Instant at, AuditRecord record, AuditHash previousHash) {
      length = 0;
      ensure(1 + 8 + 8 + 4);
      buffer[length++] = VERSION;
      putLong(position);
      putLong(at.getEpochSecond());
      putInt(at.getNano());
      bytes(KIND_NAMES[record.kind().ordinal()]);
      string(record.tenant().value());
      optional(record.subjectPseudonym());
      bytes(ACTOR_TYPE_NAMES[record.actor().type().ordinal()]);
      optional(record.actor().id());
      optional(record.purpose());
      ensure(4);
      putInt(record.details().size());
      for (Map.Entry<String, String> detail : record.details().entrySet()) {
        string(detail.getKey());
        string(detail.getValue());
      }
      ensure(AuditHash.BYTES);
      previousHash.copyTo(buffer, length);
      length += AuditHash.BYTES;
    }

    byte[] digest() {
      sha256.update(buffer, 0, length);
      try {
        sha256.digest(out, 0, AuditHash.BYTES);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 did not fit its 32 bytes", e);
      }
      return out;
    }

    private void putLong(long value) {
      LONG.set(buffer, length, value);
      length += 8;
    }

    private void putInt(int value) {
      INT.set(buffer, length, value);
      length += 4;
    }

    private void bytes(byte[] value) {
      ensure(4 + value.length);
      putInt(value.length);
      System.arraycopy(value, 0, buffer, length, value.length);
      length += value.length;
    }

    private void optional(@Nullable String value) {
      ensure(1);
      buffer[length++] = (byte) (value == null ? 0 : 1);
      if (value != null) {
        string(value);
      }
    }

    private void string(String value) {
      // Tenants, actors, purposes, detail keys and states repeat from entry to entry, mostly as the same String
      // objects: a small cache by identity hands back their bytes without encoding them again. Other strings take
      // the JDK's UTF-8 path, which checks compact Latin-1 strings with a vectorised intrinsic and copies them.
      int slot = System.identityHashCode(value) & (CACHE - 1);
      byte[] encoded;
      if (cachedStrings[slot] == value) {
        encoded = cachedBytes[slot];
      } else {
        encoded = value.getBytes(StandardCharsets.UTF_8);
        cachedStrings[slot] = value;
        cachedBytes[slot] = encoded;
      }
      bytes(encoded);
    }

    private void ensure(int more) {
      if (length + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      }
    }
  }
}
