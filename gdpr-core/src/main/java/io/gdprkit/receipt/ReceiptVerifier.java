package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.crypto.VerificationKey;
import io.gdprkit.crypto.VerificationKeys;
import io.gdprkit.receipt.internal.Jws;
import org.apiguardian.api.API;

/**
 * Checks a consent receipt with nothing but the JWS and the controller's published {@link VerificationKey}.
 *
 * <p>Why standalone: the party that checks a receipt (the subject, a regulator, a second system) has no access to
 * the kit or its stores. Any alteration fails: a changed byte anywhere, a truncated or extended JWS, a header that
 * names {@code none} or another algorithm or another key id, another key, padded or non-canonical base64url, or a
 * payload that is not exactly the JSON form the kit writes. Thread-safe and stateless.
 *
 * <p>After a key rotation, verify against the published set: the JWS header's {@code kid} picks the key.
 *
 * <p>Usage example: <pre>{@code ConsentReceipt receipt = ReceiptVerifier.verify(jws, VerificationKey.of("receipts-2026", publicKey));}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReceiptVerifier {

  private ReceiptVerifier() {}

  /**
   * Verifies a receipt's compact JWS and returns the receipt.
   *
   * @param jws the receipt as issued by {@link ReceiptService#issue}
   * @param key the verification key of the kit that issued it
   * @return the receipt, exactly as signed
   * @throws InvalidReceiptException if the JWS is not a receipt that {@code key} signed, unaltered;
   *     {@link InvalidReceiptException#reason()} says which check failed
   */
  public static ConsentReceipt verify(String jws, VerificationKey key) {
    return Jws.verify(jws, key);
  }

  /**
   * Verifies a receipt's compact JWS with the key of a published set that its header's {@code kid} names, so
   * receipts signed before a key rotation still verify while their key is in the set.
   *
   * @param jws the receipt as issued by {@link ReceiptService#issue}
   * @param keys the keys the verifier trusts, such as {@code VerificationKeys.fromJwks(published)}
   * @return the receipt, exactly as signed
   * @throws InvalidReceiptException with {@link InvalidReceiptException.Reason#UNKNOWN_KEY} if the set holds no
   *     key of the header's id, otherwise as {@link #verify(String, VerificationKey)} does
   */
  public static ConsentReceipt verify(String jws, VerificationKeys keys) {
    return Jws.verify(jws, keys);
  }
}
