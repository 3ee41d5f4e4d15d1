package io.gdprkit.jpa.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.audit.VerificationResult;
import io.gdprkit.jpa.TestDatabase;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The many-instances test of issue 11: 1, 2 and 4 JVMs, each one kit instance, share one PostgreSQL schema holding
 * queued erasure jobs and, a tenth as many again, subjects due under a retention rule; each JVM claims jobs
 * ({@code erasure().resumePending}: {@code SELECT … FOR UPDATE SKIP LOCKED} and a lease) and sweeps retention
 * ({@code retention().sweep}: a leased claim per subject) until neither finds work.
 *
 * <p>Every queued and every due subject is then erased in full exactly once (one provider call that deleted its host
 * rows, one report, one tombstone, one {@code SubjectErased} event, nothing of it left), {@value #ACTIVE} subjects
 * with recent activity are untouched, the instances' counts add up, and the audit chain written by all of them
 * verifies. The throughput, (queued + due) subjects over the time from the start signal to the last instance done,
 * is printed and appended to {@code target/issue-11-instances.txt}.
 *
 * <p><b>Fewer subjects than the 10,000 by default</b>: 2,000 queued and 200 due, so that each of the three
 * runs stays well under 3 minutes on this 2-core machine, where one instance erases 50 to 100 subjects a second. The
 * figures in BENCHMARKS.md (issue 11) come from {@code -Dgdpr.instances.subjects=10000}, the count.
 *
 * <p>The subjects are seeded once through the kit and copied; each run starts from a restore of that copy. Runs in
 * {@code ./mvnw verify}; skipped with a message when PostgreSQL is unreachable, unless
 * {@code GDPR_KIT_REQUIRE_SERVICES=true}.
 */
@Tag("slow")
class ManyInstancesTests {

  /** Queued erasures; {@code -Dgdpr.instances.subjects=10000} runs the count. */
  static final int QUEUED = Integer.getInteger("gdpr.instances.subjects", 2_000);
  /** Subjects due under the retention rule: a tenth as many again. */
  static final int DUE = QUEUED / 10;
  static final int ACTIVE = 50;
  /** Threads per instance, each claiming and running jobs and sweeping on its own. */
  static final int THREADS = Integer.getInteger("gdpr.instances.threads", 1);
  private static final int BATCH = 20;
  private static final Pattern DONE = Pattern.compile(
      "resumed=(\\d+) swept=(\\d+) millis=(\\d+) jvmCpu=([0-9.]+|NaN) dbCpu=([0-9.]+|NaN)"
          + " statements=(\\d+) transactions=(\\d+)");

  private static Fleet fleet;
  private static List<SubjectId> queued;
  private static List<SubjectId> due;
  private static List<SubjectId> active;
  private static final List<String> figures = new ArrayList<>();

  @BeforeAll
  static void seed() {
    fleet = Fleet.on(TestDatabase.POSTGRESQL, "instances");
    long started = System.nanoTime();
    queued = Fleet.subjects("queued", QUEUED);
    due = Fleet.subjects("due", DUE);
    active = Fleet.subjects("active", ACTIVE);
    fleet.seed(queued, null, true);
    fleet.seed(due, Instant.now().minus(Duration.ofDays(800)), false);
    fleet.seed(active, Instant.now().minus(Duration.ofDays(3)), false);
    fleet.snapshot();
    log("seeded %d queued, %d due and %d active subjects in %d s", QUEUED, DUE, ACTIVE,
        (System.nanoTime() - started) / 1_000_000_000L);
  }

  @AfterAll
  static void close() {
    figures.forEach(ManyInstancesTests::log);
    if (fleet != null) {
      fleet.close();
    }
  }

  @ParameterizedTest(name = "{0} instances")
  @ValueSource(ints = {1, 2, 4})
  @DisplayName("Art. 17(1), Art. 5(1)(e): instances sharing queued erasures and a retention sweep process every "
      + "subject exactly once")
  void instancesShareTheWork(int instances) throws Exception {
    try {
      run(instances);
    } finally {
      fleet.stopWorkers();
    }
  }

  private void run(int instances) throws Exception {
    fleet.restore();
    List<Fleet.Worker> workers = new ArrayList<>();
    for (int i = 1; i <= instances; i++) {
      workers.add(fleet.start("share", "jvm-" + i + "-of-" + instances, THREADS, Duration.ofSeconds(60), BATCH));
    }
    for (Fleet.Worker worker : workers) {
      worker.awaitReady(Duration.ofMinutes(2));
    }
    long started = System.nanoTime();
    for (Fleet.Worker worker : workers) {
      worker.go();
    }
    long resumed = 0;
    long swept = 0;
    double jvmCpu = 0;
    double dbCpu = 0;
    long statements = 0;
    long transactions = 0;
    List<String> lines = new ArrayList<>();
    for (Fleet.Worker worker : workers) {
      String done = worker.awaitDone(Duration.ofSeconds(Math.max(300, (QUEUED + DUE) / 10)));
      lines.add(worker.instance() + ": " + done);
      Matcher counts = DONE.matcher(done);
      assertThat(counts.find()).as("report of %s: %s", worker.instance(), done).isTrue();
      resumed += Long.parseLong(counts.group(1));
      swept += Long.parseLong(counts.group(2));
      jvmCpu += Double.parseDouble(counts.group(4));
      dbCpu += Double.parseDouble(counts.group(5));
      statements += Long.parseLong(counts.group(6));
      transactions += Long.parseLong(counts.group(7));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    lines.forEach(ManyInstancesTests::log);

    Fleet.Census census = fleet.census(Stream.of(queued, due, active).flatMap(List::stream).toList());
    List<SubjectId> erased = Stream.concat(queued.stream(), due.stream()).toList();
    assertThat(erased.stream().map(SubjectId::value).filter(s -> !census.erased(s)).limit(5).toList())
        .as("queued or due subjects not erased in full exactly once").isEmpty();
    assertThat(active.stream().map(SubjectId::value).filter(s -> !census.untouched(s)).toList())
        .as("subjects with recent activity that were touched").isEmpty();
    assertThat(resumed).as("jobs the instances ran").isEqualTo(QUEUED);
    assertThat(swept).as("subjects the instances' sweeps erased").isEqualTo(DUE);
    Map<SubjectId, Integer> reports = fleet.reportsPerSubject(erased);
    assertThat(reports.values()).as("erasure reports per subject").containsOnly(1);
    fleet.kit().gdpr().audit().drainAll();
    VerificationResult audit = fleet.kit().gdpr().audit().verify(TenantId.DEFAULT);
    assertThat(audit.intact()).as("audit chain: %s", audit).isTrue();

    int subjects = QUEUED + DUE;
    String figure = String.format(Locale.ROOT, "%d instance(s) x %d thread(s): %d subjects in %.1f s = %.0f subjects/s;"
        + " per subject: %.0f statements in %.1f transactions, CPU %.1f ms in the instances and %.1f ms in the"
        + " database; cores busy: instances %.2f, database %.2f", instances, THREADS, subjects, seconds,
        subjects / seconds, (double) statements / subjects, (double) transactions / subjects, 1000 * jvmCpu / subjects,
        1000 * dbCpu / subjects, jvmCpu / seconds, dbCpu / seconds);
    figures.add(figure);
    log(figure);
    Files.writeString(Path.of("target", "issue-11-instances.txt"), Instant.now() + " " + figure + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void log(String format, Object... args) {
    System.out.println("[many instances] " + String.format(format, args));
  }
}
