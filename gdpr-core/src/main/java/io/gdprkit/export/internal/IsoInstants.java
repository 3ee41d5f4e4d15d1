package io.gdprkit.export.internal;

import java.time.Instant;

/**
 * Formats an {@code Instant} exactly as {@link Instant#toString()} does, into a reused {@code char[]}.
 *
 * <p>{@code toString()} goes through {@code DateTimeFormatter} and allocates about 500 bytes per call; an export
 * formats one instant per data item, so that was most of what an export allocated. Years 0 to 9999 take the fast
 * path (the fraction has 0, 3, 6 or 9 digits, as in {@code toString()}); other years fall back to
 * {@code toString()}.
 */
final class IsoInstants {

  /** Long enough for {@code 9999-12-31T23:59:59.999999999Z}. */
  static final int MAX_LENGTH = 30;

  private static final long SECONDS_PER_DAY = 86_400;
  /** 0000-01-01T00:00:00Z. */
  private static final long MIN_SECOND = -62_167_219_200L;
  /** 9999-12-31T23:59:59Z. */
  private static final long MAX_SECOND = 253_402_300_799L;

  private IsoInstants() {}

  /**
   * Writes the instant's ISO-8601 text into {@code buffer} from index 0.
   *
   * @param buffer at least {@link #MAX_LENGTH} long
   * @return the text's length, or -1 when the year is outside 0 to 9999 and the caller must use {@code toString()}
   */
  static int format(Instant instant, char[] buffer) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
      return -1;
    }
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // Civil date from days since the epoch: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);

    digits(buffer, 0, year, 4);
    buffer[4] = '-';
    digits(buffer, 5, month, 2);
    buffer[7] = '-';
    digits(buffer, 8, day, 2);
    buffer[10] = 'T';
    digits(buffer, 11, secondOfDay / 3600, 2);
    buffer[13] = ':';
    digits(buffer, 14, secondOfDay / 60 % 60, 2);
    buffer[16] = ':';
    digits(buffer, 17, secondOfDay % 60, 2);
    int length = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      buffer[length++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(buffer, length, nanos / 1_000_000, 3);
        length += 3;
      } else if (nanos % 1_000 == 0) {
        digits(buffer, length, nanos / 1_000, 6);
        length += 6;
      } else {
        digits(buffer, length, nanos, 9);
        length += 9;
      }
    }
    buffer[length++] = 'Z';
    return length;
  }

  private static void digits(char[] buffer, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      buffer[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
