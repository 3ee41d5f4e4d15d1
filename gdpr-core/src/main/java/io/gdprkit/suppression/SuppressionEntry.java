package io.gdprkit.suppression;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.ContactPoint;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One suppressed e-mail address or phone number of one tenant, held only as a keyed hash of its normalised form.
 *
 * <p>Entries hold no personal data that can be read back, so the list can be exported and shared with a
 * processor that runs imports.
 *
 * <p>Usage example: <pre>{@code gdpr.suppression().entries(tenant, null, 1000).forEach(e -> csv.write(e.kind(), e.hash()));}</pre>
 *
 * @param tenant the tenant whose list holds it: each tenant is its own controller with its own list
 * @param kind e-mail or phone
 * @param hash {@code version:base64url(HMAC-SHA256)} of the normalised value under the pseudonym key
 * @param suppressedAt when it was added
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SuppressionEntry(TenantId tenant, ContactPoint.Kind kind, String hash, Instant suppressedAt) {

  /** Validates the fields. */
  public SuppressionEntry {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.notNull(kind, "kind");
    Preconditions.notBlank(hash, "hash");
    Preconditions.notNull(suppressedAt, "suppressedAt");
  }
}
