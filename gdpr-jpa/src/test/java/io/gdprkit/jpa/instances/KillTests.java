package io.gdprkit.jpa.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.audit.VerificationResult;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kill test of issue 11: a JVM erasing subjects on PostgreSQL through {@code GdprKit}, with every store on JPA
 * and the host's contacts as personal data, is killed with SIGKILL at a random moment ({@value #KILLS} times,
 * seeded); each next JVM takes over the jobs the killed one left pending once their {@value #LEASE_MILLIS} ms lease
 * ran out, and goes on erasing; the last one is let finish.
 *
 * <p>After each kill, every subject is either untouched, erased in full once, or has a pending job that will finish
 * it: none is half-erased with nothing to finish it. At the end every subject is erased in full exactly once: its host
 * rows, consents, consent snapshot, source tags, retention clock and data key are gone; it has one tombstone, one
 * erasure report, one {@code SubjectErased} event in the outbox, and one call of the host's provider that deleted
 * rows (calls that deleted nothing are the idempotent re-runs of a provider whose commit the kill beat the job's save
 * to, at most one per thread per kill). The audit chain, written by 22 JVMs, verifies.
 *
 * <p><b>Lease takeover</b>: the jobs a JVM held when it was killed (read from the job table right after the kill,
 * with the end of each lease) are run by a later JVM only once that lease has ended: every provider call a later JVM
 * makes on such a subject is stamped by the database's {@code clock_timestamp()} at or after the lease's end. The test
 * fails if no killed JVM held a job, so that the takeover cannot pass unexercised.
 *
 * <p><b>Fewer subjects than the 10,000 by default.</b> On this 2-core machine the kit erases about 100 to 200
 * subjects a second with every store on PostgreSQL when the machine is quiet (about 50 statements in 15 transactions
 * each), and seeding them through the kit costs as much again, so 10,000 subjects with 21 JVM starts take 4 to 7
 * minutes, well over the 3 minutes a test of {@code ./mvnw verify} may take here. The default is 3,000 subjects; the
 * issue's count runs with {@code -Dgdpr.kill.subjects=10000}. The kill moments scale with the measured speed, so
 * that the 20 kills spread over the whole job on a fast or a slow machine.
 *
 * <p><b>Measured with the count</b> (2026-12-07, 09:03 to 09:10 UTC, other work loading the machine: load
 * average 1.9 at the start, 10 to 17 during): seeding 62 s, the whole test 415 s; 20 kills, 14 while erasing and 6
 * while taking over, after each of them no subject half-erased; all 10,000 subjects erased in full exactly once;
 * 4 provider calls repeated (idempotent re-runs that deleted nothing); the audit chain of 40,000 entries written by
 * 22 JVMs verifies. The last JVM erased the 9,480 subjects left at 52 statements in 16.6 transactions each. That
 * run still capped the kill window at 4 s, so its kills all fell within the first 517 erasures; see
 * {@link #MAX_WINDOW_MILLIS} and BENCHMARKS.md, "Issue 11 — many instances".
 *
 * <p>Runs in {@code ./mvnw verify}; skipped with a message when PostgreSQL is unreachable, unless
 * {@code GDPR_KIT_REQUIRE_SERVICES=true}. Set {@code -Dgdpr.schema=…} when other work uses the same server.
 */
@Tag("slow")
class KillTests {

  /** How many subjects are erased; {@code -Dgdpr.kill.subjects=10000} runs the count. */
  static final int SUBJECTS = Integer.getInteger("gdpr.kill.subjects", 3_000);
  static final int KILLS = 20;
  static final long LEASE_MILLIS = 2_000;
  private static final int THREADS = 4;
  private static final int BATCH = 200;
  /**
   * Each killed JVM runs for a random time in a window of these bounds after its kit is built. The upper bound is
   * far above what the windows come to here, so that the kills spread over the whole job: with a cap of 4 s, the 20
   * kills of a 10,000-subject run all fell in its first 517 erasures (issue 11's first run on a loaded machine).
   */
  private static final long MIN_WINDOW_MILLIS = 300;
  private static final long MAX_WINDOW_MILLIS = 60_000;
  private static final long SEED = 11L;

  @Test
  @DisplayName("Art. 17(1), Art. 5(2): a JVM erasing subjects on PostgreSQL, killed with SIGKILL 20 times, "
      + "leaves no subject half-erased, erases none twice, and its successors finish every job")
  void killedJvmsLeaveNothingHalfErased() throws Exception {
    try (Fleet fleet = Fleet.on(TestDatabase.POSTGRESQL, "kill")) {
      List<SubjectId> subjects = Fleet.subjects("kill", SUBJECTS);
      long started = System.nanoTime();
      fleet.seed(subjects, null, false);
      log("seeded %d subjects in %d s", SUBJECTS, seconds(started));
      Random random = new Random(SEED);
      List<String> kills = new ArrayList<>();
      List<Held> held = new ArrayList<>();
      double perSecond = 100; // a first guess, then measured: how fast the last JVM erased
      long erased = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        Fleet.Worker worker = fleet.start("erase", "kill-jvm-" + kill, THREADS, Duration.ofMillis(LEASE_MILLIS),
            BATCH);
        worker.awaitReady(Duration.ofMinutes(2));
        // A random moment: in one kill of four while the JVM takes over the killed one's jobs (or just after), else
        // while it erases, in a window sized so that the kills spread over the whole job on a fast or a slow machine.
        boolean duringTakeover = random.nextInt(4) == 0;
        long window = duringTakeover ? LEASE_MILLIS : Math.max(MIN_WINDOW_MILLIS, Math.min(MAX_WINDOW_MILLIS,
            (long) (1_000 * (subjects.size() - erased) / perSecond / (KILLS + 2 - kill))));
        long after = (long) (random.nextDouble() * window);
        if (!duringTakeover) {
          assertThat(worker.awaitErasing(Duration.ofMinutes(1))).as("JVM %d took over the jobs left pending", kill)
              .isTrue();
        }
        long running = System.nanoTime();
        Thread.sleep(after);
        assertThat(worker.alive()).as("JVM %d finished before it was killed; no kill may be wasted", kill).isTrue();
        worker.kill();
        double ran = (System.nanoTime() - running) / 1e9;
        int killed = kill;
        fleet.heldBy(worker.instance()).forEach((subject, until) -> held.add(new Held(subject, killed, until)));

        Fleet.Census census = fleet.census(subjects);
        assertThat(census.halfErased()).as("half-erased subjects without a pending job after kill %d", kill)
            .isEmpty();
        long now = census.count(census::erased);
        if (!duringTakeover && ran > 0.2) {
          perSecond = Math.max(20, (now - erased) / ran);
        }
        erased = now;
        kills.add(String.format("kill %d %s after %d ms: %d erased, pending: %s", kill,
            duringTakeover ? "at takeover" : "erasing", after, erased, census.pendingStages()));
      }
      kills.forEach(KillTests::log);
      Fleet.Worker last = fleet.start("erase", "kill-jvm-last", THREADS, Duration.ofMillis(LEASE_MILLIS), BATCH);
      last.awaitReady(Duration.ofMinutes(2));
      log("last JVM: %s", last.awaitDone(Duration.ofSeconds(Math.max(300, SUBJECTS / 10))));

      Fleet.Census census = fleet.census(subjects);
      assertThat(census.notErased()).as("subjects not erased in full exactly once").isEmpty();
      assertThat(census.eraseCalls() - SUBJECTS).as("provider calls repeated after a kill")
          .isBetween(0L, (long) KILLS * THREADS);
      // Lease takeover: a job a killed JVM held is run by a later JVM only once its lease ended, never before.
      assertThat(held).as("jobs the killed JVMs held when they died").isNotEmpty();
      List<Fleet.EraseCall> calls = fleet.eraseCalls();
      List<String> early = new ArrayList<>();
      for (Held job : held) {
        calls.stream().filter(c -> c.subject().equals(job.subject()) && jvm(c.instance()) > job.kill()
                && c.at().isBefore(job.leaseUntil()))
            .forEach(c -> early.add(job + " called by " + c.instance() + " at " + c.at()));
      }
      assertThat(early).as("provider calls on a killed JVM's job before its lease ended").isEmpty();
      long takenOver = held.stream().filter(job -> calls.stream()
          .anyMatch(c -> c.subject().equals(job.subject()) && jvm(c.instance()) > job.kill())).count();
      log("%d jobs held by killed JVMs; a later JVM called the provider for %d of them, each after the lease ended",
          held.size(), takenOver);
      Map<SubjectId, Integer> reports = fleet.reportsPerSubject(subjects);
      assertThat(reports.values()).as("erasure reports per subject").containsOnly(1);
      fleet.kit().gdpr().audit().drainAll();
      assertThat(fleet.kit().gdpr().audit().waiting(TenantId.DEFAULT)).isZero();
      VerificationResult audit = fleet.kit().gdpr().audit().verify(TenantId.DEFAULT);
      assertThat(audit.intact()).as("audit chain: %s", audit).isTrue();
      log("%d subjects erased once across %d kills in %d s; %d provider calls repeated; audit chain of %d entries"
          + " verifies", SUBJECTS, KILLS, seconds(started), census.eraseCalls() - SUBJECTS, audit.checked());
    }
  }

  /** A pending job a killed JVM held: its subject, the kill, and when its lease ended. */
  private record Held(String subject, int kill, Instant leaseUntil) {}

  /** Returns the number of a JVM of this test by its instance id: its kill, or one more than the last kill. */
  private static int jvm(String instance) {
    return instance.equals("kill-jvm-last") ? KILLS + 1 : Integer.parseInt(instance.substring("kill-jvm-".length()));
  }

  private static long seconds(long since) {
    return (System.nanoTime() - since) / 1_000_000_000L;
  }

  private static void log(String format, Object... args) {
    System.out.println("[kill test] " + String.format(format, args));
  }
}
