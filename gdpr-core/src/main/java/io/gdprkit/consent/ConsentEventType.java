package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What a consent ledger event says happened.
 *
 * <p>Usage example: <pre>{@code if (event.type() == ConsentEventType.WITHDRAWN) stopCampaigns(event.subject());}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum ConsentEventType {
  /** The subject gave consent; also renews an existing consent. */
  GRANTED,
  /** The subject withdrew consent (Art. 7(3)), or cancelled a pending double opt-in. */
  WITHDRAWN,
  /** The subject asked for consent to be recorded and a confirmation link was sent. */
  PENDING_CONFIRMATION,
  /** The subject followed the confirmation link; the pending consent is now given. */
  CONFIRMED,
  /** The consent's validity ran out; it must be asked for again. */
  EXPIRED
}
