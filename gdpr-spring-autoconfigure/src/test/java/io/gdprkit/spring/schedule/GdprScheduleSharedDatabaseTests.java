package io.gdprkit.spring.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.GdprKit;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.spring.jpa.host.HostApplication;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database sweep at the same time: every due subject is erased once, by one of
 * them, because the kit claims the work in the database; nothing in either JVM coordinates them.
 */
class GdprScheduleSharedDatabaseTests {

  private static final int SUBJECTS = 40;

  @Test
  void twoInstancesSweepingAtOnceEraseEachDueSubjectOnce() throws Exception {
    String url = "spring.datasource.url=jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext first = instance("a", url, "spring.sql.init.mode=always");
        ConfigurableApplicationContext second = instance("b", url, "spring.sql.init.mode=never")) {
      GdprKit gdpr = first.getBean(GdprKit.class);
      Instant longAgo = Instant.now().minus(400, ChronoUnit.DAYS);
      for (int i = 1; i <= SUBJECTS; i++) {
        gdpr.retention().recordActivity(SubjectId.of("inactive-" + i), longAgo);
      }
      CountDownLatch go = new CountDownLatch(1);

      CompletableFuture<GdprJobProgress> a = sweep(first, go);
      CompletableFuture<GdprJobProgress> b = sweep(second, go);
      go.countDown();

      long processed = a.get().processedTotal() + b.get().processedTotal();
      List<ErasureReport> erasures = gdpr.erasure().records();
      assertThat(processed).isEqualTo(SUBJECTS);
      assertThat(erasures).hasSize(SUBJECTS);
      assertThat(erasures).extracting(ErasureReport::subjectPseudonym).doesNotHaveDuplicates();
      assertThat(a.get().lastFailure()).isNull();
      assertThat(b.get().lastFailure()).isNull();
    }
  }

  private static CompletableFuture<GdprJobProgress> sweep(ConfigurableApplicationContext instance,
      CountDownLatch go) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return instance.getBean(GdprSchedules.class).runNow("retention");
    });
  }

  private static ConfigurableApplicationContext instance(String id, String url, String init) {
    // Arguments, not default properties: those would lose to the profile's file.
    return new SpringApplicationBuilder(HostApplication.class).profiles("gdpr-h2")
        .run(Stream.of(url, init, "spring.main.web-application-type=none", "gdpr.instance-id=" + id, "gdpr.schedule.enabled=true",
            "gdpr.schedule.retention.interval=1h", "gdpr.schedule.retention.batch-size=3",
            "gdpr.schedule.retention.max-batches=100", "gdpr.schedule.erasure.enabled=false",
            "gdpr.schedule.audit.enabled=false", "gdpr.schedule.disclosures.enabled=false",
            "gdpr.retention.rules.inactive.keep=30d", "gdpr.retention.rules.inactive.action=ERASE")
            .map(setting -> "--" + setting).toArray(String[]::new));
  }
}
