package io.gdprkit.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.HostCodeException;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RestrictionListenerTests {

  private final SubjectId alice = SubjectId.of("contact-42");
  private final Actor dpo = Actor.staff("dpo");
  private final List<RestrictionChange> told = new CopyOnWriteArrayList<>();

  @Test
  void tellsListenersOfEachPlacingAndLiftingButNotOfARepeat() {
    GdprKit gdpr = GdprKit.builder().onRestriction(told::add).build();

    RestrictionChange placed = gdpr.restrictions().restrict(alice, "accuracy contested (Art. 18(1)(a))", dpo);
    gdpr.restrictions().restrict(alice, "again", dpo);
    RestrictionChange lifted = gdpr.restrictions().lift(alice, "accuracy verified", dpo);

    assertThat(told).containsExactly(placed, lifted);
  }

  @Test
  void aFailingListenerMakesTheCallThrowWithTheRestrictionAlreadyInForce() {
    GdprKit gdpr = GdprKit.builder().onRestriction(change -> {
      throw new IllegalStateException("cache down");
    }).build();

    assertThatThrownBy(() -> gdpr.restrictions().restrict(alice, "objection pending (Art. 18(1)(d))", dpo))
        .isInstanceOf(HostCodeException.class).hasCauseInstanceOf(IllegalStateException.class);

    assertThat(gdpr.restrictions().isRestricted(alice)).isTrue();
  }
}
