package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One piece of personal data a provider holds about a subject: one field of one record.
 *
 * <p>Exports stream these one at a time, so a subject with millions of items never sits in memory.
 * {@code toString()} leaves the value out.
 *
 * <p>Usage example: <pre>{@code sink.accept(new DataItem(subject, "contacts", "c-42", "email", DataCategory.CONTACT_DETAILS, email, true, created));}</pre>
 *
 * @param subject whose data it is
 * @param provider the id of the provider that holds it
 * @param record the id of the record (row, document) within the provider; not personal data
 * @param field the field's name
 * @param category what kind of personal data it is
 * @param value the value: a {@code String}, {@code Number}, {@code Boolean}, {@code Instant}, {@code LocalDate} or {@code null}
 * @param providedBySubject whether the subject gave it (Art. 20 portability covers only such data)
 * @param collectedAt when it was collected, if known
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DataItem(
    SubjectId subject,
    String provider,
    String record,
    String field,
    DataCategory category,
    @Nullable Object value,
    boolean providedBySubject,
    @Nullable Instant collectedAt) {

  /** Validates the fields. */
  public DataItem {
    Preconditions.notNull(subject, "subject");
    Preconditions.identifier(provider, "provider id", 64);
    Preconditions.text(record, "record id", 200);
    Preconditions.text(field, "field", 200);
    Preconditions.notNull(category, "category");
  }

  /** Returns a description without the value. */
  @Override
  public String toString() {
    return "DataItem[subject=" + subject + ", provider=" + provider + ", record=" + record + ", field=" + field
        + ", category=" + category.id() + ", value=" + (value == null ? "null" : "redacted") + "]";
  }
}
