package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A field that erasure kept, and why: a legal obligation until a date, or another purpose's legal basis.
 *
 * @param field the field's name
 * @param reason the obligation or basis that kept it, such as "tax law (AO §147)" or "legal basis CONTRACT of purpose 'billing'"
 * @param until the latest date it is kept to, or {@code null} when kept for as long as the basis lasts
 * @param records how many records kept it
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RetainedField(String field, String reason, @Nullable Instant until, int records) {

  /** Validates the fields. */
  public RetainedField {
    Preconditions.notBlank(field, "field");
    Preconditions.notBlank(reason, "reason");
    Preconditions.check(records >= 1, "records", "must be at least 1");
  }
}
