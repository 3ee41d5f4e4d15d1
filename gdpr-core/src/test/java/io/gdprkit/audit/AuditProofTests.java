package io.gdprkit.audit;

import static io.gdprkit.audit.AuditLogFixture.KEY;
import static io.gdprkit.audit.AuditLogFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdprkit.InvalidInputException;
import io.gdprkit.audit.internal.Merkle;
import io.gdprkit.crypto.SigningKey;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.subject.TenantId;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merkle roots, inclusion and consistency proofs, and checkpoints, as generated and as checked standalone. */
class AuditProofTests {

  private static final VerificationKey PUBLIC = KEY.verificationKey();
  private static final AuditLogFixture LOG = new AuditLogFixture(1_100);

  @Test
  void hashesLeavesAndNodesWithDomainSeparationAsRfc9162Says() throws Exception {
    List<AuditEntry> three = LOG.entries.subList(0, 3);

    AuditHash root = LOG.checkpoint(3).root();

    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[][] leaf = new byte[3][];
    for (int i = 0; i < 3; i++) {
      sha.update((byte) 0);
      leaf[i] = sha.digest(three.get(i).hash().toByteArray());
    }
    sha.update((byte) 1);
    sha.update(leaf[0]);
    byte[] left = sha.digest(leaf[1]);
    sha.update((byte) 1);
    sha.update(left);
    byte[] expected = sha.digest(leaf[2]);
    assertThat(root).isEqualTo(AuditHash.of(expected));
    assertThat(LOG.checkpoint(1).root()).isEqualTo(AuditHash.of(leaf[0]));
  }

  @Test
  void signsRootsThatMatchTheDefinitionAtEverySizeAcrossCachedChunks() {
    List<AuditHash> leaves = LOG.entries.stream().map(e -> Merkle.leaf(e.hash())).toList();

    for (int size : new int[] {1, 2, 3, 7, 255, 256, 257, 511, 512, 513, 769, 1024, 1025, 1100}) {
      Checkpoint checkpoint = LOG.checkpoint(size);

      assertThat(checkpoint.root()).as("size %d", size).isEqualTo(Merkle.root(leaves.subList(0, size)));
      assertThat(checkpoint.lastEntryHash()).isEqualTo(LOG.entries.get(size - 1).hash());
      assertThat(checkpoint.verifies(PUBLIC)).isTrue();
    }
  }

  @Test
  void provesEveryEntryOfSmallTreesAndSampledEntriesOfLargeOnes() {
    for (int size = 1; size <= 40; size++) {
      for (int index = 0; index < size; index++) {
        InclusionProof proof = LOG.inclusion(index, size);
        Checkpoint checkpoint = LOG.checkpoint(size);
        AuditEntry entry = LOG.entries.get(index);

        assertThatCode(() -> AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, PUBLIC))
            .doesNotThrowAnyException();
      }
    }
    for (int size : new int[] {256, 257, 600, 1024, 1100}) {
      for (int index : new int[] {0, 1, 255, 256, 257, size / 2, size - 2, size - 1}) {
        if (index >= size) {
          continue;
        }
        InclusionProof proof = LOG.inclusion(index, size);

        assertThat(proof.path()).hasSizeLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size - 1L));
        assertThatCode(() -> AuditProofVerifier.verifyInclusion(LOG.entries.get(index), proof,
            LOG.checkpoint(size), PUBLIC)).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void provesThatEveryLaterCheckpointExtendsAnEarlierOne() {
    for (int second = 1; second <= 24; second++) {
      for (int first = 1; first <= second; first++) {
        ConsistencyProof proof = LOG.consistency(first, second);
        Checkpoint older = LOG.checkpoint(first);
        Checkpoint newer = LOG.checkpoint(second);

        assertThatCode(() -> AuditProofVerifier.verifyConsistency(older, newer, proof, PUBLIC))
            .as("%d to %d", first, second).doesNotThrowAnyException();
      }
    }
    int[][] large = {{1, 1100}, {255, 257}, {256, 512}, {300, 1024}, {513, 1099}, {1024, 1100}};
    for (int[] pair : large) {
      ConsistencyProof proof = LOG.consistency(pair[0], pair[1]);

      assertThatCode(() -> AuditProofVerifier.verifyConsistency(LOG.checkpoint(pair[0]), LOG.checkpoint(pair[1]),
          proof, PUBLIC)).doesNotThrowAnyException();
    }
  }

  @Test
  void refusesProofsThatNoCheckpointOfTheChainCanBack() {
    Checkpoint checkpoint = LOG.checkpoint(10);
    Checkpoint foreign = Checkpoint.sign(TenantId.of("globex"), 10, checkpoint.root(), checkpoint.lastEntryHash(),
        checkpoint.at(), KEY);
    Checkpoint beyond = Checkpoint.sign(TENANT, 5_000, checkpoint.root(), checkpoint.lastEntryHash(),
        checkpoint.at(), KEY);

    assertThatThrownBy(() -> LOG.audit.inclusionProof(TENANT, 10, checkpoint))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("position");
    assertThatThrownBy(() -> LOG.audit.inclusionProof(TENANT, 0, foreign))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenant");
    assertThatThrownBy(() -> LOG.audit.inclusionProof(TENANT, 0, beyond))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the chain");
    assertThatThrownBy(() -> LOG.audit.consistencyProof(TENANT, LOG.checkpoint(11), checkpoint))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("smaller");
  }

  @Test
  void readsBackACheckpointFromItsBytes() {
    Checkpoint checkpoint = LOG.checkpoint(77);

    Checkpoint parsed = Checkpoint.parse(checkpoint.toBytes());

    assertThat(parsed).isEqualTo(checkpoint);
    assertThat(parsed.verifies(PUBLIC)).isTrue();
    assertThat(parsed.toString()).contains("treeSize=77", "keyId=audit-test");
  }

  @Test
  void rejectsACheckpointWithAnyChangedByteOrFromAnotherKey() {
    Checkpoint checkpoint = LOG.checkpoint(77);
    byte[] bytes = checkpoint.toBytes();
    VerificationKey sameIdOtherKey = SigningKey.of("audit-test", new byte[] {
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
        .verificationKey();
    VerificationKey otherId = SigningKey.generate("audit-other").verificationKey();

    int rejected = 0;
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = bytes.clone();
        changed[i] ^= (byte) (1 << bit);
        if (rejects(changed)) {
          rejected++;
        }
      }
    }

    assertThat(rejected).isEqualTo(bytes.length * 8);
    assertThatThrownBy(() -> AuditProofVerifier.verifyCheckpoint(checkpoint, sameIdOtherKey))
        .isInstanceOfSatisfying(ProofRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ProofRejectedException.Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> AuditProofVerifier.verifyCheckpoint(checkpoint, otherId))
        .isInstanceOfSatisfying(ProofRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ProofRejectedException.Reason.WRONG_KEY));
  }

  private static boolean rejects(byte[] changed) {
    Checkpoint parsed;
    try {
      parsed = Checkpoint.parse(changed);
    } catch (InvalidInputException malformed) {
      return true;
    }
    try {
      AuditProofVerifier.verifyCheckpoint(parsed, PUBLIC);
      return false;
    } catch (ProofRejectedException rejected) {
      return true;
    }
  }
}
