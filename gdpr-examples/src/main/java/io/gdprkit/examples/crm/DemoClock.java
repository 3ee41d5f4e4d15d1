package io.gdprkit.examples.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock: the real time plus an offset the demo moves forward with a button, so that a person can watch a
 * subject request go overdue, a consent expire or a retention rule fall due without waiting a month. Microseconds, as
 * the databases keep them.
 */
public final class DemoClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public DemoClock(Clock base) {
    this.base = base;
  }

  /** A clock standing still at {@code start} until moved: the console walkthroughs tell their story on it. */
  public static DemoClock startingAt(Instant start) {
    return new DemoClock(Clock.fixed(start, ZoneOffset.UTC));
  }

  /** Moves the demo's time forward. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the demo clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
  }

  /** How far the demo's time is ahead of the real time. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
  }
}
