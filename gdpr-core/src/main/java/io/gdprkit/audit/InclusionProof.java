package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path that leads from one entry's leaf to the Merkle root of a
 * checkpoint, so an auditor can see that the entry is in the log without seeing any other entry.
 *
 * <p>The path holds only hashes of subtrees, from the leaf's sibling up; check it with
 * {@link AuditProofVerifier#verifyInclusion(AuditEntry, InclusionProof, Checkpoint, io.gdprkit.crypto.VerificationKey)}.
 *
 * <p>Usage example: <pre>{@code InclusionProof proof = gdpr.audit().inclusionProof(TenantId.DEFAULT, 42, checkpoint);}</pre>
 *
 * @param leafIndex the entry's position
 * @param treeSize the size of the tree the path leads to, the checkpoint's
 * @param path the subtree hashes, leaf level first; at most 64
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InclusionProof(long leafIndex, long treeSize, List<AuditHash> path) {

  /** Validates the shape, not the proof, and copies the path. */
  public InclusionProof {
    Preconditions.check(leafIndex >= 0, "leaf index", "must not be negative");
    Preconditions.check(treeSize >= 1, "tree size", "must be at least 1");
    Preconditions.notNull(path, "path");
    Preconditions.check(path.size() <= 64, "path", "must have at most 64 hashes");
    path = List.copyOf(path);
  }
}
