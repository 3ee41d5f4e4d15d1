package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apiguardian.api.API;

/**
 * Computes when a subject request must be answered: one month from receipt, extendable by up to two further months.
 *
 * <p>Art. 12(3) GDPR asks for an answer "without undue delay and in any event within one month of receipt of the
 * request", extendable "by two further months where necessary". The GDPR counts such periods by Regulation (EEC,
 * Euratom) No 1182/71, which this class follows:
 * <ul>
 *   <li>the day of receipt is not counted (Art. 3(1)): the receipt instant is turned into a date in the controller's
 *       time zone, and the period runs from that date;</li>
 *   <li>a period of months ends with the last hour of the day in the last month that has the same date as the day it
 *       runs from (Art. 3(2)(c)), which is {@link LocalDate#plusMonths(long)}: a request received on 15 January is due
 *       on 15 February;</li>
 *   <li>when that date does not exist in the last month, the period ends with the last day of that month (same
 *       article): a request received on 31 January is due on 28 February, or on 29 February in a leap year, and one
 *       received on 31 March is due on 30 April. {@code plusMonths} clamps to the month's last day in exactly this
 *       way;</li>
 *   <li>the deadline is the end of the due date in the zone, written as the first instant of the next day: a request
 *       is overdue from that instant on. A request received late in the evening in Berlin, already the next day
 *       in UTC, counts from the Berlin date.</li>
 * </ul>
 *
 * <p>An extension adds its months the same way to the original due date, the day from which the further period
 * runs: 28 February plus two months is 28 April. Counting the three months from receipt instead could give a later
 * date (30 April for a receipt on 31 January), never an earlier one, so this reading is the cautious one.
 *
 * <p><b>Warning:</b> Art. 3(4) of Regulation 1182/71 moves a period that ends on a public holiday, a Saturday or a
 * Sunday to the end of the next working day. Holidays differ by member state and are not applied here: deadlines
 * may come a little earlier than the law requires, never later.
 *
 * <p>Usage example: <pre>{@code Instant due = DueDates.dueAt(Instant.parse("2026-01-31T10:00:00Z"), ZoneId.of("Europe/Berlin"));  // 2026-02-28T23:00:00Z}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DueDates {

  /** The months an answer may take without an extension (Art. 12(3) GDPR). */
  public static final int MONTHS = 1;

  /** The most months an extension may add (Art. 12(3) GDPR). */
  public static final int MAX_EXTENSION_MONTHS = 2;

  private DueDates() {}

  /**
   * Returns the date by which a request received at {@code receivedAt} must be answered, in {@code zone}.
   *
   * @param receivedAt when the request was received
   * @param zone the controller's time zone, in which dates are counted
   * @return the receipt date in the zone plus one month, clamped to the last day of a shorter month
   */
  public static LocalDate dueDate(Instant receivedAt, ZoneId zone) {
    Preconditions.notNull(receivedAt, "receivedAt");
    Preconditions.notNull(zone, "zone");
    return receivedAt.atZone(zone).toLocalDate().plusMonths(MONTHS);
  }

  /**
   * Returns the deadline of a request received at {@code receivedAt}: the end of its {@linkplain #dueDate due date}.
   *
   * @return the first instant after the due date in {@code zone}; the request is overdue from then on
   */
  public static Instant dueAt(Instant receivedAt, ZoneId zone) {
    return endOf(dueDate(receivedAt, zone), zone);
  }

  /**
   * Returns the deadline after an extension by {@code months}, counted from the original due date.
   *
   * @param dueAt the original deadline, as {@link #dueAt} returned it
   * @param zone the zone the original deadline was computed in
   * @param months 1 or 2
   * @return the first instant after the extended due date in {@code zone}
   * @throws io.gdprkit.InvalidInputException if {@code months} is not 1 or 2
   */
  public static Instant extendedDueAt(Instant dueAt, ZoneId zone, int months) {
    Preconditions.notNull(dueAt, "dueAt");
    Preconditions.notNull(zone, "zone");
    checkExtensionMonths(months);
    return endOf(dueDateOf(dueAt, zone).plusMonths(months), zone);
  }

  /**
   * Returns the date whose end is {@code deadline}: the due date a deadline from {@link #dueAt} stands for.
   *
   * @param deadline a deadline from {@link #dueAt} or {@link #extendedDueAt}
   * @param zone the zone it was computed in
   * @return the last day on which the request is not yet overdue
   */
  public static LocalDate dueDateOf(Instant deadline, ZoneId zone) {
    return Preconditions.notNull(deadline, "deadline").atZone(Preconditions.notNull(zone, "zone")).toLocalDate()
        .minusDays(1);
  }

  /** Fails unless {@code months} is an extension the GDPR allows: 1 or 2. */
  private static int checkExtensionMonths(int months) {
    Preconditions.check(months >= 1 && months <= MAX_EXTENSION_MONTHS, "months",
        "must be 1 or " + MAX_EXTENSION_MONTHS + " (Art. 12(3) GDPR allows two further months at most)");
    return months;
  }

  private static Instant endOf(LocalDate date, ZoneId zone) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
