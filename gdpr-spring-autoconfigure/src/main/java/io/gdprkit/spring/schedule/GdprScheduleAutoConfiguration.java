package io.gdprkit.spring.schedule;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.GdprKit;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.spring.autoconfigure.GdprAutoConfiguration;
import org.apiguardian.api.API;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ClassUtils;

/**
 * The kit's periodic jobs: retention sweeps, erasure resumption, Art. 19 notifications, the audit drain and the
 * event outbox relay, on a {@link TaskScheduler} of their own (so that a long sweep never delays the host's scheduled
 * tasks); off with {@code gdpr.schedule.enabled=false}, each job off with {@code gdpr.schedule.<job>.enabled=false}.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@AutoConfiguration(after = GdprAutoConfiguration.class,
    afterName = "io.gdprkit.spring.jpa.GdprJpaAutoConfiguration")
@ConditionalOnBean(GdprKit.class)
@ConditionalOnProperty(name = "gdpr.schedule.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(GdprScheduleProperties.class)
public final class GdprScheduleAutoConfiguration {

  private static final String OUTBOX_RELAY = "io.gdprkit.jpa.outbox.EventOutboxRelay";

  GdprScheduleAutoConfiguration() {}

  /** The threads the jobs run on, named {@code gdpr-job-…}. */
  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean(name = "gdprTaskScheduler")
  static ThreadPoolTaskScheduler gdprTaskScheduler(GdprScheduleProperties properties) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(properties.getPoolSize());
    scheduler.setThreadNamePrefix("gdpr-job-");
    scheduler.setDaemon(true);
    scheduler.setWaitForTasksToCompleteOnShutdown(true);
    return scheduler;
  }

  /** The jobs, started with the application context and stopped before it closes. */
  @Bean
  @ConditionalOnMissingBean
  static GdprSchedules gdprSchedules(GdprKit gdpr, GdprScheduleProperties properties, BeanFactory beans) {
    GdprSchedules schedules = new GdprSchedules(beans.getBean("gdprTaskScheduler", TaskScheduler.class),
        gdpr.clock());
    if (properties.getRetention().isEnabled()) {
      schedules.add("retention", properties.getRetention(), batchSize -> {
        SweepReport report = gdpr.retention().sweep(batchSize);
        return new BatchWork.Batch(report.processed() + report.released(), report.failed(), report.more());
      });
    }
    if (properties.getErasure().isEnabled()) {
      schedules.add("erasure", properties.getErasure(), batchSize -> {
        int resumed = gdpr.erasure().resumePending(batchSize).size();
        return new BatchWork.Batch(resumed, 0, resumed == batchSize);
      });
    }
    if (properties.getDisclosures().isEnabled()) {
      schedules.add("disclosures", properties.getDisclosures(), batchSize -> {
        int delivered = gdpr.recipients().retryNotifications(batchSize);
        return new BatchWork.Batch(delivered, 0, delivered == batchSize);
      });
    }
    if (properties.getAudit().isEnabled()) {
      schedules.add("audit", properties.getAudit(), batchSize -> new BatchWork.Batch(gdpr.audit().drainAll(), 0,
          false));
    }
    if (properties.getOutbox().isEnabled() && ClassUtils.isPresent(OUTBOX_RELAY, GdprSchedules.class.getClassLoader())) {
      BatchWork relay = OutboxRelayWork.of(beans);
      if (relay != null) {
        schedules.add("outbox", properties.getOutbox(), relay);
      }
    }
    return schedules;
  }
}
