package io.gdprkit.audit;

import static io.gdprkit.audit.AuditLogFixture.KEY;
import static io.gdprkit.audit.AuditLogFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.internal.Merkle;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.subject.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every mutation of a valid inclusion or consistency proof is rejected: index ±1, wrong tree size, wrong leaf or
 * root, a missing or an extra node, and each single flipped bit of each node, exhaustively for trees of sizes that
 * are and are not powers of two. The public verifier sees every mutation, every bit included: it checks each
 * checkpoint's signature once ({@link AuditProofVerifier#verifyCheckpoint}) and each mutated proof against the
 * {@link VerifiedCheckpoint}; a changed root is signed anew once per bit and size. The RFC 9162 algorithms under
 * it are checked on their own as well.
 */
class AuditProofMutationTests {

  private static final VerificationKey PUBLIC = KEY.verificationKey();
  private static final int[] INCLUSION_SIZES = {1, 2, 3, 5, 6, 7, 8, 13, 16, 17};
  private static final AuditLogFixture LOG = new AuditLogFixture(18);
  private static final int[] ALL_BITS = java.util.stream.IntStream.range(0, 256).toArray();
  private static final Map<Long, List<VerifiedCheckpoint>> RESIGNED = new java.util.concurrent.ConcurrentHashMap<>();

  private final List<String> accepted = new ArrayList<>();
  private int tried;

  @Test
  void rejectsEveryMutationOfAnInclusionProof() {
    for (int size : INCLUSION_SIZES) {
      Checkpoint checkpoint = LOG.checkpoint(size);
      VerifiedCheckpoint verified = AuditProofVerifier.verifyCheckpoint(checkpoint, PUBLIC);
      List<VerifiedCheckpoint> flippedRoots = resignedRoots(checkpoint);
      for (int index = 0; index < size; index++) {
        AuditEntry entry = LOG.entries.get(index);
        InclusionProof proof = LOG.inclusion(index, size);
        String at = "size " + size + " index " + index + ": ";
        expectValid(entry, proof, checkpoint);

        for (int delta : new int[] {-1, 1}) {
          int other = index + delta;
          if (other >= 0) {
            InclusionProof moved = new InclusionProof(other, size, proof.path());
            rejects(at + "index " + delta, entry, moved, checkpoint);
            if (other < LOG.entries.size()) {
              rejects(at + "neighbour entry at index " + delta, LOG.entries.get(other), moved, checkpoint);
            }
          }
          int otherSize = size + delta;
          if (otherSize >= 1) {
            InclusionProof resized = new InclusionProof(index, otherSize, proof.path());
            rejects(at + "size " + delta, entry, resized, checkpoint);
            if (index < otherSize) {
              rejects(at + "size " + delta + " with that checkpoint", entry, resized, LOG.checkpoint(otherSize));
            }
          }
        }
        rejects(at + "forged entry", forged(entry), proof, checkpoint);
        for (int j = 0; j < size; j++) {
          if (j != index) {
            rejects(at + "entry " + j, LOG.entries.get(j), proof, checkpoint);
          }
        }
        for (int bit = 0; bit < 256; bit++) {
          rejects(at + "root bit " + bit, entry, proof, flippedRoots.get(bit));
        }
        int leaf = index;
        eachPathMutation(proof.path(), ALL_BITS, path -> rejects(at + "path", entry,
            new InclusionProof(leaf, size, path), verified));
      }
    }

    assertThat(tried).isGreaterThan(90_000);
    assertThat(accepted).isEmpty();
  }

  /**
   * The verifier checks the signature, then the path with the RFC 9162 algorithm; a changed path leaves the
   * signature intact, so every bit of every node is flipped here against the algorithm alone, which is fast enough
   * to be exhaustive, with each index ±1 and each other size checked against that size's root.
   */
  @Test
  void theInclusionAlgorithmRejectsEveryBitFlipIndexAndSize() {
    for (int size : new int[] {1, 2, 3, 5, 6, 7, 8, 13, 16, 17}) {
      AuditHash root = LOG.checkpoint(size).root();
      for (int index = 0; index < size; index++) {
        AuditHash leaf = Merkle.leaf(LOG.entries.get(index).hash());
        List<AuditHash> path = LOG.inclusion(index, size).path();
        assertThat(Merkle.verifyInclusion(leaf, index, size, path, root)).isTrue();
        String at = "size " + size + " index " + index + ": ";
        int i = index;
        int n = size;

        eachPathMutation(path, ALL_BITS, mutated -> check(at + "path", Merkle.verifyInclusion(leaf, i, n, mutated,
            root)));
        for (int delta : new int[] {-1, 1}) {
          check(at + "index " + delta, Merkle.verifyInclusion(leaf, i + delta, n, path, root));
          if (n + delta >= 1 && n + delta <= LOG.entries.size()) {
            check(at + "size " + delta, Merkle.verifyInclusion(leaf, i, n + delta, path,
                LOG.checkpoint(n + delta).root()));
          }
        }
        for (int bit = 0; bit < 256; bit++) {
          check(at + "leaf bit " + bit, Merkle.verifyInclusion(flip(leaf, bit), i, n, path, root));
          check(at + "root bit " + bit, Merkle.verifyInclusion(leaf, i, n, path, flip(root, bit)));
        }
      }
    }

    assertThat(tried).isGreaterThan(50_000);
    assertThat(accepted).isEmpty();
  }

