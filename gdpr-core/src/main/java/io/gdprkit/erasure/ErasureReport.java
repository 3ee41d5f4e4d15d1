package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * What an erasure did: per provider what was deleted, anonymised and retained and why, plus the consent
 * ledger, sources and suppression entries; and the reports of subjects erased by cascade.
 *
 * <p>It names the subject only by pseudonym, so it can be kept as proof after the subject is gone.
 *
 * <p>Usage example: <pre>{@code ErasureReport r = gdpr.erasure().erase(alice); log.info("deleted {}", r.recordsDeleted());}</pre>
 *
 * @param job the erasure job's id
 * @param subjectPseudonym keyed hash of the subject id under the pseudonym key, with its version
 * @param scope what the erasure covered
 * @param completedAt when it finished
 * @param providers one report per provider, in registration order
 * @param consentEventsErased consent ledger events removed
 * @param sourceTagsErased source tags removed
 * @param suppressed e-mail addresses and phone numbers added to the suppression list
 * @param cascaded the reports of related subjects erased with this one
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ErasureReport(
    UUID job,
    String subjectPseudonym,
    ErasureScope scope,
    Instant completedAt,
    List<ProviderReport> providers,
    long consentEventsErased,
    long sourceTagsErased,
    int suppressed,
    List<ErasureReport> cascaded) {

  /** Validates the fields and copies the lists. */
  public ErasureReport {
    Preconditions.notNull(job, "job");
    Preconditions.notBlank(subjectPseudonym, "subjectPseudonym");
    Preconditions.notNull(scope, "scope");
    Preconditions.notNull(completedAt, "completedAt");
    providers = List.copyOf(providers);
    cascaded = List.copyOf(cascaded);
  }

  /** Returns the records deleted across providers, this subject only. */
  public long recordsDeleted() {
    return providers.stream().mapToLong(ProviderReport::recordsDeleted).sum();
  }

  /** Returns the fields anonymised across providers, this subject only. */
  public long fieldsAnonymised() {
    return providers.stream().mapToLong(ProviderReport::fieldsAnonymised).sum();
  }

  /** Returns this report and every cascaded one, depth first. */
  public List<ErasureReport> all() {
    java.util.ArrayList<ErasureReport> all = new java.util.ArrayList<>();
    all.add(this);
    cascaded.forEach(child -> all.addAll(child.all()));
    return all;
  }
}
