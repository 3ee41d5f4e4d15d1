package io.gdprkit.authorisation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import org.apiguardian.api.API;

/**
 * A staff user of the controller within one tenant, named by the host's user id.
 *
 * <p>Usage example: <pre>{@code StaffUser rep = StaffUser.of("user-17");}</pre>
 *
 * @param tenant the tenant the user works in; grants never cross tenants
 * @param id the host's user id: letters, digits and {@code . _ : @ / + -}, at most 128 characters
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StaffUser(TenantId tenant, String id) implements Comparable<StaffUser> {

  /** Validates both parts. */
  public StaffUser {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.identifier(id, "staff user id", 128);
  }

  /** Returns the user with this id in the {@linkplain TenantId#DEFAULT default tenant}. */
  public static StaffUser of(String id) {
    return new StaffUser(TenantId.DEFAULT, id);
  }

  /** Returns the user with this id in {@code tenant}. */
  public static StaffUser of(TenantId tenant, String id) {
    return new StaffUser(tenant, id);
  }

  @Override
  public int compareTo(StaffUser other) {
    int byTenant = tenant.compareTo(other.tenant);
    return byTenant != 0 ? byTenant : id.compareTo(other.id);
  }

  /** Returns {@code tenant/id}, or just the id in the default tenant. */
  @Override
  public String toString() {
    return tenant.equals(TenantId.DEFAULT) ? id : tenant.value() + "/" + id;
  }
}