  /** As above, for consistency proofs between every pair of sizes up to 17. */
  @Test
  void theConsistencyAlgorithmRejectsEveryBitFlipAndSize() {
    for (int n = 2; n <= 17; n++) {
      for (int m = 1; m < n; m++) {
        AuditHash firstRoot = LOG.checkpoint(m).root();
        AuditHash secondRoot = LOG.checkpoint(n).root();
        List<AuditHash> path = LOG.consistency(m, n).path();
        assertThat(Merkle.verifyConsistency(m, n, firstRoot, secondRoot, path)).isTrue();
        String at = m + " to " + n + ": ";
        int first = m;
        int second = n;

        eachPathMutation(path, ALL_BITS, mutated -> check(at + "path", Merkle.verifyConsistency(first, second,
            firstRoot, secondRoot, mutated)));
        for (int delta : new int[] {-1, 1}) {
          if (m + delta >= 1 && m + delta <= n) {
            check(at + "first size " + delta, Merkle.verifyConsistency(m + delta, n,
                LOG.checkpoint(m + delta).root(), secondRoot, path));
          }
          if (n + delta >= m && n + delta <= LOG.entries.size()) {
            check(at + "second size " + delta, Merkle.verifyConsistency(m, n + delta, firstRoot,
                LOG.checkpoint(n + delta).root(), path));
          }
        }
        for (int bit = 0; bit < 256; bit++) {
          check(at + "first root bit " + bit, Merkle.verifyConsistency(m, n, flip(firstRoot, bit), secondRoot, path));
          check(at + "second root bit " + bit, Merkle.verifyConsistency(m, n, firstRoot, flip(secondRoot, bit),
              path));
        }
      }
    }

    assertThat(tried).isGreaterThan(50_000);
    assertThat(accepted).isEmpty();
  }

  private void check(String what, boolean accepts) {
    tried++;
    if (accepts) {
      accepted.add(what);
    }
  }

  @Test
  void rejectsEveryMutationOfAConsistencyProof() {
    for (int n = 2; n <= 17; n++) {
      for (int first = 1; first < n; first++) {
        rejectsEveryMutationOfAConsistencyProof(first, n);
      }
    }

    assertThat(tried).isGreaterThan(150_000);
    assertThat(accepted).isEmpty();
  }

  private void rejectsEveryMutationOfAConsistencyProof(int m, int n) {
    Checkpoint first = LOG.checkpoint(m);
    Checkpoint second = LOG.checkpoint(n);
    ConsistencyProof proof = LOG.consistency(m, n);
    String at = m + " to " + n + ": ";
    AuditProofVerifier.verifyConsistency(first, second, proof, PUBLIC);
    VerifiedCheckpoint verifiedFirst = AuditProofVerifier.verifyCheckpoint(first, PUBLIC);
    VerifiedCheckpoint verifiedSecond = AuditProofVerifier.verifyCheckpoint(second, PUBLIC);
    List<VerifiedCheckpoint> firstRoots = resignedRoots(first);
    List<VerifiedCheckpoint> secondRoots = resignedRoots(second);

    for (int delta : new int[] {-1, 1}) {
      if (m + delta >= 1 && m + delta <= n) {
        ConsistencyProof shifted = new ConsistencyProof(m + delta, n, proof.path());
        rejects(at + "first size " + delta, first, second, shifted);
        rejects(at + "first size " + delta + " with that checkpoint", LOG.checkpoint(m + delta), second, shifted);
      }
      if (n + delta >= m && n + delta <= LOG.entries.size()) {
        ConsistencyProof shifted = new ConsistencyProof(m, n + delta, proof.path());
        rejects(at + "second size " + delta, first, second, shifted);
        rejects(at + "second size " + delta + " with that checkpoint", first, LOG.checkpoint(n + delta), shifted);
      }
    }
    rejects(at + "swapped", second, first, proof);
    for (int bit = 0; bit < 256; bit++) {
      rejects(at + "first root bit " + bit, firstRoots.get(bit), verifiedSecond, proof);
      rejects(at + "second root bit " + bit, verifiedFirst, secondRoots.get(bit), proof);
    }
    eachPathMutation(proof.path(), ALL_BITS, path -> rejects(at + "path", verifiedFirst, verifiedSecond,
        new ConsistencyProof(m, n, path)));
  }

