package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A compact encoding of many audit records at once, for an outbox that stores a transaction's records as one row.
 *
 * <p>Why not the chain's canonical encoding per record: that one carries a position, a time and a previous hash the
 * outbox has no use for, and repeats tenant, actor, kind, purpose and detail keys in every record, though a
 * transaction's records share nearly all of them. Here every string is written once and referred to afterwards.
 *
 * <p>Format: the magic byte {@code 'B'}, the format version {@code 1}, the number of records (varint), then per record
 * its kind, tenant, subject pseudonym, actor type, actor id, purpose, the number of details (varint) and each key and
 * value. Each of those strings is a reference (varint): {@code 0} for absent, {@code n} for the {@code n}-th string
 * seen so far, or one more than the strings seen so far followed by a new string (UTF-8 length as varint, bytes).
 * Kinds and actor types are written by name, so reordering an enum cannot change what stored bytes mean.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class RecordBatchEncoding {

  /** The first byte of every batch; the chain's canonical encoding starts with its version, 2, never with this. */
  public static final byte MAGIC = 'B';
  private static final byte VERSION = 1;

  private RecordBatchEncoding() {}

  /** Returns whether {@code bytes} start like a batch of this encoding. */
  public static boolean isBatch(byte[] bytes) {
    return bytes.length >= 2 && bytes[0] == MAGIC;
  }

  /** Encodes the records, in order. */
  public static byte[] encode(List<AuditRecord> records) {
    Preconditions.notNull(records, "records");
    Writer writer = new Writer(64 + records.size() * 64);
    writer.out[writer.length++] = MAGIC;
    writer.out[writer.length++] = VERSION;
    writer.varint(records.size());
    for (AuditRecord record : records) {
      Preconditions.notNull(record, "record");
      writer.string(record.kind().name());
      writer.string(record.tenant().value());
      writer.string(record.subjectPseudonym());
      writer.string(record.actor().type().name());
      writer.string(record.actor().id());
      writer.string(record.purpose());
      writer.varint(record.details().size());
      for (Map.Entry<String, String> detail : record.details().entrySet()) {
        writer.string(detail.getKey());
        writer.string(detail.getValue());
      }
    }
    return Arrays.copyOf(writer.out, writer.length);
  }

  /**
   * Returns the records {@link #encode} turned into these bytes, in order.
   *
   * @throws InvalidInputException if they are not such bytes, or a record fails its own checks; the message never
   *     shows the content
   */
  public static List<AuditRecord> decode(byte[] bytes) {
    Preconditions.notNull(bytes, "audit record batch");
    Reader reader = new Reader(bytes);
    if (!isBatch(bytes) || bytes[1] != VERSION) {
      throw malformed("does not start with the batch magic and version 1");
    }
    reader.at = 2;
    int count = reader.varint();
    // every record takes at least nine bytes, so a count beyond that is a lie and must not size an array
    if (count > bytes.length / 9) {
      throw malformed("states more records than it holds");
    }
    List<AuditRecord> records = new ArrayList<>(count);
    Map<String, Actor> actors = new HashMap<>();
    for (int i = 0; i < count; i++) {
      AuditKind kind = name(AuditKind.class, reader.required());
      TenantId tenant = TenantId.of(reader.required());
      String pseudonym = reader.optional();
      Actor.Type actorType = name(Actor.Type.class, reader.required());
      String actorId = reader.optional();
      // a batch names few actors; each is checked once, not once per record
      Actor actor = actors.computeIfAbsent(actorType.name() + ':' + actorId, k -> new Actor(actorType, actorId));
      String purpose = reader.optional();
      int details = reader.varint();
      if (details > 64) {
        throw malformed("has a record with more than 64 details");
      }
      Map<String, String> map = new HashMap<>(details * 2);
      for (int d = 0; d < details; d++) {
        String key = reader.required();
        if (map.put(key, reader.required()) != null) {
          throw malformed("has a record with a detail key twice");
        }
      }
      records.add(new AuditRecord(kind, tenant, pseudonym, actor, purpose, map));
    }
    if (reader.at != bytes.length) {
      throw malformed("has bytes after its last record");
    }
    return records;
  }

  private static <E extends Enum<E>> E name(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw malformed("names an unknown " + type.getSimpleName());
    }
  }

  private static InvalidInputException malformed(String rule) {
    return InvalidInputException.of("audit record batch", rule);
  }

  /** A growing buffer and the strings written so far. */
  private static final class Writer {
    private byte[] out;
    private int length;
    private final Map<String, Integer> seen = new HashMap<>();

    Writer(int capacity) {
      out = new byte[capacity];
    }

    void string(@Nullable String value) {
      if (value == null) {
        varint(0);
        return;
      }
      Integer known = seen.get(value);
      if (known != null) {
        varint(known);
        return;
      }
      int reference = seen.size() + 1;
      seen.put(value, reference);
      varint(reference);
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, out, length, utf8.length);
      length += utf8.length;
    }

    void varint(int value) {
      ensure(5);
      int v = value;
      while ((v & ~0x7F) != 0) {
        out[length++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out[length++] = (byte) v;
    }

    private void ensure(int more) {
      if (length + more > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
      }
    }
  }

  /** Reads references and varints, strictly. */
  private static final class Reader {
    private final byte[] bytes;
    private final List<String> seen = new ArrayList<>();
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    String required() {
      String value = optional();
      if (value == null) {
        throw malformed("lacks a string a record needs");
      }
      return value;
    }

    @Nullable String optional() {
      int reference = varint();
      if (reference == 0) {
        return null;
      }
      if (reference <= seen.size()) {
        return seen.get(reference - 1);
      }
      if (reference != seen.size() + 1) {
        throw malformed("refers to a string it has not introduced");
      }
      int length = varint();
      if (length > bytes.length - at) {
        throw malformed("has a string longer than the bytes left");
      }
      String value = EntryHashing.string(bytes, at, length);
      if (value == null) {
        throw malformed("has a string that is not well-formed UTF-8");
      }
      at += length;
      seen.add(value);
      return value;
    }

    int varint() {
      int value = 0;
      for (int shift = 0; shift < 32; shift += 7) {
        if (at >= bytes.length) {
          throw malformed("ends in the middle of a number");
        }
        byte b = bytes[at++];
        value |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          if (value < 0) {
            throw malformed("has a negative number");
          }
          return value;
        }
      }
      throw malformed("has a number longer than five bytes");
    }
  }
}
