package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.InvalidInputException;
import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.net.URI;
import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A purpose of processing, declared once on the kit and referred to by id everywhere else.
 *
 * <p>Each purpose has exactly one legal basis (Art. 6(1)); the basis cannot change per subject. A
 * consent purpose may carry a validity after which its consents expire and must be asked for again
 * (re-permission). Records are immutable; the {@code withX} methods return changed copies.
 *
 * <p>Usage example: <pre>{@code
 * Purpose newsletter = Purpose.of("newsletter", LegalBasis.CONSENT, "Monthly newsletter")
 *     .withDataCategories(DataCategory.CONTACT_DETAILS)
 *     .withConsentValidity(Period.ofMonths(24));
 * }</pre>
 *
 * @param id the purpose's id: a lower-case letter or digit, then lower-case letters, digits, {@code . _ -}; at most 64 characters
 * @param legalBasis the basis that makes processing for this purpose lawful
 * @param description what the processing is for, in words a subject understands
 * @param noticeVersion the version of the privacy notice that describes this purpose; recorded on each consent
 * @param dataCategories the categories of personal data this purpose needs
 * @param dpvIri the W3C DPV purpose class, {@code https://w3id.org/dpv#Purpose} unless a narrower one is given
 * @param requiredSwitches the per-subject switches that must be on for processing
 * @param consentValidity how long a consent stays valid, or {@code null} for no expiry; consent purposes only
 * @param directMarketing whether this is direct marketing, to which an objection is absolute (Art. 21(2)–(3))
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record Purpose(
    String id,
    LegalBasis legalBasis,
    String description,
    String noticeVersion,
    Set<DataCategory> dataCategories,
    URI dpvIri,
    Set<ProcessingSwitch> requiredSwitches,
    @Nullable Period consentValidity,
    boolean directMarketing) {

  /** The generic DPV purpose class, used when no narrower one is given. */
  public static final URI DPV_PURPOSE = URI.create("https://w3id.org/dpv#Purpose");

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Validates every field and copies the sets. */
  public Purpose {
    Preconditions.notBlank(id, "purpose id");
    if (!ID.matcher(id).matches()) {
      throw InvalidInputException.of(
          "purpose id", "must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    Preconditions.notNull(legalBasis, "legal basis");
    Preconditions.text(description, "purpose description", 1000);
    Preconditions.text(noticeVersion, "notice version", 64);
    dataCategories = Set.copyOf(new LinkedHashSet<>(Preconditions.notNull(dataCategories, "data categories")));
    Preconditions.notNull(dpvIri, "DPV IRI");
    Preconditions.check(dpvIri.isAbsolute(), "DPV IRI", "must be an absolute IRI");
    requiredSwitches = Set.copyOf(Preconditions.notNull(requiredSwitches, "required switches"));
    if (consentValidity != null) {
      Preconditions.check(legalBasis == LegalBasis.CONSENT, "consent validity",
          "applies only to purposes whose legal basis is CONSENT");
      Bounds.period(consentValidity, "consent validity");
    }
  }

  /** Returns a purpose with notice version {@code 1}, no data categories, no switches and no consent expiry. */
  public static Purpose of(String id, LegalBasis legalBasis, String description) {
    return new Purpose(id, legalBasis, description, "1", Set.of(), DPV_PURPOSE, Set.of(), null, false);
  }

  /** Returns a copy with another notice version. */
  public Purpose withNoticeVersion(String version) {
    return new Purpose(id, legalBasis, description, version, dataCategories, dpvIri, requiredSwitches,
        consentValidity, directMarketing);
  }

  /** Returns a copy that needs these data categories. */
  public Purpose withDataCategories(DataCategory... categories) {
    return new Purpose(id, legalBasis, description, noticeVersion, Set.copyOf(List.of(categories)), dpvIri,
        requiredSwitches, consentValidity, directMarketing);
  }

  /** Returns a copy classified by a narrower DPV purpose, such as {@code https://w3id.org/dpv#DirectMarketing}. */
  public Purpose withDpvIri(URI iri) {
    return new Purpose(id, legalBasis, description, noticeVersion, dataCategories, iri, requiredSwitches,
        consentValidity, directMarketing);
  }

  /** Returns a copy that also needs these per-subject switches on. */
  public Purpose requiring(ProcessingSwitch first, ProcessingSwitch... more) {
    EnumSet<ProcessingSwitch> switches = EnumSet.of(first, more);
    switches.addAll(requiredSwitches);
    return new Purpose(id, legalBasis, description, noticeVersion, dataCategories, dpvIri, switches, consentValidity,
        directMarketing);
  }

  /** Returns a copy whose consents expire this long after they were given. */
  public Purpose withConsentValidity(Period validity) {
    return new Purpose(id, legalBasis, description, noticeVersion, dataCategories, dpvIri, requiredSwitches,
        Preconditions.notNull(validity, "validity"), directMarketing);
  }

  /**
   * Returns a copy marked as direct marketing: an objection to it is absolute and no compelling grounds
   * override it (Art. 21(3)).
   */
  public Purpose asDirectMarketing() {
    return new Purpose(id, legalBasis, description, noticeVersion, dataCategories, dpvIri, requiredSwitches,
        consentValidity, true);
  }

  /** Returns whether processing needs the subject's consent. */
  public boolean needsConsent() {
    return legalBasis == LegalBasis.CONSENT;
  }
}
