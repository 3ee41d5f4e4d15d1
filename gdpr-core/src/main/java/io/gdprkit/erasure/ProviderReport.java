package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What erasure did in one provider, in counts; no personal data.
 *
 * @param provider the provider's id
 * @param recordsDeleted records deleted whole
 * @param fieldsAnonymised fields cleared, replaced, pseudonymised or masked
 * @param retained fields kept, with the reason
 * @param resumed whether this provider's erasure was resumed after a failure; counts then cover only the resumed run
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProviderReport(String provider, long recordsDeleted, long fieldsAnonymised, List<RetainedField> retained,
    boolean resumed) {

  /** Validates the fields and copies the list. */
  public ProviderReport {
    Preconditions.notBlank(provider, "provider");
    retained = List.copyOf(retained);
  }
}
