package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.VerificationResult;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The audit trail: appends per second on one and on two threads, and {@code verify} entries per second against a
 * bare loop of SHA-256 over the identical canonical bytes of the same entries.
 *
 * <p>Entries look like the kit's own consent entries: a keyed pseudonym of 46 characters, a staff actor, a purpose,
 * an event UUID and a type; about 200 canonical bytes, four SHA-256 blocks. {@code append1} and {@code append2}
 * append to one tenant's chain on the in-memory store, with the default checkpoint policy (an Ed25519 signature and
 * a Merkle root every 1,000 entries) and group commit; a fresh kit every iteration keeps the heap bounded.
 * {@code verify} checks a 100,000-entry chain with its 100 checkpoints through {@code gdpr.audit().verify(..)};
 * {@code sha256Baseline} digests the same entries' canonical bytes, precomputed, with one reused
 * {@code MessageDigest}, which is what a user would write who trusted nothing else. Both score in entries/s
 * ({@code @OperationsPerInvocation}); target: {@code verify} ≥ 0.7 × {@code sha256Baseline}. {@code sideBySide} runs
 * both at once, one thread each, which is the ratio to trust on a shared machine.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar AuditBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AuditBenchmark {

  static final int CHAIN = 100_000;
  static final TenantId TENANT = TenantId.of("acme");

  /** 1,024 records shaped like the kit's consent entries, drawn with a fixed seed. */
  static AuditRecord[] records() {
    SplittableRandom random = new SplittableRandom(20261202L);
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    AuditRecord[] records = new AuditRecord[1_024];
    for (int i = 0; i < records.length; i++) {
      byte[] mac = new byte[32];
      for (int b = 0; b < mac.length; b++) {
        mac[b] = (byte) random.nextInt(256);
      }
      records[i] = new AuditRecord(AuditKind.CONSENT_CHANGED, TENANT, "k1:" + base64.encodeToString(mac),
          Actor.staff("dpo-" + (i % 7)), "newsletter", Map.of("event",
              new UUID(random.nextLong(), random.nextLong()).toString(), "type", i % 3 == 0 ? "WITHDRAWN" : "GRANTED"));
    }
    return records;
  }

  /** A fresh kit to append to, every iteration. */
  @State(Scope.Benchmark)
  public static class Appending {
    AuditRecord[] records;
    GdprKit gdpr;

    @Setup(Level.Trial)
    public void records() {
      records = AuditBenchmark.records();
    }

    @Setup(Level.Iteration)
    public void freshKit() {
      gdpr = GdprKit.builder().build();
    }
  }

  /** Each thread's place in the records. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** A verified 100,000-entry chain with its checkpoints, and the canonical bytes of its entries. */
  @State(Scope.Benchmark)
  public static class Chain {
    GdprKit gdpr;
    byte[][] canonical;
    MessageDigest sha256;
    byte[] digest = new byte[32];

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
      gdpr = GdprKit.builder().build();
      AuditRecord[] records = AuditBenchmark.records();
      for (int i = 0; i < CHAIN; i++) {
        gdpr.audit().append(records[i & 1_023]);
      }
      canonical = new byte[CHAIN][];
      for (int from = 0; from < CHAIN; from += 1_000) {
        List<AuditEntry> page = gdpr.audit().entries(TENANT, from, 1_000);
        for (int i = 0; i < page.size(); i++) {
          canonical[from + i] = EntryHashing.canonicalBytes(page.get(i));
        }
      }
      sha256 = MessageDigest.getInstance("SHA-256");
      if (!gdpr.audit().verify(TENANT).equals(VerificationResult.ok(CHAIN))) {
        throw new IllegalStateException("the benchmark chain does not verify");
      }
    }
  }

  private static AuditEntry append(Appending state, Cursor cursor) {
    return state.gdpr.audit().append(state.records[cursor.next++ & 1_023]);
  }

  @Benchmark
  @Threads(1)
  public AuditEntry append1(Appending state, Cursor cursor) {
    return append(state, cursor);
  }

  @Benchmark
  @Threads(2)
  public AuditEntry append2(Appending state, Cursor cursor) {
    return append(state, cursor);
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public VerificationResult verify(Chain chain) {
    return chain.gdpr.audit().verify(TENANT);
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public void sha256Baseline(Chain chain, Blackhole blackhole) throws DigestException {
    digestAll(chain, blackhole);
  }

  /** {@link #verify} and {@link #sha256Baseline} at once, one thread each: the ratio to trust on a shared machine. */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  @OperationsPerInvocation(CHAIN)
  public VerificationResult sideBySideVerify(Chain chain) {
    return chain.gdpr.audit().verify(TENANT);
  }

  /** The bare SHA-256 half of {@link #sideBySideVerify}. */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  @OperationsPerInvocation(CHAIN)
  public void sideBySideSha256(Chain chain, Blackhole blackhole) throws DigestException {
    digestAll(chain, blackhole);
  }

  private static void digestAll(Chain chain, Blackhole blackhole) throws DigestException {
    MessageDigest sha256 = chain.sha256;
    byte[] digest = chain.digest;
    for (byte[] bytes : chain.canonical) {
      sha256.update(bytes);
      sha256.digest(digest, 0, 32);
      blackhole.consume(digest[0]);
    }
  }
}
