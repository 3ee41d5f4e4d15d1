package io.gdprkit.receipt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.crypto.VerificationKey;
import org.apiguardian.api.API;

/**
 * Issues signed consent receipts: evidence of one consent event that the subject can keep and anyone holding the
 * kit's published verification key can check, with no access to the kit.
 *
 * <p>Why: Art. 7(1) makes the controller prove consent; a signed receipt lets the subject hold the same proof
 * (Kantara Consent Receipt v1.1, ISO/IEC TS 27560). Issuing changes no store but the audit trail: each receipt
 * handed out is recorded as {@code RECEIPT_ISSUED} under the subject's audit pseudonym, with the event's id and type
 * and the signing key's id, so the controller can show which evidence left the kit. The receipt of an event is the
 * same each time it is issued, apart from the signing key if it was changed and the purpose's facts (retention,
 * storage, recipients, withdrawal method) if their declaration was changed: those are read at issue time, while the
 * event's notice version says which notice the subject saw. Every receipt validates against the Kantara Consent
 * Receipt v1.1 JSON schema. Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * ConsentEvent event = gdpr.consents().grant(alice, "newsletter", proof);
 * String jws = gdpr.receipts().issue(event).jws();
 * ConsentReceipt checked = ReceiptVerifier.verify(jws, gdpr.receipts().verificationKey());
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ReceiptService {

  /**
   * Returns the signed receipt of a consent event of the ledger.
   *
   * @throws io.gdprkit.InvalidInputException if the event is not in the consent ledger (never recorded, changed
   *     since, or its subject erased), so the kit signs nothing it did not record
   * @throws IllegalStateException if the kit was built without {@code receipts(ReceiptOptions)}: a receipt must
   *     name the controller
   */
  SignedReceipt issue(ConsentEvent event);

  /** Returns the public key that checks this kit's receipts; publish it. */
  VerificationKey verificationKey();
}
