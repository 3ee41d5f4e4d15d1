package io.gdprkit.spring.selfservice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A fixed-window limit on the requests made with one token, as a first defence against a leaked link being used to
 * hammer the subject's data.
 *
 * <p><b>Warning:</b> the state is per instance and in memory: behind a load balancer with {@code n} instances a token
 * gets up to {@code n} times the limit, and a restart forgets every window. It is bounded (Caffeine, least recently
 * used windows evicted first), so a flood of distinct forged tokens cannot exhaust memory, though it can evict the
 * windows of real ones. Put a shared limiter in front (a gateway, a reverse proxy) where that matters. Tokens are kept
 * only as their SHA-256. Thread-safe.
 *
 * <p>The self-service endpoints take a permit before they look at the token; it is a bean, so a host's own pages
 * reached through the same signed links (an HTML preference center, say) share the token's window with them.
 *
 * <p>Usage example: <pre>{@code if (!limiter.acquire(token).isZero()) { return tooManyRequests(); }}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class TokenRateLimiter {

  private final Cache<String, Window> windows;
  private final int permits;
  private final long periodNanos;
  private final Ticker ticker;

  /** A limiter with the given window, on the system ticker, as {@code gdpr.self-service.rate-limit.*} configures it. */
  public static TokenRateLimiter of(SelfServiceProperties.RateLimit limit) {
    return new TokenRateLimiter(limit.requests(), limit.period(), limit.maxTracked(), Ticker.systemTicker());
  }

  TokenRateLimiter(int permits, Duration period, long maxTracked, Ticker ticker) {
    this.permits = permits;
    this.periodNanos = period.toNanos();
    this.ticker = ticker;
    this.windows = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterWrite(period).ticker(ticker).build();
  }

  /**
   * Takes one permit for the token.
   *
   * @return zero when the request may go on, else how long until the token's window ends
   */
  public Duration acquire(String token) {
    Window window = windows.get(digest(token), key -> new Window(ticker.read()));
    if (window.count.incrementAndGet() <= permits) {
      return Duration.ZERO;
    }
    long left = window.startNanos + periodNanos - ticker.read();
    return Duration.ofNanos(Math.max(left, 1L));
  }

  private static String digest(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static final class Window {
    final long startNanos;
    final AtomicInteger count = new AtomicInteger();

    Window(long startNanos) {
      this.startNanos = startNanos;
    }
  }
}
