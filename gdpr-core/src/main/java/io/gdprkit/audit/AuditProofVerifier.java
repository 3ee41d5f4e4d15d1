package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.audit.ProofRejectedException.Reason;
import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * Checks checkpoints, inclusion proofs and consistency proofs with nothing but them and the public key (or the
 * published key set): no kit, no store, no network.
 *
 * <p>Why standalone: the point of a signed checkpoint is that someone who does not trust the operator of the store
 * (an auditor, a supervisory authority, the data subject) can check a claim on their own. Every method returns
 * normally only when every check passed, and otherwise throws a {@link ProofRejectedException} naming the check.
 * The proofs follow RFC 9162 §2.1.3.2 and §2.1.4.2. Stateless and thread-safe.
 *
 * <p>Two steps when many proofs share a checkpoint: {@link #verifyCheckpoint(Checkpoint, VerificationKeys)} checks
 * the Ed25519 signature once and returns a {@link VerifiedCheckpoint}, whose methods then check proofs against it
 * with hashing only. The one-call methods do both steps each time.
 *
 * <p>Usage example: <pre>{@code
 * AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, publishedKeys); // throws if anything is off
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
   * @return the checkpoint, now known to be signed, to check proofs against without checking the signature again
   * @throws ProofRejectedException if the key id differs or the signature does not verify
   */
  public static VerifiedCheckpoint verifyCheckpoint(Checkpoint checkpoint, VerificationKey key) {
    Preconditions.notNull(checkpoint, "checkpoint");
    Preconditions.notNull(key, "key");
    if (!checkpoint.keyId().equals(key.keyId())) {
      throw ProofRejectedException.of(Reason.WRONG_KEY, "checkpoint of size " + checkpoint.treeSize()
          + " names key " + checkpoint.keyId() + ", the key given is " + key.keyId());
    }
    if (!checkpoint.verifies(key)) {
      throw ProofRejectedException.of(Reason.BAD_SIGNATURE, "checkpoint of size " + checkpoint.treeSize());
    }
    return new VerifiedCheckpoint(checkpoint);
  }

  /**
   * Checks that the key of {@code keys} that the checkpoint names signed it as it is; after a key rotation,
   * checkpoints of every key still in the set verify.
   *
   * @return the checkpoint, now known to be signed, to check proofs against without checking the signature again
   * @throws ProofRejectedException with {@link Reason#UNKNOWN_KEY} if the set holds no key with the checkpoint's key
   *     id, or {@link Reason#BAD_SIGNATURE} if the signature does not verify
   */
  public static VerifiedCheckpoint verifyCheckpoint(Checkpoint checkpoint, VerificationKeys keys) {
    Preconditions.notNull(checkpoint, "checkpoint");
    Preconditions.notNull(keys, "keys");
    VerificationKey key = keys.find(checkpoint.keyId()).orElseThrow(() -> ProofRejectedException.of(
        Reason.UNKNOWN_KEY, "checkpoint of size " + checkpoint.treeSize() + " names key " + checkpoint.keyId()
            + ", which is not among the trusted keys " + keys.keys().stream().map(VerificationKey::keyId).toList()));
    return verifyCheckpoint(checkpoint, key);
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
    verifyCheckpoint(checkpoint, key).verifyInclusion(entry, proof);
  }

  /**
   * Checks that {@code entry} is, unchanged, at its position in the log that {@code checkpoint} signed with one of
   * {@code keys}.
   *
   * @throws ProofRejectedException if the checkpoint names no key of the set, or the checkpoint, the entry or the
   *     path does not verify, or they do not belong together
   */
  public static void verifyInclusion(AuditEntry entry, InclusionProof proof, Checkpoint checkpoint,
      VerificationKeys keys) {
    Preconditions.notNull(entry, "entry");
    Preconditions.notNull(proof, "proof");
    verifyCheckpoint(checkpoint, keys).verifyInclusion(entry, proof);
  }

  /**
   * Checks that the log {@code second} signed extends, unchanged, the log {@code first} signed.
   *
   * @throws ProofRejectedException if a checkpoint or the path does not verify, or they do not belong together
   */
  public static void verifyConsistency(Checkpoint first, Checkpoint second, ConsistencyProof proof,
      VerificationKey key) {
    Preconditions.notNull(proof, "proof");
    verifyCheckpoint(first, key).verifyConsistency(verifyCheckpoint(second, key), proof);
  }

  /**
   * Checks that the log {@code second} signed extends, unchanged, the log {@code first} signed, where each may be
   * signed by any key of {@code keys}: a proof across a key rotation verifies when both keys are in the set.
   *
   * @throws ProofRejectedException if a checkpoint names no key of the set, a checkpoint or the path does not
   *     verify, or they do not belong together
   */
  public static void verifyConsistency(Checkpoint first, Checkpoint second, ConsistencyProof proof,
      VerificationKeys keys) {
    Preconditions.notNull(proof, "proof");
    verifyCheckpoint(first, keys).verifyConsistency(verifyCheckpoint(second, keys), proof);
  }
}
