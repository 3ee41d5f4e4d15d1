package io.gdprkit.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.Sensitivity;
import org.apiguardian.api.API;

/**
 * Thrown when a staff user who is not in the register of authorised persons for a data category tries to process
 * it; the refusal is in the audit trail before this is thrown.
 *
 * <p>Usage example: <pre>{@code try { gdpr.authorisations().require(user, DataCategory.HEALTH); } catch (NotAuthorisedException e) { return forbidden(); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NotAuthorisedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final StaffUser staff;
  private final String category;
  private final boolean specialCategory;

  private NotAuthorisedException(StaffUser staff, DataCategory category) {
    super("staff user " + Messages.quote(staff) + " is not authorised to process data category "
        + Messages.quote(category.id())
        + (category.sensitivity() == Sensitivity.SPECIAL_CATEGORY
            ? "; it is a special category (Art. 9), which needs an explicit grant of the category itself"
            : "; grant the category or every ordinary category in the register of authorised persons"));
    this.staff = staff;
    this.category = category.id();
    this.specialCategory = category.sensitivity() == Sensitivity.SPECIAL_CATEGORY;
  }

  /** Creates the exception. */
  public static NotAuthorisedException of(StaffUser staff, DataCategory category) {
    return new NotAuthorisedException(staff, category);
  }

  /** Returns the staff user who was refused. */
  public StaffUser staff() {
    return staff;
  }

  /** Returns the data category's id. */
  public String category() {
    return category;
  }

  /** Returns whether the category is a special category, which only an explicit grant covers. */
  public boolean specialCategory() {
    return specialCategory;
  }
}
