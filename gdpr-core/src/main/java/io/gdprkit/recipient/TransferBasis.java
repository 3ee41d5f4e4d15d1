package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a disclosure's transfer rested on, as recorded in the disclosure log.
 *
 * <p>Usage example: <pre>{@code if (disclosure.basis() == TransferBasis.SAFEGUARD) reviewContract(disclosure.recipient());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TransferBasis {
  /** The recipient is in the EEA: no transfer to a third country. */
  WITHIN_EEA,
  /** The recipient's country has an adequacy decision that covers it (Art. 45). */
  ADEQUACY_DECISION,
  /** The recipient's documented safeguard (Art. 46, 47) or derogation (Art. 49). */
  SAFEGUARD
}
