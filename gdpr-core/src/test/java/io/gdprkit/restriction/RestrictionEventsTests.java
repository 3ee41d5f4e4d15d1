package io.gdprkit.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.event.GdprEvent;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RestrictionEventsTests {

  private final SubjectId alice = SubjectId.of("contact-42");
  private final Actor dpo = Actor.staff("dpo");
  private final List<GdprEvent> told = new CopyOnWriteArrayList<>();

  @Test
  void publishesEachPlacingAndLiftingButNotARepeat() {
    GdprKit gdpr = GdprKit.builder().onEvent(told::add).build();

    gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", dpo);
    gdpr.restrictions().restrict(alice, "again", dpo);
    gdpr.restrictions().lift(alice, "accuracy verified", dpo);

    assertThat(told).hasSize(2);
    assertThat(told.get(0)).isInstanceOfSatisfying(ProcessingRestricted.class,
        placed -> assertThat(placed.subject()).isEqualTo(alice));
    assertThat(told.get(1)).isInstanceOfSatisfying(RestrictionLifted.class,
        lifted -> assertThat(lifted.changedBy()).isEqualTo(dpo));
  }

  @Test
  void keepsTheRestrictionWhenAListenerFailsAfterTheCommit() {
    // Issue 9: listeners run after the commit; a failing one cannot undo the restriction or make the call throw
    GdprKit gdpr = GdprKit.builder().onEvent(event -> {
      throw new IllegalStateException("cache down");
    }).build();

    gdpr.restrictions().restrict(alice, "objection pending (Art. 18(1)(d))", dpo);

    assertThat(gdpr.restrictions().isRestricted(alice)).isTrue();
    assertThat(gdpr.restrictions().history(alice)).singleElement().extracting(c -> c.sequence()).isEqualTo(1L);
  }

  @Test
  void publishesNoFreeTextReason() {
    GdprKit gdpr = GdprKit.builder().onEvent(told::add).build();

    gdpr.restrictions().restrict(alice, "Alice Smith called, says her address is wrong", dpo);

    assertThat(told).singleElement().asString().doesNotContain("Alice Smith", "address");
  }
}
