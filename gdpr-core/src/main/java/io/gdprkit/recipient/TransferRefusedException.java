package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;

/**
 * Thrown when personal data would leave the EEA for a recipient in a country with no adequacy decision that covers
 * it and no documented safeguard (Chapter V); nothing was logged.
 *
 * <p>Document a safeguard on the recipient ({@link Recipient#withSafeguard}) or, if the Commission has adopted a
 * decision the shipped list lacks, add it to the kit's {@link TransferRules}.
 *
 * <p>Usage example: <pre>{@code catch (TransferRefusedException e) { log.warn("no safeguard for {} in {}", e.recipient(), e.country()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TransferRefusedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String recipient;
  private final CountryCode country;
  private final boolean partialAdequacy;

  private TransferRefusedException(String recipient, CountryCode country, boolean partialAdequacy, String message) {
    super(message);
    this.recipient = recipient;
    this.country = country;
    this.partialAdequacy = partialAdequacy;
  }

  /** Creates the exception for a recipient whose transfer has no basis. */
  public static TransferRefusedException of(Recipient recipient, boolean partialAdequacy) {
    String why = partialAdequacy
        ? " only has a partial adequacy decision, and the recipient documents neither that it is covered"
            + " (Safeguard.ADEQUACY_SCOPE) nor another safeguard"
        : " is outside the EEA with no adequacy decision, and the recipient documents no safeguard (Art. 46, 47, 49)";
    return new TransferRefusedException(recipient.id(), recipient.country(), partialAdequacy,
        "transfer to recipient " + recipient.id() + " refused: " + recipient.country() + why);
  }

  /** Returns the recipient's id. */
  public String recipient() {
    return recipient;
  }

  /** Returns the recipient's country. */
  public CountryCode country() {
    return country;
  }

  /** Returns whether the country has an adequacy decision that does not cover this recipient. */
  public boolean partialAdequacy() {
    return partialAdequacy;
  }
}
