package io.gdprkit.suppression;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ContactPoint;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The suppression list: after erasure only keyed hashes of the person's normalised e-mail addresses and
 * phone numbers remain, so that a later import or form submission of the same person is refused.
 *
 * <p>E-mail addresses are normalised by trimming and lower-casing; phone numbers by keeping digits and a
 * leading {@code +} ({@code 00} becomes {@code +}). Hashes are made with the kit's
 * {@link io.gdprkit.crypto.PseudonymKey}, never with the rotating token keys, and carry its version id; a contact point
 * is looked up under every version of that key, so neither token-key rotation nor re-keying forgets anyone.
 * Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * for (Row row : importFile) { gdpr.suppression().check(ContactPoint.email(row.email())); importRow(row); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SuppressionService {

  /** Adds a contact point; adding one already listed changes nothing. */
  SuppressionEntry suppress(ContactPoint point);

  /** Returns whether the contact point is suppressed. */
  boolean isSuppressed(ContactPoint point);

  /**
   * Returns normally unless the contact point is suppressed.
   *
   * @throws SuppressedContactException if it is
   */
  void check(ContactPoint point);

  /**
   * Takes a contact point off the list because its person gave consent anew through a form.
   *
   * @param proof the new consent's proof: channel web form or e-mail double opt-in, recorded by the subject
   * @return whether it was on the list
   * @throws io.gdprkit.InvalidInputException if the proof is not the person's own action through a form
   */
  boolean release(ContactPoint point, ConsentProof proof);

  /**
   * Returns a page of entries ordered by hash, after {@code afterHash}; they hold no personal data.
   *
   * @param afterHash the last hash of the previous page, or {@code null} for the first
   */
  List<SuppressionEntry> entries(@Nullable String afterHash, int limit);

  /**
   * Re-hashes up to {@code limit} entries made under an earlier version of the pseudonym key to its current version;
   * the re-keying job after {@link io.gdprkit.crypto.PseudonymKey#rekeyedTo}. Call it until it returns {@code 0}; any
   * number of instances may run it at once. Lookups match either form meanwhile.
   *
   * <p>Usage example: <pre>{@code while (gdpr.suppression().rekeyPseudonyms(500) > 0) { }}</pre>
   *
   * @return how many entries this call re-hashed
   */
  int rekeyPseudonyms(int limit);
}
