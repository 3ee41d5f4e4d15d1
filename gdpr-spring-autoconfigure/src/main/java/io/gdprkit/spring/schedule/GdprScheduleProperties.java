package io.gdprkit.spring.schedule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gdpr.schedule.*} properties: how often each of the kit's periodic jobs runs on this instance, and how
 * much one run does; each job can be switched off, and {@code gdpr.schedule.enabled=false} switches off them all (for
 * an instance that serves requests only, while another runs the jobs; or for tests).
 *
 * <p>Running the jobs on every instance is safe: the kit claims shared work in the database with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and leases, so two instances never do the same work.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.schedule.retention.interval=6h
 * gdpr.schedule.outbox.enabled=false
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Validated
@ConfigurationProperties("gdpr.schedule")
public class GdprScheduleProperties {

  /** Whether this instance runs the kit's periodic jobs at all. */
  private boolean enabled = true;

  /** How many threads run the jobs; one job never runs twice at once on an instance. */
  @Min(value = 1, message = "Set the pool size between 1 and 16.")
  @Max(value = 16, message = "Set the pool size between 1 and 16.")
  private int poolSize = 2;

  /** Retention sweeps (Art. 5(1)(e)): subjects past their rules' periods erased or anonymised. */
  private @Valid Job retention = new Job(Duration.ofHours(1), 500, 100);

  /** Erasure jobs interrupted by a crash or a failing provider, resumed (Art. 17). */
  private @Valid Job erasure = new Job(Duration.ofMinutes(1), 100, 10);

  /** Notifications of recipients that failed or waited, delivered again (Art. 19). */
  private @Valid Job disclosures = new Job(Duration.ofMinutes(1), 100, 10);

  /** The audit records waiting in the outbox, appended to the chains. */
  private @Valid Job audit = new Job(Duration.ofSeconds(10), 1, 1);

  /** The event outbox, relayed to its sink when an {@code EventOutboxRelay} bean exists. */
  private @Valid Job outbox = new Job(Duration.ofSeconds(1), 100, 10);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getPoolSize() {
    return poolSize;
  }

  public void setPoolSize(int poolSize) {
    this.poolSize = poolSize;
  }

  public Job getRetention() {
    return retention;
  }

  public void setRetention(Job retention) {
    this.retention = retention;
  }

  public Job getErasure() {
    return erasure;
  }

  public void setErasure(Job erasure) {
    this.erasure = erasure;
  }

  public Job getDisclosures() {
    return disclosures;
  }

  public void setDisclosures(Job disclosures) {
    this.disclosures = disclosures;
  }

  public Job getAudit() {
    return audit;
  }

  public void setAudit(Job audit) {
    this.audit = audit;
  }

  public Job getOutbox() {
    return outbox;
  }

  public void setOutbox(Job outbox) {
    this.outbox = outbox;
  }

  /** One periodic job. */
  public static class Job {

    /** Whether this instance runs the job. */
    private boolean enabled = true;

    /** The pause between the end of one run and the start of the next. */
    @NotNull(message = "Set the pause between runs, such as 1m.")
    private @Nullable Duration interval;

    /** The pause after start-up before the first run; the interval by default. */
    private @Nullable Duration initialDelay;

    /** How many items one batch claims. */
    @Min(value = 1, message = "Set the batch size between 1 and 1000.")
    @Max(value = 1000, message = "Set the batch size between 1 and 1000.")
    private int batchSize;

    /**
     * Longest pause between tries while what the job's work goes to is unreachable (the outbox relay's broker); the
     * pause starts at the interval and doubles.
     */
    @NotNull(message = "Set the longest pause between tries during an outage, such as 15s.")
    private @Nullable Duration maxBackoff = Duration.ofSeconds(15);

    /** How many batches one run does at most, so that a run ends and reports. */
    @Min(value = 1, message = "Set the batches per run between 1 and 10000.")
    @Max(value = 10_000, message = "Set the batches per run between 1 and 10000.")
    private int maxBatches;

    public Job() {
      this(Duration.ofMinutes(1), 100, 10);
    }

    Job(Duration interval, int batchSize, int maxBatches) {
      this.interval = interval;
      this.batchSize = batchSize;
      this.maxBatches = maxBatches;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public @Nullable Duration getInterval() {
      return interval;
    }

    public void setInterval(@Nullable Duration interval) {
      this.interval = interval;
    }

    public @Nullable Duration getInitialDelay() {
      return initialDelay;
    }

    public void setInitialDelay(@Nullable Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    public Duration getMaxBackoff() {
      return maxBackoff != null ? maxBackoff : Duration.ofSeconds(15);
    }

    public void setMaxBackoff(@Nullable Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public int getMaxBatches() {
      return maxBatches;
    }

    public void setMaxBatches(int maxBatches) {
      this.maxBatches = maxBatches;
    }
  }
}
