package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.io.IOException;
import java.io.OutputStream;
import org.apiguardian.api.API;

/**
 * Where the export of a completed access or portability request goes: a file in a secure download area, an
 * encrypted object store, a message to the subject's mailbox.
 *
 * <p>With a delivery configured, completing an {@code ACCESS} or {@code PORTABILITY} request opens a {@link Sink},
 * writes a JSON export of that kind to its stream, and then either {@linkplain Sink#commit() commits} it, when the
 * whole document was written, or {@linkplain Sink#abort(Throwable) aborts} it, when a provider or the output failed
 * midway. A truncated export is never committed: the sink is told, and must discard what it received rather than
 * hand the subject half a document that looks complete.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().exportDelivery((subject, kind) -> { Path f = downloads.resolve(UUID.randomUUID() + ".json"); OutputStream out = Files.newOutputStream(f); return ExportDelivery.Sink.of(out, failure -> { out.close(); Files.delete(f); }); })}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ExportDelivery {

  /**
   * Opens the sink one export is written to.
   *
   * @throws IOException if the destination cannot be opened; the request stays in progress
   */
  Sink open(SubjectId subject, ExportKind kind) throws IOException;

  /**
   * One export on its way: a stream, and the two ways it can end.
   *
   * <p>gdpr-kit writes the document to {@link #out()} and then calls exactly one of {@link #commit()} and
   * {@link #abort(Throwable)}, once; it never closes the stream itself. <b>Warning:</b> an implementation must not
   * publish the document before {@code commit()}: a stream whose {@code close()} publishes (a file in a watched
   * folder, an object-store upload) must be discarded, not closed normally, on {@code abort}.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  interface Sink {

    /** Returns the stream the document is written to. */
    OutputStream out();

    /**
     * Called when the whole document was written: flush and close the stream and make the export available.
     *
     * @throws IOException if it cannot be completed; the request then stays in progress
     */
    void commit() throws IOException;

    /**
     * Called instead of {@link #commit()} when the export failed midway: discard what was written.
     *
     * @param failure what made the export fail, usually an {@link ExportFailedException}; its message holds no
     *     personal data, but its cause may, so log the cause with care
     */
    void abort(Throwable failure);

    /**
     * Returns a sink over {@code out} that closes it on commit and hands it to {@code onAbort} on abort, unclosed.
     *
     * @param out the stream the document is written to
     * @param onAbort discards what was written (closes the stream and deletes the file, aborts the upload); the
     *     stream is not closed before it runs, so closing it normally is its choice
     * @return the sink
     */
    static Sink of(OutputStream out, AbortHandler onAbort) {
      Preconditions.notNull(out, "out");
      Preconditions.notNull(onAbort, "onAbort");
      return new Sink() {
        @Override
        public OutputStream out() {
          return out;
        }

        @Override
        public void commit() throws IOException {
          out.close();
        }

        @Override
        public void abort(Throwable failure) {
          try {
            onAbort.aborted(failure);
          } catch (IOException e) {
            failure.addSuppressed(e);
          }
        }
      };
    }
  }

  /**
   * Discards an aborted export; the callback of {@link Sink#of(OutputStream, AbortHandler)}.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  @FunctionalInterface
  interface AbortHandler {

    /** Discards what was written; may throw, which is recorded as suppressed by {@code failure}. */
    void aborted(Throwable failure) throws IOException;
  }
}
