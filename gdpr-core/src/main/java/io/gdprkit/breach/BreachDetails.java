package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a breach (Art. 33(3)): its nature, the categories and approximate numbers of subjects and of
 * records, the likely consequences, the measures taken or proposed, and the contact point; facts may come in phases
 * (Art. 33(4)), so all but the description are optional.
 *
 * <p>Records are immutable; the {@code withX} methods return changed copies.
 *
 * <p>Usage example: <pre>{@code
 * BreachDetails.of("Lost laptop with an unencrypted CRM export")
 *     .withDataCategories(DataCategory.CONTACT_DETAILS)
 *     .withSubjectCategories("Customers")
 *     .withApproximateSubjects(1200).withApproximateRecords(1500)
 *     .withExposure(ExposureWindow.of(from, until))
 * }</pre>
 *
 * @param description the nature of the breach
 * @param dataCategories the categories of personal data concerned
 * @param subjectCategories the categories of data subjects concerned, such as {@code Customers}
 * @param approximateSubjects the approximate number of subjects concerned, or {@code null} while unknown
 * @param approximateRecords the approximate number of personal data records concerned, or {@code null} while unknown
 * @param likelyConsequences the likely consequences, or {@code null} while not assessed
 * @param measures the measures taken or proposed, including those to mitigate adverse effects, or {@code null}
 * @param contactPoint the data protection officer or other contact point, or {@code null}
 * @param exposure the window whose collected data the breach exposed, or {@code null} while unknown
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BreachDetails(
    String description,
    List<DataCategory> dataCategories,
    List<String> subjectCategories,
    @Nullable Long approximateSubjects,
    @Nullable Long approximateRecords,
    @Nullable String likelyConsequences,
    @Nullable String measures,
    @Nullable String contactPoint,
    @Nullable ExposureWindow exposure) {

  /** The longest text accepted, in characters. */
  public static final int MAX_TEXT = 4000;

  /**
   * Validates every field and copies the lists.
   *
   * @throws io.gdprkit.InvalidInputException if a text is blank or too long, a count is negative, or a category
   *     repeats
   */
  public BreachDetails {
    Preconditions.text(description, "breach description", MAX_TEXT);
    dataCategories = List.copyOf(Preconditions.notNull(dataCategories, "data categories"));
    Set<String> ids = new HashSet<>();
    dataCategories.forEach(category -> Preconditions.check(ids.add(category.id()),
        "data category", Messages.quote(category.id()) + " is listed twice"));
    subjectCategories = List.copyOf(Preconditions.notNull(subjectCategories, "subject categories"));
    subjectCategories.forEach(category -> Preconditions.text(category, "subject category", 200));
    Preconditions.check(new HashSet<>(subjectCategories).size() == subjectCategories.size(), "subject categories",
        "must not repeat an entry");
    Preconditions.check(approximateSubjects == null || approximateSubjects >= 0, "approximate subjects",
        "must not be negative");
    Preconditions.check(approximateRecords == null || approximateRecords >= 0, "approximate records",
        "must not be negative");
    optionalText(likelyConsequences, "likely consequences");
    optionalText(measures, "measures");
    optionalText(contactPoint, "contact point");
  }

  private static void optionalText(@Nullable String text, String field) {
    if (text != null) {
      Preconditions.text(text, field, MAX_TEXT);
    }
  }

  /** Returns details with only a description. */
  public static BreachDetails of(String description) {
    return new BreachDetails(description, List.of(), List.of(), null, null, null, null, null, null);
  }

  /** Returns a copy with another description. */
  public BreachDetails withDescription(String value) {
    return new BreachDetails(value, dataCategories, subjectCategories, approximateSubjects, approximateRecords,
        likelyConsequences, measures, contactPoint, exposure);
  }

  /** Returns a copy with these categories of personal data. */
  public BreachDetails withDataCategories(DataCategory... categories) {
    return new BreachDetails(description, List.of(categories), subjectCategories, approximateSubjects,
        approximateRecords, likelyConsequences, measures, contactPoint, exposure);
  }

  /** Returns a copy with these categories of data subjects. */
  public BreachDetails withSubjectCategories(String... categories) {
    return new BreachDetails(description, dataCategories, List.of(categories), approximateSubjects,
        approximateRecords, likelyConsequences, measures, contactPoint, exposure);
  }

  /** Returns a copy with the approximate number of subjects concerned. */
  public BreachDetails withApproximateSubjects(long count) {
    return new BreachDetails(description, dataCategories, subjectCategories, count, approximateRecords,
        likelyConsequences, measures, contactPoint, exposure);
  }

  /** Returns a copy with the approximate number of records concerned. */
  public BreachDetails withApproximateRecords(long count) {
    return new BreachDetails(description, dataCategories, subjectCategories, approximateSubjects, count,
        likelyConsequences, measures, contactPoint, exposure);
  }

  /** Returns a copy with the likely consequences. */
  public BreachDetails withLikelyConsequences(String text) {
    return new BreachDetails(description, dataCategories, subjectCategories, approximateSubjects,
        approximateRecords, text, measures, contactPoint, exposure);
  }

  /** Returns a copy with the measures taken or proposed. */
  public BreachDetails withMeasures(String text) {
    return new BreachDetails(description, dataCategories, subjectCategories, approximateSubjects,
        approximateRecords, likelyConsequences, text, contactPoint, exposure);
  }

  /** Returns a copy with the contact point, usually the data protection officer. */
  public BreachDetails withContactPoint(String text) {
    return new BreachDetails(description, dataCategories, subjectCategories, approximateSubjects,
        approximateRecords, likelyConsequences, measures, text, exposure);
  }

  /** Returns a copy with the window whose collected data were exposed. */
  public BreachDetails withExposure(ExposureWindow window) {
    return new BreachDetails(description, dataCategories, subjectCategories, approximateSubjects,
        approximateRecords, likelyConsequences, measures, contactPoint,
        Preconditions.notNull(window, "exposure"));
  }
}
