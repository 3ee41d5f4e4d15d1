package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an erasure covers: everything about the subject (a "forget me" request, Art. 17(1)(a)), the data of one
 * purpose whose consent was withdrawn (Art. 17(1)(b)) or whose retention ended (Art. 17(1)(a)), or some data
 * categories; and whether records are deleted or only anonymised.
 *
 * <p>For a purpose, a field whose data category another purpose also needs, under a contract, a legal obligation
 * or a consent still granted, is kept, and the report names that basis: withdrawing newsletter consent does not
 * delete invoices. Only an erasure of everything cascades, suppresses contact points, erases the consent
 * ledger and leaves a tombstone.
 *
 * <p>Usage example: <pre>{@code gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"))}</pre>
 *
 * @param kind what is covered
 * @param purpose the purpose, for {@link Kind#CONSENT_WITHDRAWN} and {@link Kind#PURPOSE_ENDED}
 * @param categories the categories, for {@link Kind#CATEGORIES}
 * @param keepRecords whether records are kept and only their fields cleared (anonymisation) instead of deleted
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ErasureScope(Kind kind, @Nullable String purpose, Set<DataCategory> categories, boolean keepRecords) {

  private static final ErasureScope EVERYTHING = new ErasureScope(Kind.EVERYTHING, null, Set.of(), false);

  /** Validates that each kind has what it needs. */
  public ErasureScope {
    Preconditions.notNull(kind, "kind");
    categories = Set.copyOf(categories);
    boolean forPurpose = kind == Kind.CONSENT_WITHDRAWN || kind == Kind.PURPOSE_ENDED;
    Preconditions.check(forPurpose == (purpose != null), "purpose", "must be given exactly for a purpose scope");
    if (purpose != null) {
      Preconditions.notBlank(purpose, "purpose");
    }
    Preconditions.check((kind == Kind.CATEGORIES) == !categories.isEmpty(), "categories",
        "must be given exactly for a categories scope");
  }

  /** Everything the providers hold about the subject. */
  public static ErasureScope everything() {
    return EVERYTHING;
  }

  /** Only the data processed for this purpose, after its consent was withdrawn. */
  public static ErasureScope consentWithdrawn(String purpose) {
    return new ErasureScope(Kind.CONSENT_WITHDRAWN, purpose, Set.of(), false);
  }

  /** Only the data processed for this purpose, whose retention period has ended. */
  public static ErasureScope purposeEnded(String purpose) {
    return new ErasureScope(Kind.PURPOSE_ENDED, purpose, Set.of(), false);
  }

  /** Only the fields of these data categories. */
  public static ErasureScope categories(DataCategory first, DataCategory... more) {
    java.util.ArrayList<DataCategory> all = new java.util.ArrayList<>(List.of(more));
    all.add(first);
    return new ErasureScope(Kind.CATEGORIES, null, Set.copyOf(all), false);
  }

  /** Returns a copy that keeps every record and only clears or replaces fields. */
  public ErasureScope anonymising() {
    return new ErasureScope(kind, purpose, categories, true);
  }

  /** Returns whether the scope is everything. */
  public boolean isEverything() {
    return kind == Kind.EVERYTHING;
  }

  /** What a scope covers. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** Everything about the subject. */
    EVERYTHING,
    /** The data of a purpose whose consent was withdrawn. */
    CONSENT_WITHDRAWN,
    /** The data of a purpose whose retention period ended. */
    PURPOSE_ENDED,
    /** The fields of some data categories. */
    CATEGORIES
  }
}
