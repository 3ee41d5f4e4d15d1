package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.internal.Hashing;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The canonical encoding of an audit entry and its SHA-256, the entry's chain hash.
 *
 * <p>Encoding (version 2), big-endian: version byte {@code 2}; position (8 bytes); time as epoch seconds (8) and
 * nanoseconds (4); kind name; tenant; optional subject pseudonym; actor type name; optional actor id; optional
 * purpose; the number of details (4) and each key and value in key order; the previous hash (32). A string is its
 * UTF-8 length (4) and bytes; an optional string is a presence byte, then the string if present. Every field is
 * length-prefixed or fixed-size, so no two different entries encode alike (records refuse lone surrogates, which
 * UTF-8 cannot carry).
 *
 * <p>The encoding is also an entry's stored form, the log's leaf data: {@link #decode} inverts it strictly, and the
 * position (at {@value #POSITION_OFFSET}) and previous hash (the last 32 bytes) sit at fixed offsets, so a verifier
 * reads them and hashes the bytes without decoding anything.
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
  private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
      .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
  private static final AuditKind[] KINDS = AuditKind.values();
  private static final Actor.Type[] ACTOR_TYPES = Actor.Type.values();

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
    if (!encoder.holds(entry)) {
      encoder.encode(entry.position(), entry.at(), entry.record(), entry.previousHash());
    }
    return Arrays.copyOf(encoder.buffer, encoder.length);
  }

  /** Offset of the position inside an encoding: after the version byte. */
  public static final int POSITION_OFFSET = 1;
  /** The shortest possible encoding: every string one byte long, no optional field, no details. */
  public static final int MIN_LENGTH = 1 + 8 + 8 + 4 + 5 + 5 + 1 + 5 + 1 + 1 + 4 + AuditHash.BYTES;

  /**
   * Returns whether {@code bytes} could be an encoding as far as {@link #positionOf} and {@link #previousHashMatches}
   * look: the version byte and room for the fixed fields. A full check is {@link #decode}.
   */
  public static boolean framed(byte[] bytes) {
    return bytes.length >= MIN_LENGTH && bytes[0] == VERSION;
  }

  /** Returns the position written in a {@link #framed} encoding, read at its fixed offset. */
  public static long positionOf(byte[] bytes) {
    return (long) LONG.get(bytes, POSITION_OFFSET);
  }

  /** Returns whether a {@link #framed} encoding names {@code previous} as its predecessor's hash (its last 32 bytes). */
  public static boolean previousHashMatches(byte[] bytes, AuditHash previous) {
    return previous.matches(bytes, bytes.length - AuditHash.BYTES);
  }

  /** Returns the hash read from the last 32 bytes of a {@link #framed} encoding: the predecessor's hash. */
  public static AuditHash previousHashOf(byte[] bytes) {
    return AuditHash.of(bytes, bytes.length - AuditHash.BYTES);
  }

  /** Returns whether SHA-256 of the bytes is {@code hash}. */
  public static boolean hashes(byte[] bytes, AuditHash hash) {
    Encoder encoder = ENCODER.get();
    encoder.sha256.update(bytes, 0, bytes.length);
    return hash.matches(encoder.finish(), 0);
  }

  /**
   * Decodes an entry from its canonical encoding and its stored hash, so that {@code decode(canonicalBytes(e),
   * e.hash())} equals {@code e}. Strict: the bytes must be exactly one version-2 encoding that {@link #canonicalBytes}
   * could have written (known kind and actor type, well-formed UTF-8, details in strictly ascending key order, no
   * trailing bytes), and the fields must pass the records' own checks.
   *
   * @throws InvalidInputException if they are not; the message says what was wrong, never the content
   */
  public static AuditEntry decode(byte[] bytes, AuditHash hash) {
    Preconditions.notNull(bytes, "audit entry bytes");
    Preconditions.notNull(hash, "hash");
    return new Decoder(bytes, DECODED.get()).entry(hash);
  }

  /**
   * Returns the string of {@code length} UTF-8 bytes at {@code from}, or null if they are not well-formed UTF-8: the
   * same object this thread decoded from the same bytes lately, so that records decoded from an outbox batch
   * ({@link RecordBatchEncoding}) share their repeated strings, and the canonical encoder's cache by identity finds
   * them again when the drain chains the records.
   */
  static @Nullable String string(byte[] bytes, int from, int length) {
    return DECODED.get().string(bytes, from, length);
  }

  /**
   * What a thread decoded lately: strings by their bytes, and the last tenant and actor. Tenants, actors, purposes,
   * detail keys and states repeat from entry to entry, so reading a page (and the last entry on every append) shares
   * them instead of building and validating them again.
   */
  private static final class Decoded {
    private final @Nullable String[] strings = new String[CACHE];
    private final byte[][] stringBytes = new byte[CACHE][];
    private @Nullable TenantId tenant;
    private @Nullable Actor actor;

    /** Returns the string of the UTF-8 bytes, the same object as the last time, or null if they are malformed. */
    @Nullable String string(byte[] bytes, int from, int length) {
      int hash = 1;
      boolean ascii = true;
      for (int i = from; i < from + length; i++) {
        hash = 31 * hash + bytes[i];
        ascii &= bytes[i] >= 0;
      }
      // two ways a set: two strings of one record that meet in a set (a purpose and a detail value) both stay
      int set = ((hash ^ (hash >>> 16)) & (CACHE / 2 - 1)) * 2;
      for (int way = set; way < set + 2; way++) {
        byte[] cached = stringBytes[way];
        if (cached != null && Arrays.equals(cached, 0, cached.length, bytes, from, from + length)) {
          return strings[way];
        }
      }
      String value = ascii ? new String(bytes, from, length, StandardCharsets.ISO_8859_1) : utf8(bytes, from, length);
      if (value != null) {
        strings[set + 1] = strings[set];
        stringBytes[set + 1] = stringBytes[set];
        strings[set] = value;
        stringBytes[set] = Arrays.copyOfRange(bytes, from, from + length);
      }
      return value;
    }

    /** Decodes UTF-8 strictly: the JDK's fast path would replace a malformed sequence instead of refusing it. */
    private static @Nullable String utf8(byte[] bytes, int from, int length) {
      CharsetDecoder decoder = UTF8.get().reset();
      try {
        return decoder.decode(ByteBuffer.wrap(bytes, from, length)).toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }

    TenantId tenant(String value) {
      TenantId last = tenant;
      if (last == null || !last.value().equals(value)) {
        last = TenantId.of(value);
        tenant = last;
      }
      return last;
    }

    Actor actor(Actor.Type type, @Nullable String id) {
      Actor last = actor;
      if (last == null || last.type() != type || !Objects.equals(last.id(), id)) {
        last = new Actor(type, id);
        actor = last;
      }
      return last;
    }
  }

  private static final ThreadLocal<Decoded> DECODED = ThreadLocal.withInitial(Decoded::new);

  /** Reads one encoding front to back; every read checks its bounds first. */
  private static final class Decoder {

    private final byte[] bytes;
    private final Decoded decoded;
    private int at;

    Decoder(byte[] bytes, Decoded decoded) {
      this.bytes = bytes;
      this.decoded = decoded;
    }

    AuditEntry entry(AuditHash hash) {
      need(1);
      if (bytes[at++] != VERSION) {
        throw malformed("has an unknown version");
      }
      long position = readLong();
      if (position < 0) {
        throw malformed("has a negative position");
      }
      long seconds = readLong();
      int nanos = readInt();
      if (nanos < 0 || nanos > 999_999_999) {
        throw malformed("has nanoseconds out of range");
      }
      Instant time;
      try {
        time = Instant.ofEpochSecond(seconds, nanos);
      } catch (DateTimeException e) {
        throw malformed("has a time out of range");
      }
      AuditKind kind = KINDS[name(KIND_NAMES, "kind")];
      TenantId tenant = decoded.tenant(string());
      String pseudonym = optional();
      Actor.Type actorType = ACTOR_TYPES[name(ACTOR_TYPE_NAMES, "actor type")];
      String actorId = optional();
      String purpose = optional();
      int count = readInt();
      if (count < 0 || count > 64) {
        throw malformed("has a detail count out of range");
      }
      Map<String, String> details = new TreeMap<>();
      String previousKey = null;
      for (int i = 0; i < count; i++) {
        String key = string();
        if (previousKey != null && previousKey.compareTo(key) >= 0) {
          throw malformed("has details out of key order");
        }
        details.put(key, string());
        previousKey = key;
      }
      need(AuditHash.BYTES);
      AuditHash previousHash = AuditHash.of(bytes, at);
      at += AuditHash.BYTES;
      if (at != bytes.length) {
        throw malformed("has trailing bytes");
      }
      AuditRecord record = new AuditRecord(kind, tenant, pseudonym, decoded.actor(actorType, actorId), purpose, details);
      return new AuditEntry(position, time, record, previousHash, hash);
    }

    private void need(int more) {
      if (more < 0 || more > bytes.length - at) {
        throw malformed("is truncated");
      }
    }

    private long readLong() {
      need(8);
      long value = (long) LONG.get(bytes, at);
      at += 8;
      return value;
    }

    private int readInt() {
      need(4);
      int value = (int) INT.get(bytes, at);
      at += 4;
      return value;
    }

    /** Reads a length-prefixed name and returns its index among {@code names}. */
    private int name(byte[][] names, String what) {
      int length = readInt();
      need(length);
      for (int i = 0; i < names.length; i++) {
        if (Arrays.equals(names[i], 0, names[i].length, bytes, at, at + length)) {
          at += length;
          return i;
        }
      }
      throw malformed("has an unknown " + what);
    }

    private @Nullable String optional() {
      need(1);
      byte presence = bytes[at++];
      if (presence == 0) {
        return null;
      }
      if (presence != 1) {
        throw malformed("has a presence byte that is neither 0 nor 1");
      }
      return string();
    }

    private String string() {
      int length = readInt();
      need(length);
      String value = decoded.string(bytes, at, length);
      if (value == null) {
        throw malformed("has a string that is not well-formed UTF-8");
      }
      at += length;
      return value;
    }

    private static InvalidInputException malformed(String rule) {
      return InvalidInputException.of("audit entry bytes", rule);
    }
  }

  /** A reusable buffer and digest; one per thread. */
  private static final class Encoder {

    private final MessageDigest sha256 = Hashing.sha256();
    private final byte[] out = new byte[AuditHash.BYTES];
    private byte[] buffer = new byte[512];
    private int length;
    private final @Nullable String[] cachedStrings = new String[CACHE];
    private final byte[][] cachedBytes = new byte[CACHE][];

    // what the buffer holds the encoding of: an append hashes an entry, then its store encodes the same objects
    private long heldPosition = -1;
    private @Nullable Instant heldAt;
    private @Nullable AuditRecord heldRecord;
    private @Nullable AuditHash heldPrevious;

    /** Returns whether the buffer holds the encoding of exactly these field objects (records are immutable). */
    boolean holds(AuditEntry entry) {
      return entry.record() == heldRecord && entry.at() == heldAt && entry.previousHash() == heldPrevious
          && entry.position() == heldPosition;
    }

    void encode(long position, Instant at, AuditRecord record, AuditHash previousHash) {
      heldRecord = null; // until the encoding is complete
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
      heldPosition = position;
      heldAt = at;
      heldPrevious = previousHash;
      heldRecord = record;
    }

    byte[] digest() {
      sha256.update(buffer, 0, length);
      return finish();
    }

    byte[] finish() {
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
