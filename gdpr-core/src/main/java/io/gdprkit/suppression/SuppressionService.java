package io.gdprkit.suppression;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.subject.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The suppression list: after erasure only keyed hashes of the person's normalised e-mail addresses and
 * phone numbers remain, so that a later import or form submission of the same person is refused.
 *
 * <p>Each tenant of a multi-tenant host is its own controller with its own list: every method names the tenant,
 * an erasure suppresses in the erased subject's tenant, and a person erased in one tenant may still be imported in
 * another.
 *
 * <p>E-mail addresses are normalised with NFKC, format characters (zero-width, BOM) removed, white space of any
 * kind stripped at the ends and lower-casing with {@code Locale.ROOT}; phone numbers are parsed with libphonenumber
 * and compared in E.164, national forms read in the kit's {@code defaultPhoneRegion}. Hashes are made with the kit's
 * {@link io.gdprkit.crypto.PseudonymKey}, never with the rotating token keys, and carry its version id; a contact point
 * is looked up under every version of that key, so neither token-key rotation nor re-keying forgets anyone.
 * Thread-safe.
 *
 * <p>Usage example: <pre>{@code
 * for (Row row : importFile) { gdpr.suppression().check(tenant, ContactPoint.email(row.email())); importRow(row); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SuppressionService {

  /**
   * Adds a contact point to the tenant's list; adding one already listed changes nothing.
   *
   * @throws io.gdprkit.InvalidInputException if the contact point cannot be normalised, such as a phone number
   *     libphonenumber cannot parse; the message never holds the value
   */
  SuppressionEntry suppress(TenantId tenant, ContactPoint point);

  /**
   * Adds many contact points to the tenant's list, as {@link #suppress} adds each, except that a contact point that
   * cannot be normalised is skipped and answered empty instead of failing the call: what an erasure of many subjects
   * calls with their contact points. The default calls {@link #suppress} for each in turn; the kit's service adds them
   * in one unit of work.
   *
   * @return per contact point, in the order given: its entry, or empty if it could not be normalised
   * @since 0.2
   */
  default List<Optional<SuppressionEntry>> suppressAll(TenantId tenant, List<ContactPoint> points) {
    List<Optional<SuppressionEntry>> entries = new ArrayList<>(points.size());
    for (ContactPoint point : points) {
      try {
        entries.add(Optional.of(suppress(tenant, point)));
      } catch (InvalidInputException unusable) {
        entries.add(Optional.empty());
      }
    }
    return entries;
  }

  /** Returns whether the contact point is on the tenant's list. */
  boolean isSuppressed(TenantId tenant, ContactPoint point);

  /**
   * Returns normally unless the contact point is on the tenant's list.
   *
   * @throws SuppressedContactException if it is
   */
  void check(TenantId tenant, ContactPoint point);

  /**
   * Takes a contact point off the tenant's list because its person gave consent anew through a form.
   *
   * @param proof the new consent's proof: channel web form or e-mail double opt-in, recorded by the subject
   * @return whether it was on the list
   * @throws io.gdprkit.InvalidInputException if the proof is not the person's own action through a form
   */
  boolean release(TenantId tenant, ContactPoint point, ConsentProof proof);

  /**
   * Returns a page of the tenant's entries ordered by hash, after {@code afterHash}; they hold no personal data.
   *
   * @param afterHash the last hash of the previous page, or {@code null} for the first
   */
  List<SuppressionEntry> entries(TenantId tenant, @Nullable String afterHash, int limit);

  /**
   * Re-hashes up to {@code limit} of the tenant's entries made under an earlier version of the pseudonym key to its current version;
   * the re-keying job after {@link io.gdprkit.crypto.PseudonymKey#rekeyedTo}. Call it until it returns {@code 0}; any
   * number of instances may run it at once. Lookups match either form meanwhile.
   *
   * <p>Usage example: <pre>{@code while (gdpr.suppression().rekeyPseudonyms(tenant, 500) > 0) { }}</pre>
   *
   * @return how many entries this call re-hashed
   */
  int rekeyPseudonyms(TenantId tenant, int limit);
}
