package io.gdprkit.jpa.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Ticker;
import io.gdprkit.internal.Preconditions;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How many subjects' decisions {@link CachingConsentStore} keeps, and how stale a kept one may get.
 *
 * <p>Why a staleness bound: a withdrawal must take effect promptly (Art. 7(3)), and a restriction (Art. 18(1)) or an
 * objection (Art. 21) as soon as it is recorded. A write through this instance takes effect here at once, and the
 * change feed ({@link CachingConsentStore#poll()}) brings other instances' writes in as often as the host polls it;
 * {@code staleness} is the bound that holds even when a poll is late, missed or failing: an entry is never served
 * longer than that after the moment its snapshot was read from the database, and an older one is read again. It is
 * also how long an erasure made through another instance may take to reach this one, since the feed cannot see a row
 * that was deleted.
 *
 * <p>{@code lookBack} is how far before the latest change it has seen the feed reads again at every poll: a change is
 * stamped with the database's time when its transaction writes it, but becomes visible only when that transaction
 * commits, possibly after a later-stamped change was already read. A transaction that takes longer than
 * {@code lookBack} between its write and its commit is missed by the feed and reaches this instance within
 * {@code staleness} instead.
 *
 * <p>The ticker measures staleness; it counts nanoseconds and need not be wall time. A decision does not read it: the
 * cache's own clock does, every tenth of the bound (at least every 100 ms), and an entry is served for the bound less
 * one such tick, so that the bound holds though that clock lags the ticker (see {@link CachingConsentStore}). Tests pass one they move by hand;
 * hosts keep {@link Ticker#systemTicker()}.
 *
 * <p>Usage example: <pre>{@code ConsentCacheOptions.defaults().withStaleness(Duration.ofSeconds(2))}</pre>
 *
 * @param maximumSize how many subjects are cached at most; from 1 to {@link #MAX_SIZE}
 * @param staleness how long after its snapshot was read an entry may still be served; positive, at most
 *     {@link #MAX_STALENESS}
 * @param lookBack how far before the latest change seen each poll reads again; zero or positive, at most
 *     {@link #MAX_LOOK_BACK}
 * @param ticker the nanosecond time source staleness is measured on
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ConsentCacheOptions(int maximumSize, Duration staleness, Duration lookBack, Ticker ticker) {

  /** How many subjects are cached unless changed. */
  public static final int DEFAULT_SIZE = 100_000;

  /** The largest size accepted: a subject's snapshot takes a few hundred bytes. */
  public static final int MAX_SIZE = 10_000_000;

  /** How stale an entry may get unless changed. */
  public static final Duration DEFAULT_STALENESS = Duration.ofSeconds(5);

  /**
   * The largest staleness accepted: a withdrawal, restriction or objection made through another instance must take
   * hold here without undue delay (Art. 7(3), 18(1), 21(3)), and an erasure (Art. 17(1)) only ever does through it.
   */
  public static final Duration MAX_STALENESS = Duration.ofMinutes(5);

  /** How far back each poll reads again unless changed. */
  public static final Duration DEFAULT_LOOK_BACK = Duration.ofSeconds(5);

  /** The largest look-back accepted: every poll reads again every change of that long, whatever it holds. */
  public static final Duration MAX_LOOK_BACK = Duration.ofMinutes(5);

  /** Validates the fields. */
  public ConsentCacheOptions {
    Preconditions.check(maximumSize >= 1 && maximumSize <= MAX_SIZE, "maximumSize",
        "must be between 1 and " + MAX_SIZE + ", was " + maximumSize);
    Preconditions.notNull(staleness, "staleness");
    Preconditions.check(staleness.compareTo(Duration.ZERO) > 0 && staleness.compareTo(MAX_STALENESS) <= 0,
        "staleness", "must be positive and at most " + MAX_STALENESS + ", was " + staleness);
    Preconditions.notNull(lookBack, "lookBack");
    Preconditions.check(!lookBack.isNegative() && lookBack.compareTo(MAX_LOOK_BACK) <= 0, "lookBack",
        "must be zero or positive and at most " + MAX_LOOK_BACK + ", was " + lookBack);
    Preconditions.notNull(ticker, "ticker");
  }

  /**
   * Returns {@link #DEFAULT_SIZE} subjects, {@link #DEFAULT_STALENESS} and {@link #DEFAULT_LOOK_BACK} on the system
   * ticker.
   */
  public static ConsentCacheOptions defaults() {
    return new ConsentCacheOptions(DEFAULT_SIZE, DEFAULT_STALENESS, DEFAULT_LOOK_BACK, Ticker.systemTicker());
  }

  /** Returns these options with another maximum size. */
  public ConsentCacheOptions withMaximumSize(int value) {
    return new ConsentCacheOptions(value, staleness, lookBack, ticker);
  }

  /** Returns these options with another staleness bound. */
  public ConsentCacheOptions withStaleness(Duration value) {
    return new ConsentCacheOptions(maximumSize, value, lookBack, ticker);
  }

  /** Returns these options with another look-back of the change feed. */
  public ConsentCacheOptions withLookBack(Duration value) {
    return new ConsentCacheOptions(maximumSize, staleness, value, ticker);
  }

  /** Returns these options measuring staleness on another ticker. */
  public ConsentCacheOptions withTicker(Ticker value) {
    return new ConsentCacheOptions(maximumSize, staleness, lookBack, value);
  }
}
