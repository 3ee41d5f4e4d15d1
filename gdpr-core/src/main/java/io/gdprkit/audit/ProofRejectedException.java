package io.gdprkit.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Thrown by {@link AuditProofVerifier} when a checkpoint or a proof does not verify.
 *
 * <p>The {@link #reason()} says which check failed; the message names sizes and positions only, never entry content.
 *
 * <p>Usage example: <pre>{@code
 * try { AuditProofVerifier.verifyInclusion(entry, proof, checkpoint, key); }
 * catch (ProofRejectedException e) { report(e.reason()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProofRejectedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  private ProofRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Creates the exception for a reason, with a detail naming sizes or positions. */
  public static ProofRejectedException of(Reason reason, String detail) {
    return new ProofRejectedException(reason, reason.message + ": " + detail);
  }

  /** Returns which check failed. */
  public Reason reason() {
    return reason;
  }

  /** Which check failed. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** The checkpoint names another key than the one given. */
    WRONG_KEY("checkpoint is signed by another key"),
    /** The checkpoint's signature does not verify: it was altered or forged. */
    BAD_SIGNATURE("checkpoint signature does not verify"),
    /** Proof and checkpoints do not belong together: other tenant, other size, other position. */
    MISMATCH("proof does not belong to the checkpoint"),
    /** The entry's hash is not the hash of its content. */
    ENTRY_ALTERED("entry does not match its hash"),
    /** The path does not lead to the checkpoint's root. */
    PATH_INVALID("proof path does not lead to the checkpoint's root"),
    /** The checkpoint names a key id that is not in the trusted key set, such as a retired or foreign key. */
    UNKNOWN_KEY("checkpoint is signed by a key that is not trusted");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }
}
