package io.gdprkit.erasure.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A pending erasure: the subject, what it covers, its depth in a cascade, and its progress.
 *
 * <p>A job is prepared once (contact points suppressed, child jobs for related subjects created), then erases
 * provider by provider, saving after each; a crash at any point resumes from what was saved.
 *
 * @param id the job's id
 * @param subject whom to erase
 * @param scope what to erase
 * @param level 0 for the erasure asked for, 1 for its related subjects, and so on
 * @param parent the job that cascaded to this one, if any
 * @param createdAt when it was created
 * @param prepared whether suppression and the child jobs are done
 * @param children jobs created for related subjects, in order
 * @param suppressed how many contact points preparation put on the suppression list
 * @param done reports of the providers already erased, by provider id
 * @param failures how many runs of this job failed so far
 * @param failedProvider the provider the last failed run stopped in, if any
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ErasureJob(UUID id, SubjectId subject, ErasureScope scope, int level, @Nullable UUID parent,
    Instant createdAt, boolean prepared, List<UUID> children, int suppressed, Map<String, ProviderReport> done,
    int failures, @Nullable String failedProvider) {

  /** Validates the fields and copies the collections. */
  public ErasureJob {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(scope, "scope");
    Preconditions.check(level >= 0, "level", "must not be negative");
    Preconditions.notNull(createdAt, "createdAt");
    children = List.copyOf(children);
    done = Collections.unmodifiableMap(new LinkedHashMap<>(done));
  }

  /** Returns a new, unprepared job. */
  public static ErasureJob start(UUID id, SubjectId subject, ErasureScope scope, int level, @Nullable UUID parent,
      Instant createdAt) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, false, List.of(), 0, Map.of(), 0, null);
  }

  /** Returns a copy marked prepared, with its children and suppression count. */
  public ErasureJob prepared(List<UUID> childJobs, int suppressedPoints) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, true, childJobs, suppressedPoints, done,
        failures, failedProvider);
  }

  /** Returns a copy with one more provider done. */
  public ErasureJob withDone(ProviderReport report) {
    Map<String, ProviderReport> next = new LinkedHashMap<>(done);
    next.put(report.provider(), report);
    return new ErasureJob(id, subject, scope, level, parent, createdAt, prepared, children, suppressed, next, failures,
        failedProvider);
  }

  /** Returns a copy with one more failure counted, in this provider. */
  public ErasureJob withFailure(String provider) {
    return new ErasureJob(id, subject, scope, level, parent, createdAt, prepared, children, suppressed, done,
        failures + 1, provider);
  }
}
