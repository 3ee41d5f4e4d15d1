package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an erasure did: per provider what was deleted, anonymised and retained and why, plus the consent
 * ledger, sources and suppression entries; and the reports of subjects erased by cascade.
 *
 * <p>It names the subject only by pseudonym, so it can be kept as proof after the subject is gone.
 *
 * <p>Data kept under Art. 17(3) is listed per provider with the exemption, purpose, legal basis and date
 * ({@link RetainedField#exemption()}); {@link #nextRelease()} says when the first of it becomes due, and the report of
 * the release that erases it then names this job in {@link #releaseOf()}. Controllers told to erase links to, copies
 * or replications of data the controller had made public are in {@link #controllersInformed()} (Art. 17(2)).
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
 * @param controllersInformed the controllers asked to erase links, copies and replications of data made public
 *     (Art. 17(2)), and when
 * @param releaseOf for the erasure of held data once due, the job whose erasure kept it first; {@code null} otherwise
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
    List<ErasureReport> cascaded,
    List<InformedController> controllersInformed,
    @Nullable UUID releaseOf) {

  /** Validates the fields and copies the lists. */
  public ErasureReport {
    Preconditions.notNull(job, "job");
    Preconditions.notBlank(subjectPseudonym, "subjectPseudonym");
    Preconditions.notNull(scope, "scope");
    Preconditions.notNull(completedAt, "completedAt");
    providers = List.copyOf(providers);
    cascaded = List.copyOf(cascaded);
    controllersInformed = List.copyOf(controllersInformed);
  }

  /** Creates the report of an erasure that informed no controller and released nothing held. */
  public ErasureReport(UUID job, String subjectPseudonym, ErasureScope scope, Instant completedAt,
      List<ProviderReport> providers, long consentEventsErased, long sourceTagsErased, int suppressed,
      List<ErasureReport> cascaded) {
    this(job, subjectPseudonym, scope, completedAt, providers, consentEventsErased, sourceTagsErased, suppressed,
        cascaded, List.of(), null);
  }

  /**
   * Returns the earliest date at which data this erasure kept for this subject becomes due, from which on
   * {@link ErasureService#releaseHeld(int)} erases it; {@code null} when nothing was kept until a date.
   */
  public @Nullable Instant nextRelease() {
    Instant next = null;
    for (ProviderReport provider : providers) {
      Instant due = provider.nextRelease();
      if (due != null && (next == null || due.isBefore(next))) {
        next = due;
      }
    }
    return next;
  }

  /** Returns every field kept under an Art. 17(3) exemption, across providers, this subject only. */
  public List<RetainedField> exempted() {
    return providers.stream().flatMap(p -> p.retained().stream()).filter(r -> r.exemption() != null).toList();
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
