package io.gdprkit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.TestClock;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceServiceTests {

  private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
  private final GdprKit gdpr = GdprKit.builder().clock(clock).build();
  private final SubjectId alice = SubjectId.of("contact-42");

  @Test
  void keepsEverySourceOfASubjectWithItsTime() {
    gdpr.sources().tag(alice, Origin.thirdParty("Acme Leads Ltd"));
    clock.advance(Duration.ofDays(2));
    gdpr.sources().tag(alice, Origin.manualEntry("user-17"));

    assertThat(gdpr.sources().tags(alice))
        .extracting(SourceTag::origin, SourceTag::taggedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Origin.thirdParty("Acme Leads Ltd"), clock.instant().minus(Duration.ofDays(2))),
            org.assertj.core.groups.Tuple.tuple(Origin.manualEntry("user-17"), clock.instant()));
    assertThat(gdpr.sources().tags(SubjectId.of("nobody"))).isEmpty();
  }

  @Test
  void pagesThroughEverySubjectFromOneOrigin() {
    Origin file = Origin.importFile("fair.csv");
    for (int i = 0; i < 25; i++) {
      gdpr.sources().tag(SubjectId.of(String.format("lead-%02d", i)), file);
    }
    gdpr.sources().tag(SubjectId.of("lead-03"), file);
    gdpr.sources().tag(SubjectId.of("other"), Origin.apiClient("shop"));

    List<SubjectId> seen = new ArrayList<>();
    List<SubjectId> page = gdpr.sources().subjectsFrom(file, null, 10);
    while (!page.isEmpty()) {
      seen.addAll(page);
      page = gdpr.sources().subjectsFrom(file, page.get(page.size() - 1), 10);
    }

    assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted().doesNotContain(SubjectId.of("other"));
  }

  @Test
  void refusesBadOrigins() {
    assertThatThrownBy(() -> Origin.form(" ")).isInstanceOf(InvalidInputException.class)
        .hasMessage("origin reference must not be blank");
    assertThatThrownBy(() -> Origin.thirdParty("x".repeat(201))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> gdpr.sources().subjectsFrom(Origin.form("f"), null, 0))
        .isInstanceOf(InvalidInputException.class);
  }
}
