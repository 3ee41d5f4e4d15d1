package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A field that erasure kept, and why: a legal obligation of the field's strategy until a date, a purpose that keeps
 * it under Art. 17(3) until its retention ends, or another purpose's legal basis.
 *
 * <p>A field kept until a date is erased once the date has passed, by {@link ErasureService#releaseHeld(int)}; one
 * kept for another purpose's basis ({@code until} is {@code null}) stays until that purpose's own erasure.
 *
 * <p>Usage example: <pre>{@code kept.exemption() != null ? kept.exemption().article() : kept.reason()}</pre>
 *
 * @param field the field's name
 * @param reason the obligation or basis that kept it, such as "tax law (AO §147)", "Art. 17(3)(b): purpose 'invoices'
 *     on Art. 6(1)(c)" or "legal basis CONTRACT of purpose 'billing'"
 * @param until the latest date it is kept to, or {@code null} when kept for as long as the basis lasts
 * @param records how many records kept it
 * @param exemption the Art. 17(3) exemption that kept it, when a declared purpose did; {@code null} otherwise
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RetainedField(String field, String reason, @Nullable Instant until, int records,
    @Nullable ErasureExemption exemption) {

  /** Validates the fields. */
  public RetainedField {
    Preconditions.notBlank(field, "field");
    Preconditions.notBlank(reason, "reason");
    Preconditions.check(records >= 1, "records", "must be at least 1");
    Preconditions.check(exemption == null || until != null, "until", "must be given when an exemption kept the field");
  }

  /** Creates a field kept by a field strategy or another purpose's basis, with no Art. 17(3) exemption. */
  public RetainedField(String field, String reason, @Nullable Instant until, int records) {
    this(field, reason, until, records, null);
  }
}
