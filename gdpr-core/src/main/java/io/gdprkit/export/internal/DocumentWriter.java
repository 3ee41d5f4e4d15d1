package io.gdprkit.export.internal;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.data.DataItem;
import io.gdprkit.export.ExportKind;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.source.SourceTag;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes one export document in one format, section by section, in the order the service calls it.
 *
 * <p>Output failures surface as {@code tools.jackson.core.JacksonException} or {@link java.io.UncheckedIOException};
 * the service turns them into {@link io.gdprkit.export.ExportFailedException}. Not thread-safe: one per export.
 */
interface DocumentWriter {

  void begin(ExportKind kind, SubjectId subject, Instant generatedAt);

  /** Opens a provider's section; {@code categories} are the ones its items may name by id alone. */
  void beginProvider(String id, String description, List<DataCategory> categories);

  /** Writes one item; runs once per item, so it must not allocate more than it has to. */
  void item(DataItem item);

  void endProvider();

  void endProviders();

  void purposes(List<Purpose> purposes);

  void consents(List<ConsentEvent> events);

  void sources(List<SourceTag> tags);

  void retention(List<RetainedField> fields);

  /** Opens the section of the recipients the subject's data was disclosed to (access only). */
  void beginRecipients();

  /**
   * Writes one disclosure with what the register says of its recipient.
   *
   * @param recipient the register's entry, or {@code null} if the register no longer has it
   */
  void disclosure(Disclosure disclosure, @Nullable Recipient recipient);

  void endRecipients();

  /** Returns the ids of the disclosure's categories, sorted, so that both formats list them alike. */
  static List<String> categoryIds(Disclosure disclosure) {
    return disclosure.categories().stream().map(DataCategory::id).sorted().toList();
  }

  /** Closes the document and flushes the output. */
  void end();

  /** Returns pooled buffers; never closes the output, never completes a truncated document. */
  void release();
}
