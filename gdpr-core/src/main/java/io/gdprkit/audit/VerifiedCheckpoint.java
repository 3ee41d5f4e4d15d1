package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.ProofRejectedException.Reason;
import io.gdprkit.audit.internal.EntryHashing;
import io.gdprkit.audit.internal.Merkle;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A checkpoint whose signature {@link AuditProofVerifier} has checked, against which any number of inclusion and
 * consistency proofs are then checked with hashing only.
 *
 * <p>Why: an Ed25519 verification costs far more than the few SHA-256 computations of a proof, so an auditor who
 * checks thousands of entries against one checkpoint checks its signature once. Only the verifier makes instances,
 * so holding one means the signature was checked. Immutable and thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * VerifiedCheckpoint signed = AuditProofVerifier.verifyCheckpoint(checkpoint, publishedKeys);
 * for (int i = 0; i < entries.size(); i++) signed.verifyInclusion(entries.get(i), proofs.get(i));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VerifiedCheckpoint {

  private final Checkpoint checkpoint;

  VerifiedCheckpoint(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  /** Returns the checkpoint whose signature was checked. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /**
   * Checks that {@code entry} is, unchanged, at its position in the log this checkpoint signed.
   *
   * @throws ProofRejectedException if the entry or the path does not verify, or they do not belong to the checkpoint
   */
  public void verifyInclusion(AuditEntry entry, InclusionProof proof) {
    Preconditions.notNull(entry, "entry");
    Preconditions.notNull(proof, "proof");
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
   * Checks that the log {@code later} signed extends, unchanged, the log this checkpoint signed.
   *
   * @throws ProofRejectedException if the path does not verify, or the proof and checkpoints do not belong together
   */
  public void verifyConsistency(VerifiedCheckpoint later, ConsistencyProof proof) {
    Preconditions.notNull(later, "later");
    Preconditions.notNull(proof, "proof");
    Checkpoint first = checkpoint;
    Checkpoint second = later.checkpoint;
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

  /** Names the checkpoint. */
  @Override
  public String toString() {
    return "VerifiedCheckpoint[" + checkpoint + "]";
  }
}
