package io.gdprkit.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTests {

  private static String format(Instant instant) {
    char[] buffer = new char[IsoInstants.MAX_LENGTH];
    int length = IsoInstants.format(instant, buffer);
    return length < 0 ? null : new String(buffer, 0, length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
      "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.000001Z", "2000-02-29T00:00:00.100Z", "1900-03-01T01:02:03Z",
      "0001-01-01T00:00:00.000000001Z", "2026-11-23T10:00:00.120Z"})
  void writesWhatToStringWritesAtTheEdges(String text) {
    Instant instant = Instant.parse(text);

    String formatted = format(instant);

    assertThat(formatted).isEqualTo(instant.toString());
  }

  @Test
  void writesWhatToStringWritesForAMillionRandomInstants() {
    SplittableRandom random = new SplittableRandom(20261123L);
    int[] granularity = {0, 1_000_000, 1_000, 1};

    for (int i = 0; i < 1_000_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
      int unit = granularity[random.nextInt(granularity.length)];
      int nanos = unit == 0 ? 0 : random.nextInt(1_000_000_000 / unit) * unit;
      Instant instant = Instant.ofEpochSecond(seconds, nanos);

      assertThat(format(instant)).isEqualTo(instant.toString());
    }
  }

  @Test
  void leavesYearsOutsideFourDigitsToToString() {
    assertThat(format(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
    assertThat(format(Instant.parse("-0001-12-31T23:59:59Z"))).isNull();
  }
}
