package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when {@link PortabilityReader} cannot read a document: the input failed, it is not JSON, or it is not a
 * gdpr-kit export.
 *
 * <p>The message says what was wrong in terms of the document's structure, never a value from it. Items handed to
 * the sink before the failure stay handed over; discard them if the document must be taken whole.
 *
 * <p>Usage example: <pre>{@code catch (PortabilityReadException e) { reject(upload, e.getMessage()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PortabilityReadException extends GdprException {

  private static final long serialVersionUID = 1L;

  private PortabilityReadException(String message, @Nullable Throwable cause) {
    super(message);
    if (cause != null) {
      initCause(cause);
    }
  }

  /** Creates the exception for a document whose structure is not an export's, such as a missing section. */
  public static PortabilityReadException malformed(String problem) {
    return new PortabilityReadException("portability document is malformed: " + problem, null);
  }

  /**
   * Creates the exception for a document whose structure is not an export's, with the exception that found it; the
   * cause's message is left out of this one because it may quote the document.
   */
  public static PortabilityReadException malformed(String problem, Throwable cause) {
    return new PortabilityReadException(
        "portability document is malformed: " + problem + " (" + cause.getClass().getName() + ")", cause);
  }

  /** Creates the exception for an input that threw while the document was read. */
  public static PortabilityReadException unreadable(Throwable cause) {
    return new PortabilityReadException(
        "portability document could not be read: the input threw " + cause.getClass().getName(), cause);
  }
}
