package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A category of personal data that a purpose needs, with its sensitivity.
 *
 * <p>Purposes declare the categories they need so that exports, registers and the minimisation
 * report can say which data serves which purpose. The constants cover a CRM's usual categories;
 * declare others with {@link #of}.
 *
 * <p>Usage example: <pre>{@code purpose.withDataCategories(DataCategory.CONTACT_DETAILS, DataCategory.BEHAVIOURAL)}</pre>
 *
 * @param id the category's id, such as {@code contact-details}
 * @param description what the category holds, for registers and exports
 * @param sensitivity how sensitive the category is
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record DataCategory(String id, String description, Sensitivity sensitivity) {

  /** Name, e-mail address, phone number, postal address. */
  public static final DataCategory CONTACT_DETAILS =
      new DataCategory("contact-details", "Name, e-mail address, phone number, postal address", Sensitivity.NORMAL);

  /** IP addresses, cookie ids, device ids. */
  public static final DataCategory ONLINE_IDENTIFIERS =
      new DataCategory("online-identifiers", "IP addresses, cookie and device identifiers", Sensitivity.NORMAL);

  /** Pages visited, e-mails opened, clicks, scores derived from them. */
  public static final DataCategory BEHAVIOURAL =
      new DataCategory("behavioural", "Visits, opens, clicks and scores derived from them", Sensitivity.SENSITIVE);

  /** Invoices, payments, bank details. */
  public static final DataCategory FINANCIAL =
      new DataCategory("financial", "Invoices, payments and bank details", Sensitivity.SENSITIVE);

  /** Precise location. */
  public static final DataCategory LOCATION =
      new DataCategory("location", "Precise geographic location", Sensitivity.SENSITIVE);

  /** Art. 9 health data. */
  public static final DataCategory HEALTH =
      new DataCategory("health", "Data concerning health (Art. 9)", Sensitivity.SPECIAL_CATEGORY);

  /** Validates the fields. */
  public DataCategory {
    Preconditions.identifier(id, "data category id", 64);
    Preconditions.text(description, "data category description", 500);
    Preconditions.notNull(sensitivity, "sensitivity");
  }

  /** Returns a category. */
  public static DataCategory of(String id, String description, Sensitivity sensitivity) {
    return new DataCategory(id, description, sensitivity);
  }
}
