package io.gdprkit.jpa.annotation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.data.ContactPoint;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a basic attribute of an entity as personal data: its category, what erasure does to it, and how long a legal
 * obligation keeps it.
 *
 * <p>Every personal-data attribute says what erasure does to it (Art. 17(1)): a {@link #strategy()}, or a
 * {@link #retention()} after which it is cleared. The provider checks each against the attribute's type when it is
 * built: a year is kept only of a date, four digits only of a number or a text, a hash only in a text column, a
 * {@code null} only in a nullable one.
 *
 * <p>Usage example: <pre>{@code
 * @PersonalData(category = "contact-details", strategy = Strategy.KEEP_LAST_FOUR)
 * private String phone;
 * @PersonalData(category = "financial", retention = "P10Y", obligation = "HGB §257, AO §147")
 * private String billingName;
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PersonalData {

  /**
   * The id of the attribute's {@link io.gdprkit.purpose.DataCategory}: one of the kit's constants
   * ({@code contact-details}, {@code online-identifiers}, {@code behavioural}, {@code financial}, {@code location},
   * {@code health}) or one registered on the provider's builder.
   */
  String category();

  /** What erasure does to the attribute; {@link Strategy#NONE} only together with a {@link #retention()}. */
  Strategy strategy() default Strategy.NONE;

  /** The value {@link Strategy#REPLACE} writes, in the attribute's type's text form ({@code "erased"}, {@code "0"}). */
  String replacement() default "";

  /**
   * How long a legal obligation keeps the attribute after the record's {@link RecordDate}, as an ISO-8601 period
   * ({@code "P10Y"}); empty for none. Erasure keeps the attribute until then, reports it as retained with
   * {@link #obligation()}, and clears it once the period has run out (Art. 17(3)(b)); the strategy is then
   * {@link Strategy#NONE} or {@link Strategy#NULL}.
   */
  String retention() default "";

  /** The law that requires the {@link #retention()}, in words an auditor understands, such as {@code "AO §147"}. */
  String obligation() default "";

  /** Whether the subject gave the value; Art. 20 portability exports only such data. */
  boolean providedBySubject() default false;

  /**
   * Whether the value is an e-mail address or a phone number of the subject, which erasure puts on the suppression
   * list as a keyed hash so that the person is not imported again; empty for neither.
   */
  ContactPoint.Kind[] contactPoint() default {};

  /** What erasure does to a personal-data attribute. */
  @API(status = EXPERIMENTAL, since = "0.2")
  enum Strategy {
    /** Not given: allowed only with a {@link PersonalData#retention()}, after which the attribute is cleared. */
    NONE,
    /** Deletes the whole record. */
    DELETE_RECORD,
    /** Sets the attribute to {@code null}. */
    NULL,
    /** Writes {@link PersonalData#replacement()} instead. */
    REPLACE,
    /** Replaces a text with a keyed hash of it: equal values stay equal, nothing can be read back. */
    HASH,
    /** Keeps only the network of an IP address. */
    MASK_IP,
    /** Keeps only the year of a date. */
    KEEP_YEAR,
    /** Keeps only the last four digits of a number or a text. */
    KEEP_LAST_FOUR
  }
}
