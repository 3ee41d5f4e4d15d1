package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * Where a subject's consent for one purpose stands, with its W3C DPV consent status.
 *
 * <p>Only {@link #GRANTED} allows processing, which matches DPV: only {@code ConsentGiven} and
 * {@code RenewedConsentGiven} are valid for processing.
 *
 * <p>Usage example: <pre>{@code gdpr.consents().state(alice, "newsletter").map(ConsentState::status)}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum ConsentStatus {
  /** Waiting for the subject to confirm (double opt-in); DPV {@code ConsentRequested}. */
  PENDING("ConsentRequested"),
  /** Given and not withdrawn or expired; DPV {@code ConsentGiven}. */
  GRANTED("ConsentGiven"),
  /** Withdrawn by the subject; DPV {@code ConsentWithdrawn}. */
  WITHDRAWN("ConsentWithdrawn"),
  /** Past its validity; DPV {@code ConsentExpired}. */
  EXPIRED("ConsentExpired");

  private final URI dpvIri;

  ConsentStatus(String dpvName) {
    this.dpvIri = URI.create("https://w3id.org/dpv#" + dpvName);
  }

  /** Returns the DPV consent status concept. */
  public URI dpvIri() {
    return dpvIri;
  }
}
