package io.gdprkit.jpa.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.recipient.CountryCode;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where the declared records of processing (Art. 30(1)) and the code disagree: what is stored, needed, erased on a
 * time limit or sent abroad according to the code, but not according to the records, and the reverse.
 *
 * <p>Why: the records must describe the processing as it is; a category stored by an entity that no activity lists,
 * or a retention the code enforces that no activity states, is a record that drifted from the code. The check
 * compares by data category id; every list is ordered by activity, then category or recipient.
 *
 * <p>Usage example: <pre>{@code
 * RegisterDrift drift = JpaProcessingRegister.derive(gdpr).drift();
 * assertThat(drift.isEmpty()).as(drift.toString()).isTrue(); // in the host's build
 * }</pre>
 *
 * @param unlistedCategories categories stored by some store that no declared activity lists (Art. 30(1)(c))
 * @param missingCategories categories an activity's purposes need and some store holds, which the activity does not
 *     list (Art. 30(1)(c)); {@link JpaProcessingRegister#update} adds them
 * @param unstoredCategories categories an activity lists that no provider of the kit stores: stale, or kept outside
 *     the kit's providers
 * @param missingTimeLimits categories an activity lists that the code erases on a time limit (a retention under a
 *     legal obligation, a retention rule, a purpose's storage period) for which the activity states none
 *     (Art. 30(1)(f)); {@link JpaProcessingRegister#update} adds them
 * @param undeclaredTransfers active recipients outside the EEA to whose country no activity declares a transfer
 *     (Art. 30(1)(e))
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RegisterDrift(List<UnlistedCategory> unlistedCategories, List<ActivityCategory> missingCategories,
    List<ActivityCategory> unstoredCategories, List<ActivityCategory> missingTimeLimits,
    List<UndeclaredTransfer> undeclaredTransfers) {

  /** Copies the lists. */
  public RegisterDrift {
    unlistedCategories = List.copyOf(Preconditions.notNull(unlistedCategories, "unlisted categories"));
    missingCategories = List.copyOf(Preconditions.notNull(missingCategories, "missing categories"));
    unstoredCategories = List.copyOf(Preconditions.notNull(unstoredCategories, "unstored categories"));
    missingTimeLimits = List.copyOf(Preconditions.notNull(missingTimeLimits, "missing time limits"));
    undeclaredTransfers = List.copyOf(Preconditions.notNull(undeclaredTransfers, "undeclared transfers"));
  }

  /** Returns whether the records and the code agree. */
  public boolean isEmpty() {
    return unlistedCategories.isEmpty() && missingCategories.isEmpty() && unstoredCategories.isEmpty()
        && missingTimeLimits.isEmpty() && undeclaredTransfers.isEmpty();
  }

  /**
   * A category that some store holds and no declared activity lists.
   *
   * @param category the category
   * @param stores the stores holding it: entity names, or provider ids
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record UnlistedCategory(DataCategory category, List<String> stores) {

    /** Validates the fields and copies the list. */
    public UnlistedCategory {
      Preconditions.notNull(category, "category");
      stores = List.copyOf(Preconditions.notNull(stores, "stores"));
    }
  }

  /**
   * A data category of one declared activity.
   *
   * @param activity the activity's id
   * @param category the data category's id
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record ActivityCategory(String activity, String category) {

    /** Validates the fields. */
    public ActivityCategory {
      Preconditions.notBlank(activity, "activity");
      Preconditions.notBlank(category, "category");
    }
  }

  /**
   * A recipient outside the EEA to whose country no activity declares a transfer.
   *
   * @param recipient the recipient's id in the register of recipients
   * @param country the country it processes the data in
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record UndeclaredTransfer(String recipient, CountryCode country) {

    /** Validates the fields. */
    public UndeclaredTransfer {
      Preconditions.notBlank(recipient, "recipient");
      Preconditions.notNull(country, "country");
    }
  }
}
