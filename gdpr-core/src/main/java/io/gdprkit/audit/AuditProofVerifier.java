package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.ProofRejectedException.Reason;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.internal.Merkle;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * Checks checkpoints, inclusion proofs and consistency proofs with nothing but them and the public key: no kit, no
 * store, no network.
 *
 * <p>Why standalone: the point of a signed checkpoint is that someone who does not trust the operator of the store
 * (an auditor, a supervisory authority, the data subject) can check a claim on their own. Every method returns
 * normally only when every check passed, and otherwise throws a {@link ProofRejectedException} naming the check.
 * The proofs follow RFC 9162 §2.1.3.2 and §2.1.4.2. Stateless and thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, publishedKey); // throws if anything is off
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuditProofVerifier {

  private AuditProofVerifier() {}

  /**
   * Checks that {@code key} signed the checkpoint as it is.
   *
   * @throws ProofRejectedException if the key id differs or the signature does not verify
   */
  public static void verifyCheckpoint(Checkpoint checkpoint, VerificationKey key) {
    Preconditions.notNull(checkpoint, "checkpoint");
    Preconditions.notNull(key, "key");
    if (!checkpoint.keyId().equals(key.keyId())) {
      throw ProofRejectedException.of(Reason.WRONG_KEY, "checkpoint of size " + checkpoint.treeSize()
          + " names key " + checkpoint.keyId() + ", the key given is " + key.keyId());
    }
    if (!checkpoint.verifies(key)) {
      throw ProofRejectedException.of(Reason.BAD_SIGNATURE, "checkpoint of size " + checkpoint.treeSize());
    }
  }

  /**
   * Checks that {@code entry} is, unchanged, at its position in the log that {@code checkpoint} signed.
   *
   * @throws ProofRejectedException if the checkpoint, the entry or the path does not verify, or they do not belong
   *     together
   */
  public static void verifyInclusion(AuditEntry entry, InclusionProof proof, Checkpoint checkpoint,
      VerificationKey key) {
    Preconditions.notNull(entry, "entry");
    Preconditions.notNull(proof, "proof");
    verifyCheckpoint(checkpoint, key);
    if (proof.treeSize() != checkpoint.treeSize() || proof.leafIndex() != entry.position()
        || !entry.record().tenant().equals(checkpoint.tenant())) {
      throw ProofRejectedException.of(Reason.MISMATCH, "proof for position " + proof.leafIndex() + " of size "
          + proof.treeSize() + ", entry at position " + entry.position() + ", checkpoint of size "
          + checkpoint.treeSize());
    }
    if (!EntryHashing.verifies(entry)) {
      throw ProofRejectedException.of(Reason.ENTRY_ALTERED, "entry at position " + entry.position());
    }
    if (entry.position() == checkpoint.treeSize() - 1 && !entry.hash().equals(checkpoint.lastEntryHash())) {
      throw ProofRejectedException.of(Reason.MISMATCH, "the last entry's hash is not the checkpoint's");
    }
    if (!Merkle.verifyInclusion(Merkle.leaf(entry.hash()), proof.leafIndex(), proof.treeSize(), proof.path(),
        checkpoint.root())) {
      throw ProofRejectedException.of(Reason.PATH_INVALID, "position " + proof.leafIndex() + " in size "
          + proof.treeSize());
    }
  }

  /**
   * Checks that the log {@code second} signed extends, unchanged, the log {@code first} signed.
   *
   * @throws ProofRejectedException if a checkpoint or the path does not verify, or they do not belong together
   */
  public static void verifyConsistency(Checkpoint first, Checkpoint second, ConsistencyProof proof,
      VerificationKey key) {
    Preconditions.notNull(proof, "proof");
    verifyCheckpoint(first, key);
    verifyCheckpoint(second, key);
    if (!first.tenant().equals(second.tenant()) || proof.firstSize() != first.treeSize()
        || proof.secondSize() != second.treeSize()) {
      throw ProofRejectedException.of(Reason.MISMATCH, "proof from size " + proof.firstSize() + " to "
          + proof.secondSize() + ", checkpoints of sizes " + first.treeSize() + " and " + second.treeSize());
    }
    if (first.treeSize() == second.treeSize() && !first.lastEntryHash().equals(second.lastEntryHash())) {
      throw ProofRejectedException.of(Reason.PATH_INVALID, "checkpoints of equal size " + first.treeSize()
          + " name different last entries");
    }
    if (!Merkle.verifyConsistency(first.treeSize(), second.treeSize(), first.root(), second.root(), proof.path())) {
      throw ProofRejectedException.of(Reason.PATH_INVALID, "from size " + first.treeSize() + " to "
          + second.treeSize());
    }
  }
}
