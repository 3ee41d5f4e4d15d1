package io.gdprkit.spring.schedule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * The kit's periodic jobs on this instance, run on a Spring {@link TaskScheduler} with a fixed delay between runs,
 * and what each has done so far ({@link #progress()}).
 *
 * <p>Why: retention (Art. 5(1)(e)), erasures interrupted by a crash (Art. 17), notifications of recipients
 * (Art. 19), the audit chain and the event outbox all need work done after the call that caused it. Every instance
 * may run every job: the kit's services claim the work in the database ({@code SELECT … FOR UPDATE SKIP LOCKED} with
 * a lease), never with a lock in this JVM, so instances share it and one that dies leaves it to the others.
 *
 * <p>A run does batches until the job has nothing more or the run's batch limit is reached, and logs its counts at
 * INFO after each batch of a run that goes on; it logs no subject, only counts. A failing run is logged with the
 * exception's type and retried at the next interval. A run that cannot reach what its work goes to (the outbox
 * relay's broker) is an outage: one WARN names what is unreachable, the job tries again after a pause that doubles
 * up to {@code max-backoff}, and one INFO says when it is reachable again; nothing is lost meanwhile, the work waits
 * in the database. A job never runs twice at once on one instance. Thread-safe.
 *
 * <p>Usage example: <pre>{@code schedules.runNow("retention").processedInRun();}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class GdprSchedules implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GdprSchedules.class);

  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
  private volatile boolean running;

  GdprSchedules(TaskScheduler scheduler, Clock clock) {
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Adds a job; before start only. */
  void add(String name, GdprScheduleProperties.Job settings, BatchWork work) {
    jobs.put(name, new Job(name, settings, work));
  }

  /** Returns the progress of every job this instance runs, in a fixed order. */
  public List<GdprJobProgress> progress() {
    return jobs.values().stream().map(Job::progress).toList();
  }

  /** Returns the progress of one job, if this instance runs it. */
  public Optional<GdprJobProgress> progress(String job) {
    return Optional.ofNullable(jobs.get(job)).map(Job::progress);
  }

  /**
   * Runs a job now, on the calling thread, unless it is running already; returns its progress after.
   *
   * @throws IllegalArgumentException if this instance does not run a job of that name
   */
  public GdprJobProgress runNow(String job) {
    Job found = jobs.get(job);
    if (found == null) {
      throw new IllegalArgumentException("no gdpr-kit job '" + job + "' runs on this instance; jobs: " + jobs.keySet());
    }
    found.run();
    return found.progress();
  }

  @Override
  public synchronized void start() {
    for (Job job : jobs.values()) {
      Duration interval = job.settings.getInterval();
      Duration initialDelay = job.settings.getInitialDelay() != null ? job.settings.getInitialDelay() : interval;
      scheduled.add(scheduler.scheduleWithFixedDelay(job::run, clock.instant().plus(initialDelay), interval));
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    scheduled.forEach(future -> future.cancel(false)); // a batch under way ends and commits
    scheduled.clear();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** An outage of what a job's work goes to: since when, and when to try again (on {@link System#nanoTime()}). */
  private static final class Outage {
    final String what;
    final long since;
    Duration pause;
    long nextAttempt;

    Outage(String what, long since, Duration pause) {
      this.what = what;
      this.since = since;
      this.pause = pause;
    }
  }

  /** One job with its settings and counters. */
  private final class Job {

    final String name;
    final GdprScheduleProperties.Job settings;
    final BatchWork work;
    final ReentrantLock lock = new ReentrantLock();
    private volatile boolean active;
    private long runs;
    private long batchesInRun;
    private long processedInRun;
    private long processedTotal;
    private @Nullable Instant lastStarted;
    private @Nullable Instant lastFinished;
    private @Nullable String lastFailure;
    /** Set while what the work goes to is unreachable; read and written under {@link #lock}. */
    private @Nullable Outage outage;

    Job(String name, GdprScheduleProperties.Job settings, BatchWork work) {
      this.name = name;
      this.settings = settings;
      this.work = work;
    }

    void run() {
      if (!lock.tryLock()) {
        return; // the previous run, or a runNow, is still under way
      }
      try {
        if (outage != null && System.nanoTime() - outage.nextAttempt < 0) {
          return; // backing off: what the work goes to is unreachable
        }
        start();
        long failed = 0;
        String failure = null;
        String unreachable = null;
        try {
          for (int batch = 1; batch <= settings.getMaxBatches(); batch++) {
            BatchWork.Batch done = work.run(settings.getBatchSize());
            failed += done.failed();
            boolean goesOn = done.more() && batch < settings.getMaxBatches();
            record(done.processed());
            if (done.unreachable() != null) {
              unreachable = done.unreachable();
              failure = done.failureType();
              break;
            }
            if (goesOn) {
              LOG.info("gdpr-kit {}: batch {} done, {} processed so far in this run, {} failed", name, batch,
                  processedInRun(), failed);
            }
            if (!done.more()) {
              break;
            }
          }
          if (unreachable != null) {
            unreachable(unreachable);
          } else if (outage != null && (processedInRun() > 0 || work.idle())) {
            reachable();
          }
        } catch (RuntimeException e) {
          failure = e.getClass().getName();
          // The type only: a message from a host's sink or provider may hold what must not reach a log.
          LOG.warn("gdpr-kit {}: run failed with {}; it runs again in {}", name, failure, settings.getInterval());
        }
        finish(failure);
        if (processedInRun() > 0 || failed > 0) {
          LOG.info("gdpr-kit {}: run done, {} processed in {} batch(es), {} failed", name, processedInRun(),
              batchesInRun(), failed);
        }
      } finally {
        lock.unlock();
      }
    }

    /** Starts an outage with one WARN, or goes on with it, doubling the pause before the next try. */
    private void unreachable(String what) {
      Duration interval = settings.getInterval();
      Duration max = settings.getMaxBackoff();
      if (outage == null) {
        outage = new Outage(what, System.nanoTime(), interval);
        LOG.warn("gdpr-kit {}: {} is unreachable; the work waits in the database and is tried again with a pause"
            + " doubling from {} up to {}; an INFO follows when it is back.", name, what, interval, max);
      } else {
        Duration doubled = outage.pause.multipliedBy(2);
        outage.pause = doubled.compareTo(max) > 0 ? max : doubled;
        LOG.debug("gdpr-kit {}: {} still unreachable; next try in {}", name, what, outage.pause);
      }
      // the scheduler comes back every interval: the first run at or after the pause tries again
      outage.nextAttempt = System.nanoTime() + outage.pause.toNanos() - interval.toNanos() / 2;
    }

    /** Ends an outage with one INFO. */
    private void reachable() {
      Outage ended = outage;
      outage = null;
      if (ended != null) {
        LOG.info("gdpr-kit {}: {} is reachable again after {} ms; the work that waited goes on", name, ended.what,
            Duration.ofNanos(System.nanoTime() - ended.since).toMillis());
      }
    }

    private synchronized void start() {
      active = true;
      batchesInRun = 0;
      processedInRun = 0;
      lastStarted = clock.instant();
    }

    private synchronized void record(long processed) {
      batchesInRun++;
      processedInRun += processed;
      processedTotal += processed;
    }

    private synchronized void finish(@Nullable String failure) {
      active = false;
      runs++;
      lastFinished = clock.instant();
      lastFailure = failure;
    }

    private synchronized long processedInRun() {
      return processedInRun;
    }

    private synchronized long batchesInRun() {
      return batchesInRun;
    }

    synchronized GdprJobProgress progress() {
      return new GdprJobProgress(name, active, runs, batchesInRun, processedInRun, processedTotal, lastStarted,
          lastFinished, lastFailure);
    }
  }
}
