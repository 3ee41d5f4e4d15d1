package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A consent receipt with its JWS: hand the {@code jws} to the subject, keep the parsed {@code receipt} for display.
 *
 * <p>Usage example: <pre>{@code SignedReceipt r = gdpr.receipts().issue(event); mail(subject, r.jws());}</pre>
 *
 * @param jws the receipt as an RFC 7515 compact JWS, signed with EdDSA (RFC 8037)
 * @param receipt the receipt the JWS carries
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SignedReceipt(String jws, ConsentReceipt receipt) {

  /** Validates the fields. */
  public SignedReceipt {
    Preconditions.notBlank(jws, "jws");
    Preconditions.notNull(receipt, "receipt");
  }

  /** Returns a description naming the receipt id only. */
  @Override
  public String toString() {
    return "SignedReceipt[" + receipt.consentReceiptId() + "]";
  }
}
