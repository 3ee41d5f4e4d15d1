package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A kind of link from one subject to another, such as a company to its employees; erasure cascades along
 * relation types as configured.
 *
 * <p>Usage example: <pre>{@code RelationType.of("account-contact")}</pre>
 *
 * @param id the type's id
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RelationType(String id) {

  /** From a company to its employees. */
  public static final RelationType COMPANY_EMPLOYEE = new RelationType("company-employee");
  /** From a parent to a child. */
  public static final RelationType PARENT_CHILD = new RelationType("parent-child");
  /** From a user to the devices registered to them. */
  public static final RelationType USER_DEVICE = new RelationType("user-device");

  /** Validates the id. */
  public RelationType {
    Preconditions.identifier(id, "relation type", 64);
  }

  /** Returns a relation type. */
  public static RelationType of(String id) {
    return new RelationType(id);
  }
}
