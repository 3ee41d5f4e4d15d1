package io.gdprkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the consent fold over arbitrary event sequences. */
class ConsentFoldProperties {

  private static final SubjectId SUBJECT = SubjectId.of("s-1");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Provide
  Arbitrary<List<ConsentEventType>> sequences() {
    return Arbitraries.of(ConsentEventType.class).list().ofMaxSize(40);
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

  @Property
  void stateEqualsTheLastEffectiveEvent(@ForAll("sequences") List<ConsentEventType> types) {
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

  @Property
  void sequenceIsThatOfTheLastEventOnceAnyTookEffect(@ForAll("sequences") List<ConsentEventType> types) {
    List<ConsentEvent> events = events(types);

    Optional<ConsentState> folded = ConsentState.fold(events);

    folded.ifPresent(state -> assertThat(state.sequence()).isEqualTo(events.size()));
  }

  @Property
  void foldingIsIncremental(@ForAll("sequences") List<ConsentEventType> types) {
    List<ConsentEvent> events = events(types);
    ConsentState stepwise = null;

    for (int i = 0; i < events.size(); i++) {
      stepwise = ConsentState.apply(stepwise, events.get(i));
      assertThat(Optional.ofNullable(stepwise)).isEqualTo(ConsentState.fold(events.subList(0, i + 1)));
    }
  }

  @Property
  void onlyAGrantOrAConfirmationEverAllowsProcessing(@ForAll("sequences") List<ConsentEventType> types) {
    List<ConsentEvent> events = events(types);

    Optional<ConsentState> folded = ConsentState.fold(events);

    boolean anyGrant = types.contains(ConsentEventType.GRANTED) || types.contains(ConsentEventType.CONFIRMED);
    if (!anyGrant) {
      assertThat(folded.map(s -> s.isValidAt(T0.toEpochMilli()))).isNotEqualTo(Optional.of(true));
    }
  }
}
