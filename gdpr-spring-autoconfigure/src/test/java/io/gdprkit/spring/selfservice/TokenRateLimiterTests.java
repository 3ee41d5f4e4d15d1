package io.gdprkit.spring.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenRateLimiterTests {

  private final AtomicLong nanos = new AtomicLong(1_000L);
  private final TokenRateLimiter limiter = new TokenRateLimiter(2, Duration.ofSeconds(60), 100, nanos::get);

  @Test
  void allowsThePermitsOfAWindowAndSaysWhenItEnds() {
    assertThat(limiter.acquire("t")).isZero();
    assertThat(limiter.acquire("t")).isZero();

    nanos.addAndGet(Duration.ofSeconds(20).toNanos());
    Duration wait = limiter.acquire("t");

    assertThat(wait).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void opensANewWindowOnceThePeriodHasPassed() {
    limiter.acquire("t");
    limiter.acquire("t");
    assertThat(limiter.acquire("t")).isPositive();

    nanos.addAndGet(Duration.ofSeconds(60).toNanos());

    assertThat(limiter.acquire("t")).isZero();
  }

  @Test
  void keepsTokensApart() {
    limiter.acquire("t");
    limiter.acquire("t");

    assertThat(limiter.acquire("u")).isZero();
  }
}
