package io.gdprkit.benchmarks;

import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.subject.TenantId;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 signatures of audit checkpoints: gdpr-kit's {@link SigningKey} (Bouncy Castle) against the JDK's
 * {@code Signature.getInstance("Ed25519")}, which is what a user would reach for.
 *
 * <p>Both sign the same 1,024 messages, the signed bytes of checkpoints over random roots (about 130 bytes each),
 * in turn, with the same private key from one 32-byte seed; Ed25519 is deterministic, and the setup checks that
 * both give the same signature. The JDK's {@code Signature} is created and initialised once and reused. Score:
 * signatures/s.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar CheckpointBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckpointBenchmark {

  /** The messages and both signers. */
  @State(Scope.Thread)
  public static class Signers {
    byte[][] messages = new byte[1_024][];
    SigningKey bouncyCastle;
    Signature jdk;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      SplittableRandom random = new SplittableRandom(20261202L);
      byte[] seed = new byte[32];
      for (int i = 0; i < seed.length; i++) {
        seed[i] = (byte) random.nextInt(256);
      }
      bouncyCastle = SigningKey.of("bench", seed);
      PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
          .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      jdk = Signature.getInstance("Ed25519");
      jdk.initSign(privateKey);
      for (int i = 0; i < messages.length; i++) {
        byte[] root = new byte[32];
        for (int b = 0; b < root.length; b++) {
          root[b] = (byte) random.nextInt(256);
        }
        messages[i] = Checkpoint.sign(TenantId.of("acme"), 1_000L * (i + 1), AuditHash.of(root), AuditHash.of(root),
            Instant.parse("2026-12-02T05:00:00Z").plusSeconds(i), bouncyCastle).signedBytes();
      }
      jdk.update(messages[0]);
      if (!Arrays.equals(jdk.sign(), bouncyCastle.sign(messages[0]))) {
        throw new IllegalStateException("the JDK and Bouncy Castle disagree on an Ed25519 signature");
      }
    }
  }

  @Benchmark
  public byte[] bouncyCastle(Signers signers) {
    return signers.bouncyCastle.sign(signers.messages[signers.next++ & 1_023]);
  }

  @Benchmark
  public byte[] jdk(Signers signers) throws GeneralSecurityException {
    signers.jdk.update(signers.messages[signers.next++ & 1_023]);
    return signers.jdk.sign();
  }
}
