package io.gdprkit.jpa.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apiguardian.api.API;

/**
 * Instants at the precision of the scripts' timestamps, microseconds: a store truncates what it writes, so that what
 * it reads back, and what it derived from it before writing (a snapshot, a comparison), is the same instant.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class Micros {

  private Micros() {}

  /** Returns {@code instant} without its nanoseconds below the microsecond. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Returns {@code instant} as microseconds since the epoch. */
  public static long of(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** Returns the instant {@code micros} microseconds after the epoch. */
  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
