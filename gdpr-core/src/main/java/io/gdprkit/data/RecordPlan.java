package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a provider must do to one record to erase it: delete it, or write some fields; fields kept under a
 * legal obligation are left as they are.
 *
 * <p>Plans are idempotent: planning an already erased record again yields nothing to do.
 *
 * <p>Usage example: <pre>{@code
 * RecordPlan plan = context.plan("c-42", Map.of("email", email, "ip", ip), created);
 * if (plan.deleteRecord()) repository.delete(id); else plan.updates().forEach(u -> row.set(u.field(), u.value()));
 * }</pre>
 *
 * @param record the record's id
 * @param deleteRecord whether to delete the whole record
 * @param updates the fields to write when not deleting
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordPlan(String record, boolean deleteRecord, List<FieldUpdate> updates) {

  /** Validates the fields and copies the list. */
  public RecordPlan {
    Preconditions.notBlank(record, "record");
    updates = List.copyOf(Preconditions.notNull(updates, "updates"));
    Preconditions.check(!deleteRecord || updates.isEmpty(), "updates", "must be empty when the record is deleted");
  }

  /** Returns whether there is nothing to do. */
  public boolean isEmpty() {
    return !deleteRecord && updates.isEmpty();
  }
}
