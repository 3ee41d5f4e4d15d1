package io.gdprkit.spring.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gdprkit.GdprKit;
import io.gdprkit.spring.autoconfigure.FailureAnalyses;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The kit's periodic jobs: what runs, how often, how a long sweep reports, and how each is switched off. */
@ExtendWith(OutputCaptureExtension.class)
class GdprScheduleAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GdprAutoConfiguration.class, GdprScheduleAutoConfiguration.class))
      .withPropertyValues("gdpr.retention.rules.inactive.keep=30d", "gdpr.retention.rules.inactive.action=ERASE");

  @Test
  void sweepsInBatchesAndReportsProgressWithoutNamingSubjects(CapturedOutput output) {
    runner.withPropertyValues("gdpr.schedule.retention.batch-size=2", "gdpr.schedule.retention.interval=1h")
        .run(context -> {
          GdprKit gdpr = context.getBean(GdprKit.class);
          Instant longAgo = Instant.now().minus(400, ChronoUnit.DAYS);
          for (int i = 1; i <= 5; i++) {
            gdpr.retention().recordActivity(SubjectId.of("inactive-subject-" + i), longAgo);
          }

          GdprJobProgress progress = context.getBean(GdprSchedules.class).runNow("retention");

          assertThat(progress.processedInRun()).isEqualTo(5);
          assertThat(progress.batchesInRun()).isGreaterThanOrEqualTo(3);
          assertThat(progress.lastFailure()).isNull();
          assertThat(gdpr.erasure().wasErased(SubjectId.of("inactive-subject-3"))).isTrue();
        });

    assertThat(output).contains("gdpr-kit retention: batch 1 done, 2 processed so far")
        .contains("gdpr-kit retention: run done, 5 processed").doesNotContain("inactive-subject");
  }

  @Test
  void runsEachJobOnTheSchedulerAtItsInterval() {
    runner.withPropertyValues("gdpr.schedule.audit.interval=50ms", "gdpr.schedule.erasure.interval=50ms")
        .run(context -> {
          GdprSchedules schedules = context.getBean(GdprSchedules.class);

          await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(schedules.progress("audit").orElseThrow().runs()).isGreaterThanOrEqualTo(2);
            assertThat(schedules.progress("erasure").orElseThrow().runs()).isGreaterThanOrEqualTo(2);
          });
          assertThat(schedules.progress("retention").orElseThrow().runs()).isZero(); // its interval is an hour
        });
  }

  @Test
  void leavesOutAJobSwitchedOff() {
    runner.withPropertyValues("gdpr.schedule.retention.enabled=false").run(context -> {
      GdprSchedules schedules = context.getBean(GdprSchedules.class);

      assertThat(schedules.progress()).extracting(GdprJobProgress::job)
          .containsExactly("erasure", "disclosures", "audit");
    });
  }

  @Test
  void runsNoJobWhenSwitchedOff() {
    runner.withPropertyValues("gdpr.schedule.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(GdprSchedules.class));
  }

  @Test
  void refusesABatchSizeOfZeroNamingTheProperty() {
    runner.withPropertyValues("gdpr.schedule.retention.batch-size=0").run(context -> {
      FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());

      assertThat(analysis.getDescription()).contains("'gdpr.schedule.retention.batch-size' is out of range");
      assertThat(analysis.getAction()).contains("Set the batch size between 1 and 1000.");
    });
  }
}
