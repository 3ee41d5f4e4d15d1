package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the erasure service hands a provider: for each of the subject's records, a plan built from the
 * provider's field strategies, and a place to report what was applied.
 *
 * <p>The context computes replacement values (keyed hashes, masked addresses), decides what a legal
 * obligation keeps, and skips what is already erased, so a provider only reads, applies and reports.
 * Not thread-safe: one provider, one thread.
 *
 * <p>Usage example: <pre>{@code
 * public void erase(SubjectId subject, ErasureContext context) {
 *   for (Row row : rows.of(subject)) {
 *     RecordPlan plan = context.plan(row.id(), row.values(), row.created());
 *     apply(row, plan);
 *     context.applied(plan);
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ErasureContext {

  /** Returns the subject being erased. */
  SubjectId subject();

  /**
   * Plans the erasure of one record.
   *
   * @param record the record's id
   * @param values its current field values by name; fields the provider's descriptor does not declare are left alone
   * @param recordDate the record's date, from which retention periods run; {@code null}, or a date after now, means
   *     now
   * @return what to do
   */
  RecordPlan plan(String record, Map<String, @Nullable Object> values, @Nullable Instant recordDate);

  /** Reports that a plan was applied; the erasure report counts only applied plans. */
  void applied(RecordPlan plan);

  /**
   * Returns whether {@link #plan} gives every record that holds {@code fields} the same plan, whatever their values
   * and the record's date: each of them that the erasure covers deletes the record, and nothing can keep one (no
   * retention or legal obligation on its category, no other purpose, no records kept by the scope, no release of held
   * data). A provider may then plan such a record without reading it: by its id, each field with any value (a marker
   * for "set" will do) and no date; it saves reading the rows of a table whose records erasure only deletes.
   *
   * <p>The answer is the same for every record of the erasure; {@code false}, which is always correct, by default.
   *
   * <p>Usage example: <pre>{@code
   * if (context.plansWithoutValues(List.of("note"))) {
   *   for (String id : rows.idsOf(subject)) { RecordPlan plan = context.plan(id, Map.of("note", SET), null); ... }
   * }
   * }</pre>
   *
   * @param fields names of fields of the provider's descriptor; others are ignored
   * @since 0.2
   */
  default boolean plansWithoutValues(Collection<String> fields) {
    return false;
  }
}
