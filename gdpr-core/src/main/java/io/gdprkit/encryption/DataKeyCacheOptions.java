package io.gdprkit.encryption;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Ticker;
import io.gdprkit.internal.Preconditions;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How many unwrapped data keys {@link FieldEncryption} keeps in memory, and for how long.
 *
 * <p>Why a time to live: a key shredded through another application instance sharing the
 * {@link io.gdprkit.encryption.spi.SubjectKeyStore} is not evicted from this instance's cache, which serves it
 * until the entry expires. So {@code timeToLive} is the staleness bound: a key destroyed elsewhere still decrypts
 * here for at most that long after this instance loaded it. A shred through this instance evicts the key at once.
 * A shorter time to live means more store reads and unwraps; a larger size, more memory (a key with its cached
 * associated data takes a few hundred bytes).
 *
 * <p>The ticker measures the time to live; it counts nanoseconds and need not be wall time. Tests pass one they
 * move by hand; hosts keep {@link Ticker#systemTicker()}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().dataKeyCache(DataKeyCacheOptions.defaults().withTimeToLive(Duration.ofMinutes(1)))}</pre>
 *
 * @param maximumSize how many subjects' keys are cached at most; from 1 to {@link #MAX_SIZE}
 * @param timeToLive how long after loading a key it is used without asking the store again; positive, at most
 *     {@link #MAX_TIME_TO_LIVE}
 * @param ticker the nanosecond time source the time to live is measured on
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DataKeyCacheOptions(int maximumSize, Duration timeToLive, Ticker ticker) {

  /** How many keys are cached unless changed. */
  public static final int DEFAULT_SIZE = 10_000;

  /** The largest size accepted: a million subjects' keys take some hundreds of megabytes. */
  public static final int MAX_SIZE = 1_000_000;

  /** How long a key is cached unless changed. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

  /**
   * The longest time to live accepted: an erasure done elsewhere must take hold here without undue delay
   * (Art. 17(1)).
   */
  public static final Duration MAX_TIME_TO_LIVE = Duration.ofHours(1);

  /** Validates the fields. */
  public DataKeyCacheOptions {
    Preconditions.check(maximumSize >= 1 && maximumSize <= MAX_SIZE, "maximumSize",
        "must be between 1 and " + MAX_SIZE + ", was " + maximumSize);
    Preconditions.notNull(timeToLive, "timeToLive");
    Preconditions.check(timeToLive.compareTo(Duration.ZERO) > 0 && timeToLive.compareTo(MAX_TIME_TO_LIVE) <= 0,
        "timeToLive", "must be positive and at most " + MAX_TIME_TO_LIVE + ", was " + timeToLive);
    Preconditions.notNull(ticker, "ticker");
  }

  /** Returns {@link #DEFAULT_SIZE} keys for {@link #DEFAULT_TIME_TO_LIVE} on the system ticker. */
  public static DataKeyCacheOptions defaults() {
    return new DataKeyCacheOptions(DEFAULT_SIZE, DEFAULT_TIME_TO_LIVE, Ticker.systemTicker());
  }

  /** Returns these options with another maximum size. */
  public DataKeyCacheOptions withMaximumSize(int value) {
    return new DataKeyCacheOptions(value, timeToLive, ticker);
  }

  /** Returns these options with another time to live. */
  public DataKeyCacheOptions withTimeToLive(Duration value) {
    return new DataKeyCacheOptions(maximumSize, value, ticker);
  }

  /** Returns these options measuring time on another ticker. */
  public DataKeyCacheOptions withTicker(Ticker value) {
    return new DataKeyCacheOptions(maximumSize, timeToLive, value);
  }
}
