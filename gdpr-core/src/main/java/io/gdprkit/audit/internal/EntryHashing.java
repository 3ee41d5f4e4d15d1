package io.gdprkit.audit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.audit.AuditRecord;
import io.gdprkit.internal.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The canonical encoding of an audit entry and its SHA-256: length-prefixed fields in a fixed order, so that no two
 * different entries encode alike.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EntryHashing {

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::sha256);

  private EntryHashing() {}

  /** Returns the lower-case hex SHA-256 of the entry's canonical encoding. */
  public static String hash(long position, Instant at, AuditRecord record, String previousHash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1); // encoding version
      out.writeLong(position);
      out.writeLong(at.getEpochSecond());
      out.writeInt(at.getNano());
      out.writeUTF(record.kind().name());
      out.writeUTF(record.tenant().value());
      optional(out, record.subjectPseudonym());
      out.writeUTF(record.actor().type().name());
      optional(out, record.actor().id());
      optional(out, record.purpose());
      out.writeInt(record.details().size());
      for (Map.Entry<String, String> detail : record.details().entrySet()) {
        out.writeUTF(detail.getKey());
        out.writeUTF(detail.getValue());
      }
      out.write(HEX.parseHex(previousHash));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    MessageDigest digest = SHA256.get();
    digest.reset();
    return HEX.formatHex(digest.digest(bytes.toByteArray()));
  }

  private static void optional(DataOutputStream out, @Nullable String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }
}
