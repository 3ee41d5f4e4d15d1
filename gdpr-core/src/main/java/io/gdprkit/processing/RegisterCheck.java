package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What the check of the records found: whether the controller is named, declared purposes that no activity serves,
 * and activities that name a purpose the kit does not declare.
 *
 * <p>Usage example: <pre>{@code
 * RegisterCheck check = gdpr.processingRecords().check();
 * if (!check.isComplete()) warn(check.purposesWithoutActivity());
 * }</pre>
 *
 * @param controllerNamed whether the controller's details (Art. 30(1)(a)) are recorded
 * @param purposesWithoutActivity ids of declared purposes that no activity names, in declaration order
 * @param undeclaredPurposes activities naming an undeclared purpose, by activity id, then purpose
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RegisterCheck(boolean controllerNamed, List<String> purposesWithoutActivity,
    List<UndeclaredPurpose> undeclaredPurposes) {

  /** Copies the lists. */
  public RegisterCheck {
    purposesWithoutActivity = List.copyOf(Preconditions.notNull(purposesWithoutActivity, "purposes without activity"));
    undeclaredPurposes = List.copyOf(Preconditions.notNull(undeclaredPurposes, "undeclared purposes"));
  }

  /** Returns whether the check found nothing to fix. */
  public boolean isComplete() {
    return controllerNamed && purposesWithoutActivity.isEmpty() && undeclaredPurposes.isEmpty();
  }

  /**
   * An activity that names a purpose the kit does not declare.
   *
   * @param activity the activity's id
   * @param purpose the undeclared purpose id
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record UndeclaredPurpose(String activity, String purpose) {

    /** Validates the fields. */
    public UndeclaredPurpose {
      Preconditions.notBlank(activity, "activity");
      Preconditions.notBlank(purpose, "purpose");
    }
  }
}
