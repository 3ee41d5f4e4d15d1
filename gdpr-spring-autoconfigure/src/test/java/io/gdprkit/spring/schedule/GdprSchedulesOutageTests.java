package io.gdprkit.spring.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A job whose work cannot reach what it goes to (the outbox relay's broker) says so once, backs off, and says when
 * it is reachable again; a job that fails otherwise is logged at each run (issue 12).
 */
@ExtendWith(OutputCaptureExtension.class)
class GdprSchedulesOutageTests {

  private static final String BROKER = "RabbitMQ at 127.0.0.1:5672";

  private final AtomicBoolean down = new AtomicBoolean(true);
  private final AtomicInteger tries = new AtomicInteger();

  private GdprSchedules schedules(Duration interval, Duration maxBackoff, BatchWork work) {
    GdprScheduleProperties.Job settings = new GdprScheduleProperties.Job(interval, 10, 1);
    settings.setMaxBackoff(maxBackoff);
    GdprSchedules schedules = new GdprSchedules(new ThreadPoolTaskScheduler(), Clock.systemUTC());
    schedules.add("outbox", settings, work);
    return schedules;
  }

  private BatchWork relay() {
    return batchSize -> {
      tries.incrementAndGet();
      return down.get() ? new BatchWork.Batch(0, 0, false, BROKER, "io.gdprkit.spring.events.EventBrokerUnavailableException")
          : new BatchWork.Batch(1, 0, false);
    };
  }

  @Test
  void warnsOnceBacksOffAndSaysWhenTheBrokerIsBack(CapturedOutput output) throws InterruptedException {
    GdprSchedules schedules = schedules(Duration.ofMillis(20), Duration.ofMillis(160), relay());

    long deadline = System.nanoTime() + Duration.ofMillis(600).toNanos();
    int calls = 0;
    while (System.nanoTime() < deadline) {
      schedules.runNow("outbox");
      calls++;
      Thread.sleep(20);
    }
    int triesWhileDown = tries.get();
    down.set(false);
    Thread.sleep(200); // longer than the longest pause
    GdprJobProgress back = schedules.runNow("outbox");

    assertThat(triesWhileDown).as("tries while down, of %d runs", calls).isBetween(2, calls / 3);
    assertThat(back.processedInRun()).isEqualTo(1);
    assertThat(back.lastFailure()).isNull();
    String log = output.getAll();
    assertThat(log.split("is unreachable", -1)).as("one WARN for the outage").hasSize(2);
    assertThat(log).contains("WARN").contains("gdpr-kit outbox: " + BROKER + " is unreachable")
        .contains("gdpr-kit outbox: " + BROKER + " is reachable again after").doesNotContain("run failed with");
    assertThat(log.split("reachable again", -1)).as("one INFO for the end").hasSize(2);
  }

  @Test
  void reportsTheOutageInTheJobsProgress() {
    GdprSchedules schedules = schedules(Duration.ofMillis(20), Duration.ofSeconds(1), relay());

    GdprJobProgress progress = schedules.runNow("outbox");

    assertThat(progress.lastFailure()).isEqualTo("io.gdprkit.spring.events.EventBrokerUnavailableException");
    assertThat(progress.processedInRun()).isZero();
  }

  @Test
  void logsEveryRunOfAJobThatFailsOtherwise(CapturedOutput output) {
    GdprSchedules schedules = schedules(Duration.ofMillis(20), Duration.ofSeconds(1), batchSize -> {
      throw new IllegalStateException("a host's sink failed");
    });

    schedules.runNow("outbox");
    schedules.runNow("outbox");

    assertThat(output.getAll().split("run failed with java.lang.IllegalStateException", -1)).hasSize(3);
    assertThat(output.getAll()).doesNotContain("a host's sink failed").doesNotContain("unreachable");
  }
}
