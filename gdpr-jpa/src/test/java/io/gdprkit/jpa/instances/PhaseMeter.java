package io.gdprkit.jpa.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Watches one phase of the many-instances test from outside the instances: where the machine's CPU went, read from
 * {@code /proc} (the instances' JVMs, every PostgreSQL process, everything else), and what the instances' database
 * sessions were doing, sampled from {@code pg_stat_activity} every {@value #SAMPLE_MILLIS} ms.
 *
 * <p>A session of an instance is counted when it is inside a transaction: {@code active} with no wait event is the
 * server computing (or waiting for a core), {@code active} with a wait event names it ({@code IO:WALSync} is the
 * commit's flush, {@code Lock:…} a row lock held by another session, {@code LWLock:…} a shared structure), and
 * {@code idle in transaction} is the server waiting for the instance: the instance's JVM computing, or the round
 * trip. Idle pool connections are left out. The tallies say whether the database or the CPU is the bound.
 */
final class PhaseMeter implements AutoCloseable {

  static final long SAMPLE_MILLIS = 50;
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
  private static final Set<String> BUSY = Set.of("active", "idle in transaction");

  private final Cpu before;
  private final Set<Long> instancePids;
  /** The last CPU ticks seen of each instance's JVM: a JVM that exits when its work is done keeps its count. */
  private final Map<Long, Long> instanceTicks = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> waits = new TreeMap<>();
  private final Thread sampler;
  private final long started = System.nanoTime();
  private volatile boolean running = true;
  private int samples;
  private Cpu after;
  private double seconds;

  private PhaseMeter(String url, String user, String password, String applicationPattern, Set<Long> instancePids) {
    this.instancePids = instancePids;
    this.before = Cpu.read(instancePids, instanceTicks);
    this.sampler = new Thread(() -> sample(url, user, password, applicationPattern), "pg_stat_activity sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /**
   * Starts watching the sessions whose {@code application_name} is {@code LIKE applicationPattern} and the JVMs of
   * {@code instancePids}.
   */
  static PhaseMeter start(String url, String user, String password, String applicationPattern,
      Set<Long> instancePids) {
    return new PhaseMeter(url, user, password, applicationPattern, instancePids);
  }

  private void sample(String url, String user, String password, String applicationPattern) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      String sql = "select state, coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity"
          + " where application_name like '" + applicationPattern.replace("'", "''") + "'";
      while (running) {
        Map<String, Integer> seen = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
          while (rows.next()) {
            String state = rows.getString(1);
            if (state == null || !BUSY.contains(state)) {
              continue;
            }
            String what = state.equals("active") ? rows.getString(2) : "waiting for the instance";
            seen.merge(what, 1, Integer::sum);
          }
        }
        synchronized (waits) {
          seen.forEach((what, count) -> waits.merge(what, count, Integer::sum));
          samples++;
        }
        Cpu.track(instancePids, instanceTicks);
        Thread.sleep(SAMPLE_MILLIS);
      }
    } catch (SQLException e) {
      synchronized (waits) {
        waits.merge("sampler failed: " + e.getSQLState(), 1, Integer::sum);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops watching; call when the phase's last instance is done. */
  @Override
  public void close() {
    if (after != null) {
      return;
    }
    seconds = (System.nanoTime() - started) / 1e9;
    after = Cpu.read(instancePids, instanceTicks);
    running = false;
    try {
      sampler.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns the busy cores of the instances' JVMs over the phase. */
  double instanceCores() {
    return (after.instances - before.instances) / (double) TICKS_PER_SECOND / seconds;
  }

  /** Returns the busy cores of every PostgreSQL process over the phase, other sessions' included. */
  double databaseCores() {
    return (after.postgres - before.postgres) / (double) TICKS_PER_SECOND / seconds;
  }

  /** Returns the busy cores of everything else on the machine over the phase (this JVM, other work). */
  double otherCores() {
    return machineCores() - instanceCores() - databaseCores();
  }

  /** Returns the busy cores of the whole machine over the phase, from {@code /proc/stat}. */
  double machineCores() {
    return (after.machineBusy - before.machineBusy) / (double) TICKS_PER_SECOND / seconds;
  }

  /** Returns the idle share of the machine's cores over the phase. */
  double idleShare() {
    long idle = after.machineIdle - before.machineIdle;
    long busy = after.machineBusy - before.machineBusy;
    return idle / (double) (idle + busy);
  }

  /** Returns the share of the sampled in-transaction sessions per state or wait event, largest first. */
  Map<String, Double> waitShares() {
    synchronized (waits) {
      int total = waits.values().stream().mapToInt(Integer::intValue).sum();
      return waits.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / (double) Math.max(1, total),
              (a, b) -> a, java.util.LinkedHashMap::new));
    }
  }

  /** Returns the mean number of the instances' sessions inside a transaction at a sample. */
  double meanBusySessions() {
    synchronized (waits) {
      return waits.values().stream().mapToInt(Integer::intValue).sum() / (double) Math.max(1, samples);
    }
  }

  /** Returns the CPU split and the wait events in one line. */
  String describe() {
    String shares = waitShares().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue()))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "cores busy: instances %.2f, postgres %.2f, other %.2f, machine idle %.0f%%;"
        + " sessions in a transaction (mean %.1f): %s", instanceCores(), databaseCores(), otherCores(),
        100 * idleShare(), meanBusySessions(), shares);
  }

  /** CPU ticks at one moment: the machine's, all PostgreSQL processes' and the instances' JVMs'. */
  private record Cpu(long machineBusy, long machineIdle, long postgres, long instances) {

    /** Keeps the instance JVMs' ticks now in {@code instanceTicks}. */
    static void track(Set<Long> instancePids, Map<Long, Long> instanceTicks) {
      for (long pid : instancePids) {
        try {
          instanceTicks.merge(pid, ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))), Math::max);
        } catch (IOException | RuntimeException gone) {
          // exited: its last ticks stay
        }
      }
    }

    /** Returns utime + stime of a {@code /proc/<pid>/stat} line. */
    static long ticks(String stat) {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Reads the ticks now; {@code instanceTicks} keeps the last ticks seen per instance JVM, gone ones included. */
    static Cpu read(Set<Long> instancePids, Map<Long, Long> instanceTicks) {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // user nice system idle iowait irq softirq steal
        long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
            + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
          for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .toList()) {
            String stat;
            try {
              stat = Files.readString(process.resolve("stat"));
            } catch (IOException gone) {
              continue;
            }
            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            if (comm.equals("postgres")) {
              // with cutime, cstime: the postmaster keeps the time of the sessions that ended
              postgres += ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            } else if (instancePids.contains(Long.parseLong(process.getFileName().toString()))) {
              instanceTicks.merge(Long.parseLong(process.getFileName().toString()), ticks, Math::max);
            }
          }
        }
        long instances = instanceTicks.values().stream().mapToLong(Long::longValue).sum();
        return new Cpu(busy, idle, postgres, instances);
      } catch (IOException | RuntimeException e) {
        return new Cpu(0, 0, 0, 0); // not Linux: the figures read as zero
      }
    }
  }
}
