package io.gdprkit.jpa.instances;

import io.gdprkit.erasure.ErasureInProgressException;
import io.gdprkit.erasure.ErasureIncompleteException;
import io.gdprkit.retention.SweepReport;
import io.gdprkit.subject.SubjectId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kit instance in a JVM of its own, started by {@code KillTests} and {@code ManyInstancesTests}; it prints
 * {@value #READY} once its kit is built and {@value #DONE} with its counts when its work is finished.
 *
 * <p>Arguments: {@code mode url user password instance threads leaseMillis batch}.
 * <ul>
 *   <li>{@code erase}: first finishes every pending erasure job through {@code erasure().resumePending} (the jobs of
 *       a JVM that was killed, taken over once their lease ran out) and prints {@value #ERASING}, then erases, {@code batch} subjects at a time on
 *       {@code threads} threads, every subject that still has a host contact row, through {@code erasure().erase};
 *       until no row and no job is left.</li>
 *   <li>{@code share}: waits for {@value #GO} on standard input, then on {@code threads} threads claims and runs
 *       pending erasure jobs ({@code resumePending(batch)}) until no job is pending (waiting out the lease of jobs a
 *       dead instance held, then taking them over) and prints {@value #ERASED} with its counts; waits for
 *       {@value #SWEEP}, then sweeps retention ({@code retention().sweep(batch)}) until no due subject is left.
 *       The two phases run apart so that each one's throughput can be measured.</li>
 * </ul>
 */
public final class ErasureWorker {

  static final String READY = "READY";
  static final String GO = "GO";
  static final String DONE = "DONE";
  static final String ERASING = "ERASING";
  static final String ERASED = "ERASED";
  static final String SWEEP = "SWEEP";

  private ErasureWorker() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String instance = args[4];
    int threads = Integer.parseInt(args[5]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[6]));
    int batch = Integer.parseInt(args[7]);
    try (SharedKit kit = SharedKit.connect(args[1], args[2], args[3], instance, lease, threads + 2)) {
      System.out.println(READY);
      System.out.flush();
      String done = switch (mode) {
        case "erase" -> erase(kit, threads, batch);
        case "share" -> share(kit, threads, batch);
        default -> throw new IllegalArgumentException("unknown mode " + mode);
      };
      System.out.println(DONE + " " + done);
      System.out.flush();
    }
    System.exit(0);
  }

  private static String erase(SharedKit kit, int threads, int batch) throws Exception {
    long erased = 0;
    long resumed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      boolean first = true;
      while (true) {
        resumed += finishPending(kit);
        if (first) {
          System.out.println(ERASING); // the killed instance's jobs are taken over and finished
          System.out.flush();
          first = false;
        }
        List<SubjectId> next = withContactRows(kit, batch);
        if (next.isEmpty()) {
          if (kit.erasureStore().pending(null, 1).isEmpty()) {
            return "erased=" + erased + " resumed=" + resumed;
          }
          continue;
        }
        List<Future<Boolean>> running = new ArrayList<>();
        for (SubjectId subject : next) {
          running.add(pool.submit(() -> {
            try {
              kit.gdpr().erasure().erase(subject);
              return true;
            } catch (ErasureInProgressException | ErasureIncompleteException e) {
              System.err.println("erasure of a subject left pending: " + e.getMessage());
              return false;
            }
          }));
        }
        for (Future<Boolean> run : running) {
          if (run.get()) {
            erased++;
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Finishes the pending jobs, waiting for the lease of a killed instance's jobs to run out; returns how many this
   * call completed.
   */
  private static long finishPending(SharedKit kit) throws InterruptedException {
    long completed = 0;
    while (!kit.erasureStore().pending(null, 1).isEmpty()) {
      int done = kit.gdpr().erasure().resumePending(50).size();
      completed += done;
      if (done == 0) {
        Thread.sleep(100); // held by a lease that has not run out yet
      }
    }
    return completed;
  }

  /** Returns the CPU time this JVM used so far. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @SuppressWarnings("unchecked")
  private static List<SubjectId> withContactRows(SharedKit kit, int limit) {
    return kit.transactions().inTransaction(() -> ((List<String>) kit.transactions().entityManager()
        .createNativeQuery("select subject from fleet_contact order by subject")
        .setMaxResults(limit).getResultList()).stream().map(SubjectId::of).toList());
  }

  private static String share(SharedKit kit, int threads, int batch) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    expect(in, GO);
    String erased = phase(kit, threads, () -> {
      int jobs = kit.gdpr().erasure().resumePending(batch).size();
      if (jobs > 0) {
        return jobs;
      }
      // none claimable: done when no job is pending, else another instance holds the rest, or a dead one's lease
      // has not run out yet: the jobs it held are taken over then
      return kit.erasureStore().pending(null, 1).isEmpty() ? -1 : 0;
    });
    System.out.println(ERASED + " " + erased);
    System.out.flush();
    expect(in, SWEEP);
    return phase(kit, threads, () -> {
      SweepReport sweep = kit.gdpr().retention().sweep(batch);
      long subjects = sweep.rules().values().stream().mapToLong(Long::longValue).sum();
      // a batch of due subjects all held by other instances: more, and nothing done here
      return subjects > 0 ? subjects : sweep.more() ? 0 : -1;
    });
  }

  private static void expect(BufferedReader in, String word) throws Exception {
    String line = in.readLine();
    if (!word.equals(line)) {
      throw new IllegalStateException("expected " + word + " but read " + line);
    }
  }

  /** One round of a phase: how many subjects it processed, 0 when others hold the work, -1 when none is left. */
  @FunctionalInterface
  private interface Round {
    long run() throws Exception;
  }

  /**
   * Runs {@code round} on {@code threads} threads until each finds no work left, and returns the phase's report:
   * subjects processed, time, this JVM's CPU, its database sessions' CPU, its statements, its committed transactions and
   * its rolled-back ones (an audit drain that found the chain moved by another instance is one).
   */
  private static String phase(SharedKit kit, int threads, Round round) throws Exception {
    long cpuAtStart = cpuNanos();
    Map<Long, Long> dbAtStart = kit.databaseCpuTicks();
    long[] statementsAtStart = kit.statementCounts();
    AtomicLong processed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        while (true) {
          long done = round.run();
          if (done < 0) {
            return null;
          }
          processed.addAndGet(done);
          if (done == 0) {
            Thread.sleep(20);
          }
        }
      }));
    }
    for (Future<?> run : running) {
      run.get();
    }
    pool.shutdown();
    long millis = (System.nanoTime() - started) / 1_000_000;
    double jvmCpu = (cpuNanos() - cpuAtStart) / 1e9;
    Map<Long, Long> dbAtEnd = kit.databaseCpuTicks();
    double dbCpu = dbAtEnd.isEmpty() ? Double.NaN : dbAtEnd.entrySet().stream()
        .mapToLong(e -> e.getValue() - dbAtStart.getOrDefault(e.getKey(), 0L)).sum() / 100.0; // USER_HZ
    long[] statements = kit.statementCounts();
    return "processed=" + processed.get() + " millis=" + millis
        + String.format(Locale.ROOT, " jvmCpu=%.1f dbCpu=%.1f", jvmCpu, dbCpu)
        + " statements=" + (statements[0] - statementsAtStart[0])
        + " transactions=" + (statements[1] - statementsAtStart[1])
        + " rollbacks=" + (statements[2] - statementsAtStart[2]);
  }
}
