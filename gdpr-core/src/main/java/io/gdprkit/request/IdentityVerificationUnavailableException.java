package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Thrown when identity verification cannot start because the kit is not set up for it: the default e-mail
 * verifier has no {@link io.gdprkit.request.spi.Mailer}. Nothing is written and nothing is sent.
 *
 * <p>It is thrown for every request alike, whether or not the subject has an e-mail address on record.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().mailer(smtpMailer)  // or .identityVerifier(myVerifier)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IdentityVerificationUnavailableException extends GdprException {

  private static final long serialVersionUID = 1L;

  private IdentityVerificationUnavailableException(String message) {
    super(message);
  }

  /** Creates the exception for a kit without a mailer. */
  public static IdentityVerificationUnavailableException noMailer() {
    return new IdentityVerificationUnavailableException("identity verification by e-mail needs a Mailer, and none is"
        + " configured: set one with GdprKit.builder().mailer(..), or plug in another IdentityVerifier with"
        + " GdprKit.builder().identityVerifier(..)");
  }
}
