package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.crypto.InvalidTokenException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * Writing and strictly reading the small binary bodies of signed tokens.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Bytes {

  private Bytes() {}

  /** Writes a token body. */
  public interface Writer {
    /** Writes fields to {@code out}. */
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads a token body. */
  public interface Reader<T> {
    /** Reads fields from {@code in}. */
    T read(DataInputStream in) throws IOException;
  }

  /** Returns the bytes {@code writer} writes. */
  public static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a token body, refusing one that is short or has bytes left over.
   *
   * @throws InvalidTokenException with {@link Reason#MALFORMED} if the body does not parse
   */
  public static <T> T read(byte[] body, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      T value = reader.read(in);
      if (in.available() != 0) {
        throw InvalidTokenException.of(Reason.MALFORMED);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidTokenException invalid) {
        throw invalid;
      }
      throw InvalidTokenException.of(Reason.MALFORMED);
    }
  }
}
