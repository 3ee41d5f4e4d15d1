package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The range every duration, period and instant gdpr-kit accepts must lie in, and the checks that enforce it.
 *
 * <p>Without bounds, {@code Instant.MAX} as a grant date or a hundred-thousand-year token validity reaches
 * {@code Instant.plus} or {@code ZonedDateTime.plus} deep inside a call, after something was already written, and
 * fails there with a raw {@code ArithmeticException} or {@code DateTimeException}. Checked up front against these
 * bounds, such a value fails with an {@link InvalidInputException} naming the field, before anything is written:
 *
 * <ul>
 *   <li>durations and periods: positive where a length is meant, and at most {@linkplain #MAX_DURATION 100 years}
 *       (36,525 days);
 *   <li>instants: from {@linkplain #EARLIEST 1970-01-01T00:00:00Z} to {@linkplain #LATEST 9999-12-31T23:59:59Z}.
 * </ul>
 *
 * <p>Any instant in range plus any duration in range stays far inside what {@code Instant} and {@code ZonedDateTime}
 * can hold, so no arithmetic on bounded values overflows.
 *
 * <p>Usage example: <pre>{@code Bounds.instant(occurredAt, "occurredAt");}</pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Bounds {

  /** The longest duration or period accepted: 100 years of 365.25 days. */
  public static final Duration MAX_DURATION = Duration.ofDays(36_525);

  /** The earliest instant accepted: the Unix epoch. */
  public static final Instant EARLIEST = Instant.EPOCH;

  /** The latest instant accepted: the last second of year 9999. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private static final LocalDate PERIOD_BASE = LocalDate.of(2000, 1, 1);
  private static final LocalDate PERIOD_LIMIT = PERIOD_BASE.plusDays(MAX_DURATION.toDays());

  private Bounds() {}

  /** Fails unless {@code value} is at least {@code min} and at most {@link #MAX_DURATION}. */
  public static Duration duration(@Nullable Duration value, String field, Duration min) {
    Preconditions.notNull(value, field);
    if (value.compareTo(min) < 0) {
      throw InvalidInputException.of(field, "must be at least " + min);
    }
    return notLonger(value, field);
  }

  /** Fails when {@code value} is longer than {@link #MAX_DURATION}; for checks that test the lower bound themselves. */
  public static Duration notLonger(Duration value, String field) {
    if (value.compareTo(MAX_DURATION) > 0) {
      throw InvalidInputException.of(field, "must be at most 100 years (" + MAX_DURATION.toDays() + " days)");
    }
    return value;
  }

  /** Fails unless {@code value} is positive and at most {@link #MAX_DURATION}. */
  public static Duration positive(@Nullable Duration value, String field) {
    Preconditions.notNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw InvalidInputException.of(field, "must be positive");
    }
    return duration(value, field, Duration.ofNanos(1));
  }

  /** Fails unless {@code value} is zero or positive and at most {@link #MAX_DURATION}. */
  public static Duration notNegative(@Nullable Duration value, String field) {
    return duration(value, field, Duration.ZERO);
  }

  /** Fails unless {@code value} has no negative part, is not zero, and spans at most 100 years. */
  public static Period period(@Nullable Period value, String field) {
    Preconditions.notNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw InvalidInputException.of(field, "must be positive");
    }
    // Each part first, so that the date arithmetic below cannot overflow.
    if (value.getYears() > 100 || value.getMonths() > 1_200 || value.getDays() > MAX_DURATION.toDays()
        || PERIOD_BASE.plus(value).isAfter(PERIOD_LIMIT)) {
      throw InvalidInputException.of(field, "must be at most 100 years");
    }
    return value;
  }

  /** Fails unless {@code value} lies from {@link #EARLIEST} to {@link #LATEST}. */
  public static Instant instant(@Nullable Instant value, String field) {
    Preconditions.notNull(value, field);
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw InvalidInputException.of(field, "must lie from " + EARLIEST + " to " + LATEST);
    }
    return value;
  }

  /** Like {@link #instant} but lets {@code null} through, for optional instants. */
  public static @Nullable Instant optionalInstant(@Nullable Instant value, String field) {
    return value == null ? null : instant(value, field);
  }
}
