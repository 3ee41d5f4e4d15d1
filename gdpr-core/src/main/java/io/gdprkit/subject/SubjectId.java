package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * Opaque id of a data subject, the natural person personal data is about, within one tenant.
 *
 * <p>Use the host's own key (a contact's primary key), never an e-mail address: ids appear in
 * exception messages and logs, personal data must not.
 *
 * <p>Usage example: <pre>{@code SubjectId alice = SubjectId.of("contact-42");}</pre>
 *
 * @param tenant the tenant the subject belongs to
 * @param value the id within the tenant: letters, digits and {@code . _ : @ / + -}, at most 128 characters
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record SubjectId(TenantId tenant, String value) implements Comparable<SubjectId> {

  /** Validates both parts. */
  public SubjectId {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.identifier(value, "subject id", 128);
  }

  /** Returns the subject with this id in the {@linkplain TenantId#DEFAULT default tenant}. */
  public static SubjectId of(String value) {
    return new SubjectId(TenantId.DEFAULT, value);
  }

  /** Returns the subject with this id in {@code tenant}. */
  public static SubjectId of(TenantId tenant, String value) {
    return new SubjectId(tenant, value);
  }

  /** Written out rather than generated: it runs on every decision, and a plain method always inlines. */
  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof SubjectId that && value.equals(that.value) && tenant.value().equals(that.tenant.value());
  }

  /** Written out rather than generated: it runs on every decision, and a plain method always inlines. */
  @Override
  public int hashCode() {
    return 31 * tenant.value().hashCode() + value.hashCode();
  }

  @Override
  public int compareTo(SubjectId other) {
    int byTenant = tenant.compareTo(other.tenant);
    return byTenant != 0 ? byTenant : value.compareTo(other.value);
  }

  /** Returns {@code tenant/value}, or just the value in the default tenant. */
  @Override
  public String toString() {
    return tenant.equals(TenantId.DEFAULT) ? value : tenant.value() + "/" + value;
  }
}
