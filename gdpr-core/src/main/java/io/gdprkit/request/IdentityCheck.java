package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * One step of checking that the requester is the subject (Art. 12(6) GDPR): which method, and whether the check was
 * started or succeeded; the step's time and actor say when and by whom.
 *
 * <p>A failed check writes nothing, as every failed call of the request service, so the evidence shows each start and
 * the success, if any: a request started but never verified was not answered for want of proof of identity.
 *
 * <p>Usage example: <pre>{@code new IdentityCheck("email-token", IdentityCheck.Outcome.VERIFIED)}</pre>
 *
 * @param method how identity is checked, as the {@link io.gdprkit.request.spi.IdentityVerifier#method()} names it
 * @param outcome what happened
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IdentityCheck(String method, Outcome outcome) implements StepEvidence {

  /** Validates the fields. */
  public IdentityCheck {
    Preconditions.text(method, "identity verification method", 200);
    Preconditions.notNull(outcome, "outcome");
  }

  /**
   * What a step of identity verification did.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Outcome {
    /** The check was started, such as by sending a token to the subject's address on record. */
    STARTED,
    /** The requester proved to be the subject. */
    VERIFIED
  }
}
