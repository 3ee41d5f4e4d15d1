package io.gdprkit.benchmarks;

import io.gdprkit.GdprKit;
import io.gdprkit.audit.AuditEntry;
import io.gdprkit.audit.AuditHash;
import io.gdprkit.audit.AuditKind;
import io.gdprkit.audit.AuditProofVerifier;
import io.gdprkit.audit.AuditRecord;
import io.gdprkit.audit.Checkpoint;
import io.gdprkit.audit.CheckpointPolicy;
import io.gdprkit.audit.InclusionProof;
import io.gdprkit.audit.VerifiedCheckpoint;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.TenantId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Checking inclusion proofs against one checkpoint of a 4,096-entry chain: once per proof through the one-call
 * verifier, which checks the checkpoint's Ed25519 signature every time, and through a {@link VerifiedCheckpoint},
 * whose signature was checked once; against a bare RFC 9162 path walk with a reused JCA {@code MessageDigest},
 * what an auditor writing their own checker would pay at least.
 *
 * <p>Each invocation checks the next of 256 proofs spread over the chain (12 path nodes each). The verifier also
 * re-hashes the entry's content, which the bare walk skips. Expect the one-call figure to be dominated by Ed25519
 * and the two-step figure to be within a small factor of the bare walk.
 *
 * <p>Run: <pre>{@code
 * ./mvnw -q package -pl gdpr-benchmarks -am -DskipTests
 * java -jar gdpr-benchmarks/target/benchmarks.jar AuditProofBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditProofBenchmark {

  private static final int SIZE = 4_096;
  private static final int PROOFS = 256;

  /** A chain with one checkpoint over all of it, and proofs of every sixteenth entry. */
  @State(Scope.Benchmark)
  public static class Proofs {
    Checkpoint checkpoint;
    VerifiedCheckpoint verified;
    VerificationKeys keys;
    AuditEntry[] entries = new AuditEntry[PROOFS];
    InclusionProof[] proofs = new InclusionProof[PROOFS];
    byte[][][] paths = new byte[PROOFS][][];
    byte[] root;

    @Setup(Level.Trial)
    public void setUp() {
      GdprKit gdpr = GdprKit.builder().signingKey(SigningKey.generate("audit-bench"))
          .auditCheckpoints(CheckpointPolicy.of(1_000_000, Duration.ofDays(1))).build();
      TenantId tenant = TenantId.DEFAULT;
      for (int i = 0; i < SIZE; i++) {
        gdpr.audit().append(new AuditRecord(AuditKind.ACCESSED, tenant, "k1:p" + i, Actor.staff("dpo"), null,
            Map.of("n", Integer.toString(i))));
      }
      keys = gdpr.verificationKeys();
      checkpoint = gdpr.audit().checkpoint(tenant);
      verified = AuditProofVerifier.verifyCheckpoint(checkpoint, keys);
      root = checkpoint.root().toByteArray();
      for (int i = 0; i < PROOFS; i++) {
        long position = (long) i * (SIZE / PROOFS) + i % 16;
        entries[i] = gdpr.audit().entries(tenant, position, 1).get(0);
        proofs[i] = gdpr.audit().inclusionProof(tenant, position, checkpoint);
        List<AuditHash> path = proofs[i].path();
        paths[i] = new byte[path.size()][];
        for (int j = 0; j < path.size(); j++) {
          paths[i][j] = path.get(j).toByteArray();
        }
      }
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < PROOFS; i++) {
          if (!walk(this, i, sha)) {
            throw new IllegalStateException("the bare walk rejects proof " + i + ": the baseline is wrong");
          }
        }
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The next proof for this thread, and a digest reused by the bare walk. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    MessageDigest sha256;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
      sha256 = MessageDigest.getInstance("SHA-256");
    }

    int advance() {
      next = (next + 1) % PROOFS;
      return next;
    }
  }

  @Benchmark
  public Checkpoint oneCallEachProof(Proofs proofs, Cursor cursor) {
    int i = cursor.advance();
    AuditProofVerifier.verifyInclusion(proofs.entries[i], proofs.proofs[i], proofs.checkpoint, proofs.keys);
    return proofs.checkpoint;
  }

  @Benchmark
  public VerifiedCheckpoint verifiedCheckpoint(Proofs proofs, Cursor cursor) {
    int i = cursor.advance();
    proofs.verified.verifyInclusion(proofs.entries[i], proofs.proofs[i]);
    return proofs.verified;
  }

  /** RFC 9162 §2.1.3.2 over raw bytes with a reused digest: no entry re-hash, no checks of shape. */
  @Benchmark
  public boolean bareSha256Walk(Proofs proofs, Cursor cursor) {
    return walk(proofs, cursor.advance(), cursor.sha256);
  }

  static boolean walk(Proofs proofs, int i, MessageDigest sha) {
    sha.update((byte) 0);
    sha.update(proofs.entries[i].hash().toByteArray());
    byte[] r = sha.digest();
    long fn = proofs.proofs[i].leafIndex();
    long sn = proofs.proofs[i].treeSize() - 1;
    for (byte[] p : proofs.paths[i]) {
      if (sn == 0) {
        return false;
      }
      sha.update((byte) 1);
      if ((fn & 1) == 1 || fn == sn) {
        sha.update(p);
        sha.update(r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sha.update(r);
        sha.update(p);
      }
      r = sha.digest();
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, proofs.root);
  }
}
