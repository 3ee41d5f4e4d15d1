package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One processing activity of the controller's records (Art. 30(1)(b)–(g)): its purposes, the categories of data
 * subjects and of personal data, the categories of recipients, transfers to third countries, the time limits for
 * erasure and the security measures.
 *
 * <p>Purposes are named by the ids of purposes declared on the kit, so the records and the consent machinery speak
 * of the same purposes; {@link ProcessingRecordService#check()} finds purposes without an activity and the reverse.
 *
 * <p>Usage example: <pre>{@code
 * ProcessingActivity mailing = ProcessingActivity.builder("newsletter-mailing", "Newsletter mailing")
 *     .purposes("newsletter")
 *     .subjectCategories("Subscribers")
 *     .dataCategories(DataCategory.CONTACT_DETAILS)
 *     .recipientCategories("Mail delivery provider")
 *     .transfer(ThirdCountryTransfer.of("US", "Mail delivery provider", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES))
 *     .erasureTimeLimit(ErasureTimeLimit.of("contact-details", "on unsubscribe"))
 *     .securityMeasures("TLS in transit, AES-256 at rest, role-based access")
 *     .build();
 * }</pre>
 *
 * @param id the activity's id: letters, digits and {@code . _ : @ / + -}, at most 64 characters
 * @param name the activity's name, for the records
 * @param purposes the ids of the purposes it serves, at least one, each once
 * @param subjectCategories the categories of data subjects, at least one, such as {@code Customers}
 * @param dataCategories the categories of personal data, at least one
 * @param recipientCategories the categories of recipients the data are or will be disclosed to
 * @param transfers the transfers to third countries or international organisations
 * @param erasureTimeLimits the envisaged time limits for erasure, per data category
 * @param securityMeasures a general description of the technical and organisational measures (Art. 32(1)), or
 *     {@code null} where none is given
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProcessingActivity(
    String id,
    String name,
    List<String> purposes,
    List<String> subjectCategories,
    List<DataCategory> dataCategories,
    List<String> recipientCategories,
    List<ThirdCountryTransfer> transfers,
    List<ErasureTimeLimit> erasureTimeLimits,
    @Nullable String securityMeasures) {

  /** The most entries of any one list. */
  public static final int MAX_ENTRIES = 100;

  /**
   * Validates every field and copies the lists.
   *
   * @throws io.gdprkit.InvalidInputException if a name or text is blank or too long, a required list is empty,
   *     an entry repeats, or a list holds more than {@link #MAX_ENTRIES} entries
   */
  public ProcessingActivity {
    Preconditions.identifier(id, "activity id", 64);
    Preconditions.text(name, "activity name", 200);
    purposes = entries(purposes, "purposes", true);
    purposes.forEach(purpose -> Preconditions.notBlank(purpose, "purpose"));
    subjectCategories = entries(subjectCategories, "subject categories", true);
    subjectCategories.forEach(category -> Preconditions.text(category, "subject category", 200));
    dataCategories = entries(dataCategories, "data categories", true);
    Set<String> categoryIds = new HashSet<>();
    dataCategories.forEach(category -> Preconditions.check(categoryIds.add(category.id()),
        "data category", Messages.quote(category.id()) + " is listed twice"));
    recipientCategories = entries(recipientCategories, "recipient categories", false);
    recipientCategories.forEach(category -> Preconditions.text(category, "recipient category", 200));
    transfers = entries(transfers, "transfers", false);
    erasureTimeLimits = entries(erasureTimeLimits, "erasure time limits", false);
    if (securityMeasures != null) {
      Preconditions.text(securityMeasures, "security measures", 4000);
    }
  }

  private static <T> List<T> entries(@Nullable List<T> list, String field, boolean required) {
    List<T> copy = List.copyOf(Preconditions.notNull(list, field));
    Preconditions.check(!required || !copy.isEmpty(), field, "must not be empty");
    Preconditions.check(copy.size() <= MAX_ENTRIES, field, "must have at most " + MAX_ENTRIES + " entries");
    Preconditions.check(new HashSet<>(copy).size() == copy.size(), field, "must not repeat an entry");
    return copy;
  }

  /** Returns a builder of an activity with this id and name. */
  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Returns a builder that starts from this activity, to change it. */
  public Builder toBuilder() {
    Builder builder = new Builder(id, name);
    builder.purposes.addAll(purposes);
    builder.subjectCategories.addAll(subjectCategories);
    builder.dataCategories.addAll(dataCategories);
    builder.recipientCategories.addAll(recipientCategories);
    builder.transfers.addAll(transfers);
    builder.erasureTimeLimits.addAll(erasureTimeLimits);
    builder.securityMeasures = securityMeasures;
    return builder;
  }

  /**
   * Collects an activity's fields; {@link #build()} validates them. Not thread-safe.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {

    private final String id;
    private String name;
    private final List<String> purposes = new ArrayList<>();
    private final List<String> subjectCategories = new ArrayList<>();
    private final List<DataCategory> dataCategories = new ArrayList<>();
    private final List<String> recipientCategories = new ArrayList<>();
    private final List<ThirdCountryTransfer> transfers = new ArrayList<>();
    private final List<ErasureTimeLimit> erasureTimeLimits = new ArrayList<>();
    private @Nullable String securityMeasures;

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    /** Renames the activity. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Adds the ids of purposes the activity serves. */
    public Builder purposes(String... ids) {
      purposes.addAll(List.of(ids));
      return this;
    }

    /** Adds categories of data subjects, such as {@code Customers} or {@code Newsletter subscribers}. */
    public Builder subjectCategories(String... categories) {
      subjectCategories.addAll(List.of(categories));
      return this;
    }

    /** Adds categories of personal data. */
    public Builder dataCategories(DataCategory... categories) {
      dataCategories.addAll(List.of(categories));
      return this;
    }

    /** Adds categories of recipients, such as {@code Payment processor}. */
    public Builder recipientCategories(String... categories) {
      recipientCategories.addAll(List.of(categories));
      return this;
    }

    /** Adds a transfer to a third country or an international organisation. */
    public Builder transfer(ThirdCountryTransfer transfer) {
      transfers.add(Preconditions.notNull(transfer, "transfer"));
      return this;
    }

    /** Adds the time limit for erasure of one data category. */
    public Builder erasureTimeLimit(ErasureTimeLimit limit) {
      erasureTimeLimits.add(Preconditions.notNull(limit, "erasure time limit"));
      return this;
    }

    /** Adds several time limits for erasure. */
    public Builder erasureTimeLimits(Collection<ErasureTimeLimit> limits) {
      Preconditions.notNull(limits, "erasure time limits").forEach(this::erasureTimeLimit);
      return this;
    }

    /** Sets the general description of the technical and organisational security measures (Art. 32(1)). */
    public Builder securityMeasures(String description) {
      this.securityMeasures = description;
      return this;
    }

    /**
     * Builds the activity.
     *
     * @throws io.gdprkit.InvalidInputException if a field breaks a rule of {@link ProcessingActivity}
     */
    public ProcessingActivity build() {
      return new ProcessingActivity(id, name, purposes, subjectCategories, dataCategories, recipientCategories,
          transfers, erasureTimeLimits, securityMeasures);
    }
  }
}
