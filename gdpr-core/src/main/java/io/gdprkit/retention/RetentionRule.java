package io.gdprkit.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How long data is kept after a subject's last activity, and what happens then (Art. 5(1)(e) storage limitation).
 *
 * <p>A rule targets the whole subject (inactive leads), the data of one purpose, or one data category; when a
 * subject's last recorded activity is older than {@code keep}, the sweep erases or anonymises what it targets.
 *
 * <p>Usage example: <pre>{@code RetentionRule.forSubjects("inactive-leads", Duration.ofDays(730), RetentionRule.Action.ERASE)}</pre>
 *
 * @param id the rule's id, stable across restarts: sweeps remember per rule whom they processed
 * @param purpose the purpose targeted, or {@code null}
 * @param category the data category targeted, or {@code null}
 * @param keep how long after the last activity the data is kept
 * @param action what happens then
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RetentionRule(String id, @Nullable String purpose, @Nullable DataCategory category, Duration keep,
    Action action) {

  /** Validates the fields: at most one target, a positive period. */
  public RetentionRule {
    Preconditions.identifier(id, "retention rule id", 64);
    Preconditions.check(purpose == null || category == null, "target", "must be a purpose or a category, not both");
    Preconditions.notNull(keep, "keep");
    Preconditions.check(!keep.isNegative() && !keep.isZero(), "keep", "must be positive");
    Bounds.notLonger(keep, "keep");
    Preconditions.notNull(action, "action");
  }

  /** A rule over whole subjects: everything about an inactive subject. */
  public static RetentionRule forSubjects(String id, Duration keep, Action action) {
    return new RetentionRule(id, null, null, keep, action);
  }

  /** A rule over the data one purpose needs; data other purposes still need is kept. */
  public static RetentionRule forPurpose(String id, String purpose, Duration keep, Action action) {
    return new RetentionRule(id, Preconditions.notBlank(purpose, "purpose"), null, keep, action);
  }

  /** A rule over one data category. */
  public static RetentionRule forCategory(String id, DataCategory category, Duration keep, Action action) {
    return new RetentionRule(id, null, Preconditions.notNull(category, "category"), keep, action);
  }

  /** Returns the erasure scope the rule applies when due. */
  public ErasureScope scope() {
    ErasureScope scope = purpose != null ? ErasureScope.purposeEnded(purpose)
        : category != null ? ErasureScope.categories(category) : ErasureScope.everything();
    return action == Action.ANONYMISE ? scope.anonymising() : scope;
  }

  /** What a rule does to due data. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Action {
    /** Erase it, deleting records as the fields' strategies say. */
    ERASE,
    /** Keep the records, clearing or replacing the targeted fields. */
    ANONYMISE
  }
}
