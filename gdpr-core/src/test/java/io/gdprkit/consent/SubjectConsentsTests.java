package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.SeededRandom;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact snapshot answers exactly as the states it was built from, for any number of purposes; 1,000 seeded
 * cases each.
 */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class SubjectConsentsTests {

  private static final SubjectId SUBJECT = SubjectId.of("s");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  record Update(int purpose, ConsentStatus status, long expirySeconds) {}

  static LongStream seeds() {
    return SeededRandom.seeds(1_000);
  }

  /** Returns up to 30 updates of ten purposes, without expiry ({@code -1}) or expiring within 10,000 s. */
  private static List<Update> updates(SeededRandom random) {
    return random.listOf(30, r -> new Update(r.intBetween(0, 9), r.oneOf(ConsentStatus.class),
        r.longBetween(-1, 10_000)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void statusAtAgreesWithTheStoredStates(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    List<Update> updates = updates(random);
    long probeSeconds = random.anyLong();
    SubjectConsents snapshot = SubjectConsents.EMPTY;
    Map<String, ConsentState> expected = new HashMap<>();
    long sequence = 1;
    for (Update update : updates) {
      String purpose = "p" + update.purpose();
      Instant expiry = update.status() == ConsentStatus.GRANTED && update.expirySeconds() >= 0
          ? T0.plusSeconds(update.expirySeconds() + 1) : null;
      ConsentState state = new ConsentState(SUBJECT, purpose, update.status(), sequence++, UUID.randomUUID(), T0,
          expiry, "1");
      snapshot = snapshot.with(state);
      expected.put(purpose, state);
    }
    long probe = T0.toEpochMilli() + Math.floorMod(probeSeconds, 12_000L) * 1000;

    for (int i = 0; i < 10; i++) {
      String purpose = "p" + i;
      ConsentState state = expected.get(purpose);
      assertThat(snapshot.state(purpose)).isEqualTo(state);
      ConsentStatus expectedStatus = state == null ? null : state.statusAt(Instant.ofEpochMilli(probe));
      assertThat(snapshot.statusAt(purpose, probe)).isEqualTo(expectedStatus);
      assertThat(snapshot.statusAt(purpose, Clock.fixed(Instant.ofEpochMilli(probe), ZoneOffset.UTC)))
          .isEqualTo(expectedStatus);
    }
    assertThat(snapshot.states()).isEqualTo(expected);
    assertThat(SubjectConsents.of(expected, Map.of())).isEqualTo(snapshot);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void switchesSurviveStateUpdates(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    boolean profiling = random.anyBoolean();
    List<Update> updates = updates(random);
    SubjectConsents snapshot = SubjectConsents.EMPTY.with(ProcessingSwitch.PROFILING, profiling);
    long sequence = 1;
    for (Update update : updates) {
      snapshot = snapshot.with(new ConsentState(SUBJECT, "p" + update.purpose(), update.status(), sequence++,
          UUID.randomUUID(), T0, null, "1"));
    }

    assertThat(snapshot.switchSetting(ProcessingSwitch.PROFILING)).isEqualTo(profiling);
    assertThat(snapshot.switchSetting(ProcessingSwitch.TRACKING)).isNull();
    assertThat(snapshot.switches()).containsExactly(Map.entry(ProcessingSwitch.PROFILING, profiling));
  }
}
