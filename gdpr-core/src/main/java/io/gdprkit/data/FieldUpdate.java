package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A value a provider must write into one field of a record during erasure.
 *
 * @param field the field's name
 * @param value the value to write: {@code null}, a fixed replacement, a keyed hash or a masked address
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FieldUpdate(String field, @Nullable Object value) {

  /** Validates the field name. */
  public FieldUpdate {
    Preconditions.notBlank(field, "field");
  }

  @Override
  public String toString() {
    return "FieldUpdate[field=" + field + ", value=" + (value == null ? "null" : "redacted") + "]";
  }
}
