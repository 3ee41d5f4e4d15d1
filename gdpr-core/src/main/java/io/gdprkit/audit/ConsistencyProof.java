package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An RFC 9162 §2.1.4 consistency proof: the subtree hashes that show that the log of a later checkpoint holds the
 * log of an earlier one unchanged as its prefix, so nothing the auditor saw before was edited, removed or reordered.
 *
 * <p>Check it with
 * {@link AuditProofVerifier#verifyConsistency(Checkpoint, Checkpoint, ConsistencyProof, io.gdprkit.crypto.VerificationKey)}.
 *
 * <p>Usage example: <pre>{@code ConsistencyProof proof = gdpr.audit().consistencyProof(TenantId.DEFAULT, older, newer);}</pre>
 *
 * @param firstSize the earlier tree size
 * @param secondSize the later tree size, at least {@code firstSize}
 * @param path the subtree hashes; empty when the sizes are equal; at most 128
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConsistencyProof(long firstSize, long secondSize, List<AuditHash> path) {

  /** Validates the shape, not the proof, and copies the path. */
  public ConsistencyProof {
    Preconditions.check(firstSize >= 1, "first size", "must be at least 1");
    Preconditions.check(secondSize >= firstSize, "second size", "must be at least the first size");
    Preconditions.notNull(path, "path");
    Preconditions.check(path.size() <= 128, "path", "must have at most 128 hashes");
    path = List.copyOf(path);
  }
}
