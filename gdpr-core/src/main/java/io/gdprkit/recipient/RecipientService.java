package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The register of recipients, the log of what was disclosed to them, and the notifications that tell them of a
 * subject's rectification, erasure or restriction (Art. 19).
 *
 * <p>A disclosure goes through the same decision as processing: a restricted subject's data, or data for a purpose
 * the subject objected to or has no basis for, is refused. A disclosure outside the EEA needs an adequacy
 * decision or a documented safeguard; the region of the store the data comes from is recorded, and only the
 * recipient's country is assessed. A disclosure that is refused leaves the log as it was. A disclosure racing a
 * restriction or a full erasure of the same subject is either logged before it (and its recipient is told of it,
 * and for an erasure the entry is then pseudonymised) or refused, never logged after. Every change is audited.
 * Thread-safe.
 *
 * <p>Each tenant of a multi-tenant host is its own controller with its own register: {@link #forTenant} returns the
 * view whose {@link #register}, {@link #retire}, {@link #recipient} and {@link #recipients} read and write one
 * tenant's register and audit to its chain; {@code gdpr.recipients()} is the view of {@link TenantId#DEFAULT}, so
 * single-tenant hosts never name a tenant. The methods that take a subject follow the subject's
 * {@linkplain SubjectId#tenant() tenant} in every view: a disclosure uses the recipient registered in the subject's
 * tenant, and an id registered only in another tenant is unknown. The outbox of Art. 19 notifications
 * ({@link #undeliveredNotifications}, {@link #retryNotifications}) is shared by every tenant.
 *
 * <p>Usage example: <pre>{@code
 * gdpr.recipients().register(Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example",
 *     CountryCode.of("DE")), Actor.staff("dpo"));
 * gdpr.recipients().disclose(alice, "mailer", "newsletter", Set.of(DataCategory.CONTACT_DETAILS), Actor.system("sync"));
 * gdpr.recipients().recipientsOf(alice);   // [Recipient[id=mailer, ...]]
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RecipientService {

  /** Returns the tenant whose register this view reads and writes. */
  TenantId tenant();

  /**
   * Returns the view of one tenant's register of recipients; subjects' disclosures follow their own tenant anyway.
   *
   * <p>Usage example: <pre>{@code gdpr.recipients().forTenant(TenantId.of("acme")).register(mailer, dpo);}</pre>
   */
  RecipientService forTenant(TenantId tenant);

  /**
   * Adds a recipient to this tenant's register or replaces the entry with its id; audited as a register change
   * to the tenant's chain.
   *
   * @return the entry it replaced, if any
   * @throws io.gdprkit.InvalidInputException if the recipient given is itself marked retired: use {@link #retire}
   * @throws RecipientRetiredException if the entry with the id was retired; it is kept as it is
   */
  Optional<Recipient> register(Recipient recipient, Actor by);

  /**
   * Retires one of this tenant's recipients: it keeps its entry and its disclosures, receives no new disclosures, and
   * still receives Art. 19 notices about the data it already has. Audited as a register change. Idempotent: retiring
   * a retired recipient returns it as it is and writes nothing.
   *
   * <p>A disclosure racing the retirement is either logged before it or refused, never logged after (within one
   * kit; the lock is in this JVM).
   *
   * <p>Usage example: <pre>{@code gdpr.recipients().retire("mailer", "contract ended 2026-03-31", Actor.staff("dpo"));}</pre>
   *
   * @param reason why, such as the end of the contract; no personal data
   * @return the retired entry
   * @throws UnknownRecipientException if the recipient is not registered
   * @throws io.gdprkit.InvalidInputException if the reason is blank or longer than 500 characters
   */
  Recipient retire(String recipientId, String reason, Actor by);

  /** Returns the recipient with the id registered in this tenant. */
  Optional<Recipient> recipient(String id);

  /** Returns every recipient registered in this tenant, retired ones included, by id. */
  List<Recipient> recipients();

  /**
   * Logs a disclosure of the subject's data from the kit's data region; same as {@code discloseFrom(null, ...)}.
   *
   * @see #discloseFrom
   */
  Disclosure disclose(SubjectId subject, String recipient, String purpose, Set<DataCategory> categories, Actor by);

  /**
   * Checks and logs a disclosure of the subject's data from a store, before the host sends it; audited as
   * {@code DISCLOSED} under the subject's pseudonym.
   *
   * @param store the id of the store the data comes from, whose declared region is recorded; {@code null} for the
   *     kit's data region
   * @param categories the data categories sent; each must be one the purpose needs
   * @throws UnknownRecipientException if the recipient is not registered in the subject's tenant, even if another
   *     tenant has it
   * @throws RecipientRetiredException if the recipient was retired
   * @throws UnknownPurposeException if the purpose is not declared
   * @throws io.gdprkit.InvalidInputException if no category is given or one is not needed by the purpose
   * @throws TransferRefusedException if the recipient is outside the EEA with neither adequacy nor safeguard
   * @throws DisclosureRefusedException if the decision for the subject and purpose denies
   * @throws SubjectErasedException if the subject was erased in full; an erased subject's id stays erased, so a
   *     subject that comes back (a new sign-up) needs a new id
   */
  Disclosure discloseFrom(@Nullable String store, SubjectId subject, String recipient,
      String purpose, Set<DataCategory> categories, Actor by);

  /** Returns the subject's disclosures, oldest first; none once the subject was erased. */
  List<Disclosure> disclosures(SubjectId subject);

  /**
   * Returns one page of the subject's disclosures, oldest first, for a subject with a long log: up to
   * {@code limit} after skipping the first {@code offset}.
   *
   * <p>Usage example: <pre>{@code
   * for (int at = 0; ; at += 500) {
   *   List<Disclosure> page = gdpr.recipients().disclosures(alice, at, 500);
   *   page.forEach(this::show);
   *   if (page.size() < 500) break;
   * }
   * }</pre>
   *
   * @throws io.gdprkit.InvalidInputException if {@code offset} is negative or {@code limit} is not positive
   */
  List<Disclosure> disclosures(SubjectId subject, int offset, int limit);

  /**
   * Returns every recipient that received the subject's data, retired ones included, in order of first disclosure
   * (Art. 15(1)(c), 19).
   */
  List<Recipient> recipientsOf(SubjectId subject);

  /** Returns the notifications about the subject, oldest first; an erased subject's delivered ones are not named. */
  List<Notification> notifications(SubjectId subject);

  /** Returns up to {@code limit} notifications not yet delivered, oldest first. */
  List<Notification> undeliveredNotifications(int limit);

  /**
   * Sends up to {@code limit} undelivered notifications again, oldest first; call it on a schedule.
   *
   * @return how many the notifier accepted this time
   */
  int retryNotifications(int limit);
}
