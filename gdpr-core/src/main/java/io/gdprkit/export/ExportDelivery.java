package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.io.IOException;
import java.io.OutputStream;
import org.apiguardian.api.API;

/**
 * Where the export of a completed access or portability request goes: a file in a secure download area, an
 * encrypted object store, a message to the subject's mailbox.
 *
 * <p>With a delivery configured, completing an {@code ACCESS} or {@code PORTABILITY} request writes a JSON
 * export of that kind to the stream it opens, and closes it.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().exportDelivery((subject, kind) -> Files.newOutputStream(downloads.resolve(UUID.randomUUID() + ".json")))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ExportDelivery {

  /** Opens the stream the export is written to; gdpr-kit closes it. */
  OutputStream open(SubjectId subject, ExportKind kind) throws IOException;
}
