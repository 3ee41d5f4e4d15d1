package io.gdprkit.benchmarks;

import com.iabtcf.decoder.TCString;
import com.iabtcf.encoder.PublisherRestrictionEntry;
import com.iabtcf.encoder.TCStringEncoder;
import com.iabtcf.utils.BitSetIntIterable;
import com.iabtcf.utils.IntIterator;
import com.iabtcf.v2.RestrictionType;
import io.gdprkit.tcf.IdSet;
import io.gdprkit.tcf.TcString;
import java.time.Instant;
import java.util.BitSet;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding IAB TCF v2.2/v2.3 TC strings with gdpr-kit's {@code TcString.decode} against the IAB's own Java decoder
 * ({@code com.iabtcf:iabtcf-decoder} 2.0.10, {@code TCString.decode}), on the same strings, in the same run.
 *
 * <p>16 strings made once by the IAB's Java encoder from a fixed seed, walked in turn: several hundred to about 1,300
 * vendors each, half with dense vendor sets (bit fields) and half with long runs (range encoding), half with a
 * disclosed-vendors segment (v2.3) and half without (v2.2), some with publisher restrictions. The IAB decoder is
 * lazy, so each benchmark decodes and then reads every purpose consent, every vendor consent and every vendor
 * legitimate interest, sinking each id into the {@code Blackhole}; gdpr-kit decodes every segment eagerly and
 * checks the current Policy as it goes (strict mode); {@code gdprKit} reads the sets with {@code IdSet.forEach},
 * {@code gdprKitIterator} through {@code IdSet.iterator()}, as the IAB's decoder is read through its
 * {@code IntIterator}. Target: {@code gdprKit} at least as fast as {@code iabtcf},
 * goal twice as fast. {@code sideBySide} runs both at once in one fork, one thread each, which is the figure to
 * trust on a shared machine; {@code Strings} is per thread, so each walks the same 16 strings.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar TcStringBenchmark -f 1 -wi 3 -i 5 -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TcStringBenchmark {

  static final int STRINGS = 16;

  /** The strings both decoders read, walked in turn by each benchmark thread. */
  @State(Scope.Thread)
  public static class Strings {
    String[] all;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      all = make(new SplittableRandom(20261207L));
      for (String tcString : all) {
        // both decoders must read every string, and read it alike
        if (TcString.decode(tcString).vendorConsents().size() != TCString.decode(tcString).getVendorConsent()
            .toStream().count()) {
          throw new IllegalStateException("set-up failed: the decoders disagree");
        }
      }
    }

    String next() {
      return all[next++ & (STRINGS - 1)];
    }
  }

  @Benchmark
  public void gdprKit(Strings strings, Blackhole sink) {
    TcString tc = TcString.decode(strings.next());
    drain(tc.purposesConsent(), sink);
    drain(tc.vendorConsents(), sink);
    drain(tc.vendorLegitimateInterests(), sink);
  }

  /** As {@link #gdprKit}, reading the sets through iterators, as {@link #iabtcf} does. */
  @Benchmark
  public void gdprKitIterator(Strings strings, Blackhole sink) {
    TcString tc = TcString.decode(strings.next());
    walk(tc.purposesConsent(), sink);
    walk(tc.vendorConsents(), sink);
    walk(tc.vendorLegitimateInterests(), sink);
  }

  @Benchmark
  public void iabtcf(Strings strings, Blackhole sink) {
    TCString tc = TCString.decode(strings.next());
    drain(tc.getPurposesConsent().intIterator(), sink);
    drain(tc.getVendorConsent().intIterator(), sink);
    drain(tc.getVendorLegitimateInterest().intIterator(), sink);
  }

  /** Both decoders at once in one fork, one thread each, so that what the shared host does falls on both. */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public void sideBySideGdprKit(Strings strings, Blackhole sink) {
    gdprKitIterator(strings, sink);
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public void sideBySideIabtcf(Strings strings, Blackhole sink) {
    iabtcf(strings, sink);
  }

  private static void drain(IdSet ids, Blackhole sink) {
    ids.forEach(sink::consume);
  }

  private static void walk(IdSet ids, Blackhole sink) {
    PrimitiveIterator.OfInt iterator = ids.iterator();
    while (iterator.hasNext()) {
      sink.consume(iterator.nextInt());
    }
  }

  private static void drain(IntIterator ids, Blackhole sink) {
    while (ids.hasNext()) {
      sink.consume(ids.nextInt());
    }
  }

  /** Makes the strings with the IAB's Java encoder, valid under the current Policy. */
  static String[] make(SplittableRandom random) {
    String[] strings = new String[STRINGS];
    for (int i = 0; i < STRINGS; i++) {
      boolean v23 = i % 2 == 0;
      boolean runs = i % 4 >= 2;
      int maxVendor = 600 + random.nextInt(700);
      TCStringEncoder.Builder builder = TCStringEncoder.newBuilder()
          .version(2)
          .created(Instant.parse(v23 ? "2026-03-15T00:00:00Z" : "2025-11-02T00:00:00Z"))
          .lastUpdated(Instant.parse("2026-04-01T00:00:00Z"))
          .cmpId(10 + random.nextInt(400))
          .cmpVersion(1 + random.nextInt(60))
          .consentScreen(1 + random.nextInt(5))
          .consentLanguage("DE")
          .vendorListVersion(100 + random.nextInt(50))
          .tcfPolicyVersion(v23 ? 5 : 4)
          .isServiceSpecific(true)
          .publisherCC("DE")
          .addPurposesConsent(ids(random, 11, 0.8))
          .addPurposesLITransparency(BitSetIntIterable.from(2, 7, 8, 9, 10, 11))
          .addSpecialFeatureOptIns(ids(random, 2, 0.5))
          .addVendorConsent(runs ? runs(random, maxVendor) : ids(random, maxVendor, 0.6))
          .addVendorLegitimateInterest(runs ? runs(random, maxVendor) : ids(random, maxVendor, 0.2));
      if (v23) {
        builder.addDisclosedVendors(runs ? runs(random, maxVendor) : ids(random, maxVendor, 0.8));
      }
      if (i % 3 == 0) {
        builder.addPublisherRestrictionEntry(new PublisherRestrictionEntry.Builder().purposeId(2)
            .restrictionType(RestrictionType.REQUIRE_CONSENT).addVendor(ids(random, maxVendor, 0.05)).build());
      }
      strings[i] = builder.encode();
    }
    return strings;
  }

  private static BitSetIntIterable ids(SplittableRandom random, int max, double density) {
    BitSet ids = new BitSet();
    for (int id = 1; id <= max; id++) {
      if (random.nextDouble() < density) {
        ids.set(id);
      }
    }
    ids.set(1 + random.nextInt(max)); // never empty: the IAB encoder mishandles empty restriction lists
    return BitSetIntIterable.from(ids);
  }

  /** A few hundred vendors in long runs, so that the encoder picks range encoding. */
  private static BitSetIntIterable runs(SplittableRandom random, int max) {
    BitSet ids = new BitSet();
    for (int run = 0; run < 8; run++) {
      int from = 1 + random.nextInt(max);
      ids.set(from, Math.min(max, from + 20 + random.nextInt(80)) + 1);
    }
    return BitSetIntIterable.from(ids);
  }
}
