package io.gdprkit.subject;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Preconditions;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Opaque id of a data subject, the natural person personal data is about, within one tenant.
 *
 * <p>Use the host's own key (a contact's primary key), never an e-mail address: ids appear in
 * exception messages, audit details and log lines (the one written when a subject's data key is destroyed, for
 * one), and an e-mail address is personal data that must not. So a value with an e-mail address in it
 * ({@code something@something.tld}, alone or inside a longer id such as {@code crm:alice@example.com}) is refused;
 * an {@code @} that does not form one, as in {@code user@tenant} or {@code 42@v2}, is allowed.
 *
 * <p>Usage example: <pre>{@code SubjectId alice = SubjectId.of("contact-42");}</pre>
 *
 * @param tenant the tenant the subject belongs to
 * @param value the id within the tenant: letters, digits and {@code . _ : @ / + -}, at most 128 characters, and no
 *     e-mail address
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record SubjectId(TenantId tenant, String value) implements Comparable<SubjectId> {

  /** Something that reads as an e-mail address: a local part, {@code @}, a domain and an alphabetic top level. */
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])");

  /**
   * Validates both parts.
   *
   * @throws io.gdprkit.InvalidInputException if the value is malformed or holds an e-mail address; the message
   *     never holds the value
   */
  public SubjectId {
    Preconditions.notNull(tenant, "tenant");
    Preconditions.identifier(value, "subject id", 128);
    // Only ids with an '@' pay for the pattern: subject ids are made on hot paths.
    if (value.indexOf('@') >= 0 && EMAIL.matcher(value).find()) {
      throw InvalidInputException.of("subject id",
          "must not be or contain an e-mail address; use the host's own key for the person, such as a contact id");
    }
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
