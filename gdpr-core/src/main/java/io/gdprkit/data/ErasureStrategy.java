package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.time.Period;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What erasure does to one field: delete its record, clear it, replace it, pseudonymise it, mask it, keep a part of
 * it, or keep it under a legal obligation for a time.
 *
 * <p>Usage example: <pre>{@code FieldDescriptor.of("vat-number", DataCategory.FINANCIAL, ErasureStrategy.retain("tax law (AO §147)", Period.ofYears(10)))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ErasureStrategy {

  /** Deletes the whole record the field belongs to. */
  static ErasureStrategy deleteRecord() {
    return DeleteRecord.INSTANCE;
  }

  /** Sets the field to null. */
  static ErasureStrategy setNull() {
    return SetNull.INSTANCE;
  }

  /** Sets the field to a fixed value, such as {@code "erased"}. */
  static ErasureStrategy replace(Object replacement) {
    return new Replace(replacement);
  }

  /**
   * Replaces the field with a keyed hash of its value (pseudonymisation): equal values stay equal while the
   * key exists, so statistics keep working, and nothing can be read back.
   */
  static ErasureStrategy keyedHash() {
    return KeyedHash.INSTANCE;
  }

  /**
   * Keeps only the network of an IP address: /24 for IPv4, /48 for IPv6, and no more than /24 of an IPv4 address
   * carried inside IPv6 (mapped, NAT64 and 6to4 forms); a value that is not an IP literal becomes {@code null}.
   */
  static ErasureStrategy maskIp() {
    return MaskIp.INSTANCE;
  }

  /**
   * Keeps only the year of a date (Art. 5(1)(c), 89(1)): a birth date becomes January 1st of its year, so age bands
   * stay countable while the person is no longer singled out by the day.
   *
   * <p>A {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime} or {@code ZonedDateTime} keeps its type and
   * becomes the first moment of its year (in its own offset or zone), an {@code Instant} the first moment of its year
   * in UTC; any other value becomes {@code null}. A value already cut to its year stays as it is, so erasing twice
   * changes nothing.
   *
   * @since 0.2
   */
  static ErasureStrategy keepYear() {
    return KeepYear.INSTANCE;
  }

  /**
   * Keeps only the last four digits of a number or a text (Art. 5(1)(c)), such as the end of a card, account or
   * phone number that a receipt or a support call still needs to be recognised by.
   *
   * <p>An {@code Integer}, {@code Long}, {@code Short} or {@code BigInteger} keeps its type and becomes its absolute
   * value modulo 10,000; a text keeps its last four decimal digits and drops every other character, so
   * {@code "+49 30 1234 567"} becomes {@code "4567"}; any other value becomes {@code null}. A value cut already stays
   * as it is, so erasing twice changes nothing.
   *
   * @since 0.2
   */
  static ErasureStrategy keepLastFour() {
    return KeepLastFour.INSTANCE;
  }

  /**
   * Keeps the field under a legal obligation for {@code period} after the record's date, such as an invoice
   * kept ten years for tax law; the erasure report lists it as retained, not erased.
   *
   * <p>The period is at most 100 years, and a record dated in the future is kept for the period from the time of
   * the erasure, so no date a host supplies can keep a field for ever.
   *
   * @param obligation the law that requires keeping it, in words an auditor understands
   * @param period how long after the record's date it is kept; positive, at most 100 years
   */
  static ErasureStrategy retain(String obligation, Period period) {
    return new Retain(obligation, period);
  }

  /** Deletes the whole record. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum DeleteRecord implements ErasureStrategy {
    /** The one instance. */
    INSTANCE
  }

  /** Clears the field. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum SetNull implements ErasureStrategy {
    /** The one instance. */
    INSTANCE
  }

  /** Pseudonymises the field with a keyed hash. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum KeyedHash implements ErasureStrategy {
    /** The one instance. */
    INSTANCE
  }

  /** Masks an IP address to its network. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum MaskIp implements ErasureStrategy {
    /** The one instance. */
    INSTANCE
  }

  /** Keeps only the year of a date. */
  @API(status = EXPERIMENTAL, since = "0.2")
  enum KeepYear implements ErasureStrategy {
    /** The one instance. */
    INSTANCE
  }

  /** Keeps only the last four digits of a number or a text. */
  @API(status = EXPERIMENTAL, since = "0.2")
  enum KeepLastFour implements ErasureStrategy {
    /** The one instance. */
    INSTANCE
  }

  /**
   * Replaces the field with a fixed value.
   *
   * @param replacement the value written instead
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Replace(Object replacement) implements ErasureStrategy {
    /** Validates the replacement. */
    public Replace {
      Preconditions.notNull(replacement, "replacement");
    }
  }

  /**
   * Keeps the field under a legal obligation.
   *
   * @param obligation the law that requires keeping it
   * @param period how long after the record's date it is kept
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Retain(String obligation, Period period) implements ErasureStrategy {
    /** Validates the fields. */
    public Retain {
      Preconditions.text(obligation, "obligation", 200);
      Bounds.period(period, "retention period");
    }
  }

  /** Returns the replacement for {@link Replace}, else null; a convenience for switch-less code. */
  default @Nullable Object replacement() {
    return this instanceof Replace replace ? replace.replacement() : null;
  }
}
