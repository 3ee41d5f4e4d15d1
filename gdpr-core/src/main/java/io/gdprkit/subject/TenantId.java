package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * One customer account of a multi-tenant host (a CRM serves many); nothing crosses tenants.
 *
 * <p>Single-tenant hosts never name it: {@link SubjectId#of(String)} uses {@link #DEFAULT}.
 *
 * <p>Usage example: <pre>{@code SubjectId s = SubjectId.of(TenantId.of("acme"), "contact-42");}</pre>
 *
 * @param value the tenant's id: letters, digits and {@code . _ : @ / + -}, at most 64 characters
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record TenantId(String value) implements Comparable<TenantId> {

  /** The tenant of hosts that have only one. */
  public static final TenantId DEFAULT = new TenantId("default");

  /** Validates the id. */
  public TenantId {
    Preconditions.identifier(value, "tenant id", 64);
  }

  /** Returns the tenant with this id. */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof TenantId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
