package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalData;
import org.apiguardian.api.API;

/**
 * An e-mail address or phone number of a subject, which the suppression list keeps as a keyed hash after
 * erasure so that the same person is not imported again.
 *
 * <p>The value is kept as written; the suppression list compares normalised forms, so {@code "Alice@Example.com"}
 * with a leading no-break space (U+00A0) and {@code "alice@example.com"} are one address, and {@code "030 1234567"}
 * (in default phone region {@code DE}) and {@code "+49 30 1234567"} one number. See
 * {@link io.gdprkit.suppression.SuppressionService}.
 *
 * <p>Usage example: <pre>{@code ContactPoint.email("alice@example.com")}</pre>
 *
 * @param kind e-mail or phone
 * @param value the address or number; redacted in {@code toString()}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContactPoint(Kind kind, PersonalData<String> value) {

  /** Validates the fields. */
  public ContactPoint {
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(value, "value");
  }

  /** Returns an e-mail address. */
  public static ContactPoint email(String address) {
    return new ContactPoint(Kind.EMAIL, PersonalData.of(Preconditions.notBlank(address, "e-mail")));
  }

  /** Returns a phone number. */
  public static ContactPoint phone(String number) {
    return new ContactPoint(Kind.PHONE, PersonalData.of(Preconditions.notBlank(number, "phone")));
  }

  /** The kinds of contact point. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE
  }
}