  /** Calls {@code check} with the path missing each node, with an extra node at each place, and bits flipped. */
  private static void eachPathMutation(List<AuditHash> path, int[] bits, Consumer<List<AuditHash>> check) {
    for (int i = 0; i < path.size(); i++) {
      List<AuditHash> missing = new ArrayList<>(path);
      missing.remove(i);
      check.accept(missing);
      for (int bit : bits) {
        List<AuditHash> flipped = new ArrayList<>(path);
        flipped.set(i, flip(path.get(i), bit));
        check.accept(flipped);
      }
    }
    for (int i = 0; i <= path.size(); i++) {
      for (AuditHash extra : List.of(AuditHash.ZERO, path.isEmpty() ? LOG.entries.get(0).hash() : path.get(0))) {
        List<AuditHash> longer = new ArrayList<>(path);
        longer.add(i, extra);
        check.accept(longer);
      }
    }
  }

  private static AuditEntry forged(AuditEntry entry) {
    AuditRecord record = new AuditRecord(AuditKind.ACCESSED, TENANT, "k1:forged", Actor.staff("intruder"), null,
        Map.of());
    return new AuditEntry(entry.position(), entry.at(), record, entry.previousHash(),
        EntryHashing.hash(entry.position(), entry.at(), record, entry.previousHash()));
  }

  /**
   * The checkpoint signed anew with each one of its root's 256 bits flipped, each signature checked once; kept by
   * size, since the consistency test meets each size many times.
   */
  private static List<VerifiedCheckpoint> resignedRoots(Checkpoint checkpoint) {
    return RESIGNED.computeIfAbsent(checkpoint.treeSize(), size -> resignEachRootBit(checkpoint));
  }

  private static List<VerifiedCheckpoint> resignEachRootBit(Checkpoint checkpoint) {
    List<VerifiedCheckpoint> resigned = new ArrayList<>(256);
    for (int bit = 0; bit < 256; bit++) {
      resigned.add(AuditProofVerifier.verifyCheckpoint(resigned(checkpoint, flip(checkpoint.root(), bit)), PUBLIC));
    }
    return resigned;
  }

  /** A checkpoint signed by the right key over a changed root: only the proof can catch it. */
  private static Checkpoint resigned(Checkpoint checkpoint, AuditHash root) {
    return Checkpoint.sign(checkpoint.tenant(), checkpoint.treeSize(), root, checkpoint.lastEntryHash(),
        checkpoint.at(), KEY);
  }

  private static AuditHash flip(AuditHash hash, int bit) {
    byte[] bytes = hash.toByteArray();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    return AuditHash.of(bytes);
  }

  private static void expectValid(AuditEntry entry, InclusionProof proof, Checkpoint checkpoint) {
    AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, PUBLIC);
  }

  private void rejects(String what, AuditEntry entry, InclusionProof proof, Checkpoint checkpoint) {
    rejects(what, () -> AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, PUBLIC));
  }

  private void rejects(String what, AuditEntry entry, InclusionProof proof, VerifiedCheckpoint checkpoint) {
    rejects(what, () -> checkpoint.verifyInclusion(entry, proof));
  }

  private void rejects(String what, VerifiedCheckpoint first, VerifiedCheckpoint second, ConsistencyProof proof) {
    rejects(what, () -> first.verifyConsistency(second, proof));
  }

  private void rejects(String what, Checkpoint first, Checkpoint second, ConsistencyProof proof) {
    rejects(what, () -> AuditProofVerifier.verifyConsistency(first, second, proof, PUBLIC));
  }

  /** Counts one mutation tried, and records it as accepted unless the verification throws. */
  private void rejects(String what, Runnable verification) {
    tried++;
    try {
      verification.run();
      accepted.add(what);
    } catch (ProofRejectedException expected) {
      // rejected, as it must be
    }
  }
}
