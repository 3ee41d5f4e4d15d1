package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What erasure did in one provider, in counts; no personal data.
 *
 * @param provider the provider's id
 * @param recordsDeleted records deleted whole
 * @param fieldsAnonymised fields cleared, replaced, pseudonymised or masked
 * @param retained fields kept, with the reason
 * @param resumed whether this provider's erasure was resumed after a failure; counts then cover only the resumed run
 * @param nextRelease the earliest date at which a field kept until a date becomes due, in any record; {@code null}
 *     when nothing was kept until a date. Each {@link RetainedField#until()} is the latest date over its records, so
 *     this is when {@link ErasureService#releaseHeld(int)} next erases something
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProviderReport(String provider, long recordsDeleted, long fieldsAnonymised, List<RetainedField> retained,
    boolean resumed, @Nullable Instant nextRelease) {

  /** Validates the fields and copies the list. */
  public ProviderReport {
    Preconditions.notBlank(provider, "provider");
    retained = List.copyOf(retained);
  }

  /** Creates a report of a provider that kept nothing until a date. */
  public ProviderReport(String provider, long recordsDeleted, long fieldsAnonymised, List<RetainedField> retained,
      boolean resumed) {
    this(provider, recordsDeleted, fieldsAnonymised, retained, resumed, null);
  }
}
