package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.SeededRandom;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the consent fold over generated event sequences, 1,000 seeded cases each. */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class ConsentFoldTests {

  private static final SubjectId SUBJECT = SubjectId.of("s-1");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static LongStream seeds() {
    return SeededRandom.seeds(1_000);
  }

  /** Returns up to 40 event types of any order, the empty sequence included. */
  private static List<ConsentEventType> sequence(long seed) {
    return SeededRandom.of(seed).listOf(40, random -> random.oneOf(ConsentEventType.class));
  }

  private static List<ConsentEvent> events(List<ConsentEventType> types) {
    List<ConsentEvent> events = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      ConsentEventType type = types.get(i);
      Instant at = T0.plusSeconds(i);
      Instant expiry = type == ConsentEventType.GRANTED || type == ConsentEventType.CONFIRMED ? at.plusSeconds(3600 + i)
          : null;
      events.add(new ConsentEvent(UUID.randomUUID(), SUBJECT, "p", type, i + 1, at, at,
          ConsentProof.of(ConsentChannel.API, Actor.subject()), expiry, "1"));
    }
    return events;
  }

  /** The status a single event leaves behind when it takes effect. */
  private static ConsentStatus statusAfter(ConsentEventType type) {
    return switch (type) {
      case GRANTED, CONFIRMED -> ConsentStatus.GRANTED;
      case PENDING_CONFIRMATION -> ConsentStatus.PENDING;
      case WITHDRAWN -> ConsentStatus.WITHDRAWN;
      case EXPIRED -> ConsentStatus.EXPIRED;
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stateEqualsTheLastEffectiveEvent(long seed) {
    List<ConsentEventType> types = sequence(seed);
    List<ConsentEvent> events = events(types);

    Optional<ConsentState> folded = ConsentState.fold(events);

    ConsentStatus status = null;
    ConsentEvent lastEffective = null;
    for (ConsentEvent event : events) {
      if (ConsentState.takesEffect(status, event.type())) {
        status = statusAfter(event.type());
        lastEffective = event;
      }
    }
    if (lastEffective == null) {
      assertThat(folded).isEmpty();
    } else {
      ConsentEvent effective = lastEffective;
      assertThat(folded).get().satisfies(state -> {
        assertThat(state.eventId()).isEqualTo(effective.id());
        assertThat(state.status()).isEqualTo(statusAfter(effective.type()));
        assertThat(state.since()).isEqualTo(effective.occurredAt());
        assertThat(state.expiresAt()).isEqualTo(
            state.status() == ConsentStatus.GRANTED ? effective.expiresAt() : null);
      });
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sequenceIsThatOfTheLastEventOnceAnyTookEffect(long seed) {
    List<ConsentEventType> types = sequence(seed);
    List<ConsentEvent> events = events(types);

    Optional<ConsentState> folded = ConsentState.fold(events);

    folded.ifPresent(state -> assertThat(state.sequence()).isEqualTo(events.size()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void foldingIsIncremental(long seed) {
    List<ConsentEventType> types = sequence(seed);
    List<ConsentEvent> events = events(types);
    ConsentState stepwise = null;

    for (int i = 0; i < events.size(); i++) {
      stepwise = ConsentState.apply(stepwise, events.get(i));
      assertThat(Optional.ofNullable(stepwise)).isEqualTo(ConsentState.fold(events.subList(0, i + 1)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void onlyAGrantOrAConfirmationEverAllowsProcessing(long seed) {
    List<ConsentEventType> types = sequence(seed);
    List<ConsentEvent> events = events(types);

    Optional<ConsentState> folded = ConsentState.fold(events);

    boolean anyGrant = types.contains(ConsentEventType.GRANTED) || types.contains(ConsentEventType.CONFIRMED);
    if (!anyGrant) {
      assertThat(folded.map(s -> s.isValidAt(T0.toEpochMilli()))).isNotEqualTo(Optional.of(true));
    }
  }
}
