package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A third party, processor or joint controller that receives personal data: who it is, how to reach it, where it
 * is, and what makes a transfer to it lawful.
 *
 * <p>The register of recipients feeds the records of processing (Art. 30(1)(d)–(e)), answers a subject who asks who
 * received their data (Art. 15(1)(c)) and tells the kit whom to notify (Art. 19). A safeguard other than
 * {@link Safeguard#NONE} must name the document it rests on, so that it is documented, not just claimed.
 *
 * <p>An entry is never deleted: a recipient the controller stops working with is retired
 * ({@code gdpr.recipients().retire(..)}). A retired recipient keeps its disclosures, receives no new ones, and still
 * receives the Art. 19 notices about data it already holds, because it may still hold it.
 *
 * <p>Usage example: <pre>{@code
 * Recipient mailer = Recipient.of("mailer", RecipientKind.PROCESSOR, "Mail Co", "dpo@mail.example", CountryCode.of("US"))
 *     .withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 2, signed 2025-03-01");
 * }</pre>
 *
 * @param id the recipient's id in the register
 * @param kind what it is to the controller
 * @param name its name (an organisation's, not a person's)
 * @param contact how to reach its privacy contact, such as a DPO mailbox
 * @param country where it processes the data
 * @param safeguard what makes a transfer to it lawful if its country has no adequacy decision
 * @param safeguardReference the document the safeguard rests on; present exactly when there is a safeguard
 * @param retiredAt when the recipient was retired, or {@code null} while it may receive disclosures
 * @param retirementReason why it was retired (such as "contract ended 2026-03-31"); present exactly when retired,
 *     and never personal data
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Recipient(String id, RecipientKind kind, String name, String contact, CountryCode country,
    Safeguard safeguard, @Nullable String safeguardReference, @Nullable Instant retiredAt,
    @Nullable String retirementReason) {

  /** Validates the fields. */
  public Recipient {
    Preconditions.identifier(id, "recipient id", 64);
    Preconditions.notNull(kind, "recipient kind");
    Preconditions.text(name, "recipient name", 200);
    Preconditions.text(contact, "recipient contact", 300);
    Preconditions.notNull(country, "recipient country");
    Preconditions.notNull(safeguard, "safeguard");
    if (safeguard == Safeguard.NONE) {
      Preconditions.check(safeguardReference == null, "safeguard reference", "must be absent without a safeguard");
    } else {
      Preconditions.check(safeguardReference != null, "safeguard reference",
          "must name the document the safeguard rests on");
      Preconditions.text(safeguardReference, "safeguard reference", 500);
    }
    Preconditions.check((retiredAt == null) == (retirementReason == null), "retirement reason",
        "must be present exactly when the recipient is retired");
    if (retirementReason != null) {
      Preconditions.text(retirementReason, "retirement reason", 500);
    }
  }

  /** Creates an active recipient, one that is not retired. */
  public Recipient(String id, RecipientKind kind, String name, String contact, CountryCode country,
      Safeguard safeguard, @Nullable String safeguardReference) {
    this(id, kind, name, contact, country, safeguard, safeguardReference, null, null);
  }

  /** Returns a recipient with no safeguard documented. */
  public static Recipient of(String id, RecipientKind kind, String name, String contact, CountryCode country) {
    return new Recipient(id, kind, name, contact, country, Safeguard.NONE, null);
  }

  /** Returns a copy with the safeguard and the document it rests on. */
  public Recipient withSafeguard(Safeguard value, String reference) {
    return new Recipient(id, kind, name, contact, country, value, reference, retiredAt, retirementReason);
  }

  /** Returns a copy retired at the time for the reason; stores use it, hosts call {@code recipients().retire(..)}. */
  public Recipient retired(Instant at, String reason) {
    return new Recipient(id, kind, name, contact, country, safeguard, safeguardReference,
        Preconditions.notNull(at, "retiredAt"), reason);
  }

  /** Returns whether the recipient was retired, so that it receives no new disclosures. */
  public boolean isRetired() {
    return retiredAt != null;
  }
}
