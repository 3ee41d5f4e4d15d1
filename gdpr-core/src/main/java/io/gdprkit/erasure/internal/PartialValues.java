package io.gdprkit.erasure.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a value that the keep-part strategies leave: the year of a date, the last four digits of a number or a
 * text. Each cut is idempotent: cutting a cut value returns it unchanged, so a resumed erasure plans nothing more.
 */
final class PartialValues {

  private static final int DIGITS = 4;
  private static final int MODULUS = 10_000;
  private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

  private PartialValues() {}

  /** Returns the first moment of the value's year in the value's own type, or null for a value that is no date. */
  static @Nullable Object year(Object value) {
    if (value instanceof LocalDate date) {
      return date.withDayOfYear(1);
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate().withDayOfYear(1).atStartOfDay();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toLocalDate().withDayOfYear(1).atStartOfDay().atOffset(dateTime.getOffset());
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toLocalDate().withDayOfYear(1).atStartOfDay(dateTime.getZone());
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return null;
  }

  /**
   * Returns the last four digits: of an integral number, its absolute value modulo 10,000 in its own type; of a text,
   * its last four decimal digits with every other character dropped; null for any other value.
   */
  static @Nullable Object lastFour(Object value) {
    if (value instanceof Integer number) {
      return Math.abs(number % MODULUS);
    }
    if (value instanceof Long number) {
      return Math.abs(number % MODULUS);
    }
    if (value instanceof Short number) {
      return (short) Math.abs(number % MODULUS);
    }
    if (value instanceof BigInteger number) {
      return number.abs().mod(BIG_MODULUS);
    }
    if (value instanceof CharSequence text) {
      char[] kept = new char[DIGITS];
      int found = 0;
      for (int i = text.length() - 1; i >= 0 && found < DIGITS; i--) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          kept[DIGITS - 1 - found++] = c;
        }
      }
      return new String(kept, DIGITS - found, found);
    }
    return null;
  }
}
