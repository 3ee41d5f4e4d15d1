package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.decision.Decision;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The consent decision, gdpr-kit's hot path, against the bare map lookup a host would otherwise write.
 *
 * <p>1,000,000 subjects × 5 purposes (three on consent, one on contract, one on legitimate interests that
 * needs the profiling switch), every decision allowing. {@code decide} asks {@code GdprKit.decide}; {@code mapGet}
 * asks a {@code ConcurrentHashMap<(subject, purpose), Boolean>} holding the same 5,000,000 pairs. Both walk the
 * same pre-drawn random sequence of 1,048,576 pairs, so they differ only in the lookup. Targets: {@code decide}
 * within 2× of {@code mapGet}, and 0 bytes allocated per operation ({@code gc.alloc.rate.norm}).
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar DecideBenchmark -prof gc
 * }</pre>
 *
 * <p>{@code sideBySide} runs both at once in one fork, which is the figure to trust on a shared machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class DecideBenchmark {

  static final int SUBJECTS = 1_000_000;
  static final String[] PURPOSES = {"newsletter", "offers", "events", "billing", "lead-scoring"};
  static final int SEQUENCE = 1 << 20;
  static final int MASK = SEQUENCE - 1;

  /** The random (subject, purpose) sequence both benchmarks walk; drawn with a fixed seed. */
  static int[] drawSequence() {
    SplittableRandom random = new SplittableRandom(20261123L);
    int[] pairs = new int[SEQUENCE];
    for (int i = 0; i < SEQUENCE; i++) {
      pairs[i] = random.nextInt(SUBJECTS * PURPOSES.length);
    }
    return pairs;
  }

  static SubjectId subject(int index) {
    return SubjectId.of("contact-" + index);
  }

  /** A kit whose every subject has all five purposes allowed. */
  @State(Scope.Benchmark)
  public static class Kit {
    GdprKit gdpr;
    SubjectId[] subjects;
    String[] purposes;

    @Setup(Level.Trial)
    public void setUp() {
      gdpr = GdprKit.builder()
          .purpose(Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter"))
          .purpose(Purpose.of("offers", LegalBasis.CONSENT, "Special offers"))
          .purpose(Purpose.of("events", LegalBasis.CONSENT, "Event invitations"))
          .purpose(Purpose.of("billing", LegalBasis.CONTRACT, "Invoices"))
          .purpose(Purpose.of("lead-scoring", LegalBasis.LEGITIMATE_INTERESTS, "Lead scoring")
              .requiring(ProcessingSwitch.PROFILING))
          .build();
      ConsentProof proof = ConsentProof.webForm("signup", "v3").build();
      SubjectId[] all = new SubjectId[SUBJECTS];
      for (int i = 0; i < SUBJECTS; i++) {
        all[i] = subject(i);
        gdpr.consents().grant(all[i], "newsletter", proof);
        gdpr.consents().grant(all[i], "offers", proof);
        gdpr.consents().grant(all[i], "events", proof);
        gdpr.consents().setSwitch(all[i], ProcessingSwitch.PROFILING, true, Actor.subject());
      }
      int[] pairs = drawSequence();
      subjects = new SubjectId[SEQUENCE];
      purposes = new String[SEQUENCE];
      for (int i = 0; i < SEQUENCE; i++) {
        subjects[i] = all[pairs[i] / PURPOSES.length];
        purposes[i] = PURPOSES[pairs[i] % PURPOSES.length];
        if (!gdpr.decide(subjects[i], purposes[i]).allowed()) {
          throw new IllegalStateException("set-up failed: a decision denies");
        }
      }
      System.gc(); // measure on a compacted heap, as for the bare map
    }
  }

  /** The key a host's own consent map would use. */
  record ConsentKey(SubjectId subject, String purpose) {}

  /** A bare map of the same 5,000,000 subject-and-purpose pairs. */
  @State(Scope.Benchmark)
  public static class BareMap {
    ConcurrentHashMap<ConsentKey, Boolean> map;
    ConsentKey[] keys;

    @Setup(Level.Trial)
    public void setUp() {
      map = new ConcurrentHashMap<>(SUBJECTS * PURPOSES.length * 2);
      SubjectId[] all = new SubjectId[SUBJECTS];
      for (int i = 0; i < SUBJECTS; i++) {
        all[i] = subject(i);
        for (String purpose : PURPOSES) {
          map.put(new ConsentKey(all[i], purpose), Boolean.TRUE);
        }
      }
      int[] pairs = drawSequence();
      keys = new ConsentKey[SEQUENCE];
      for (int i = 0; i < SEQUENCE; i++) {
        keys[i] = new ConsentKey(all[pairs[i] / PURPOSES.length], PURPOSES[pairs[i] % PURPOSES.length]);
      }
      System.gc(); // measure on a compacted heap, as for the kit
    }
  }

  /** Each thread's position in the sequence. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public Decision decide(Kit kit, Cursor cursor) {
    int i = cursor.next++ & MASK;
    return kit.gdpr.decide(kit.subjects[i], kit.purposes[i]);
  }

  @Benchmark
  public Boolean mapGet(BareMap bare, Cursor cursor) {
    int i = cursor.next++ & MASK;
    return bare.map.get(bare.keys[i]);
  }

  /**
   * {@code decide} and {@code mapGet} at the same time in one fork, one thread each: whatever the machine does
   * (other tenants of a shared host, frequency changes) falls on both at once, so their ratio holds where
   * separate forks minutes apart disagree. Both share the memory system, so each is slower than alone.
   */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public Decision sideBySideDecide(Kit kit, Cursor cursor) {
    return decide(kit, cursor);
  }

  /** The bare map half of {@link #sideBySideDecide}. */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public Boolean sideBySideMapGet(BareMap bare, Cursor cursor) {
    return mapGet(bare, cursor);
  }
}
