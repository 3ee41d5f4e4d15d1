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
 * @param directMarketing whether this is direct marketing, to which an objection is absolute (Art. 21(2)–(3)); also
 *     true, whatever was passed, when the DPV class says so (see {@link #isDirectMarketingClass})
 * @param retention how long data kept for this purpose is stored (Art. 13(2)(a)), or {@code null} when not declared;
 *     on a legal-obligation, public-task or legal-claims purpose it bounds what an erasure keeps (Art. 17(3))
 * @param legalClaims whether the purpose is the establishment, exercise or defence of legal claims (Art. 17(3)(e),
 *     Art. 18(2), Art. 21(1))
 * @param automatedDecision the Art. 22 declaration when the purpose is a decision based solely on automated
 *     processing with legal or similarly significant effect, or {@code null}
 * @param specialCategoryCondition the Art. 9(2) condition under which the purpose processes special categories, or
 *     {@code null} when it processes none
 * @param informationSocietyService whether consents for it are given in relation to an information society service
 *     offered directly to the subject, so that the Art. 8 age of digital consent applies
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
    boolean directMarketing,
    @Nullable Period retention,
    boolean legalClaims,
    @Nullable AutomatedDecision automatedDecision,
    @Nullable SpecialCategoryCondition specialCategoryCondition,
    boolean informationSocietyService) {

  /** The generic DPV purpose class, used when no narrower one is given. */
  public static final URI DPV_PURPOSE = URI.create("https://w3id.org/dpv#Purpose");

  /** The DPV class of direct marketing: marketing communicated directly to the individual. */
  public static final URI DPV_DIRECT_MARKETING = URI.create("https://w3id.org/dpv#DirectMarketing");

  /** DPV classes that are direct marketing whatever the purpose requires: marketing directed at the individual. */
  private static final Set<URI> DIRECT_MARKETING_CLASSES = Set.of(DPV_DIRECT_MARKETING,
      URI.create("https://w3id.org/dpv#PersonalisedAdvertising"), URI.create("https://w3id.org/dpv#TargetedAdvertising"));

  /** DPV marketing classes that are direct marketing when the purpose profiles the subject to serve them. */
  private static final Set<URI> MARKETING_CLASSES = Set.of(URI.create("https://w3id.org/dpv#Marketing"),
      URI.create("https://w3id.org/dpv#Advertising"), URI.create("https://w3id.org/dpv#SocialMediaMarketing"));

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
    if (retention != null) {
      Bounds.period(retention, "retention");
    }
    directMarketing = directMarketing || isDirectMarketingClass(dpvIri, requiredSwitches);
  }

  /**
   * Returns whether a purpose of this DPV class and these switches is direct marketing, which Art. 21(2)–(3) lets the
   * subject stop as a whole: a class of marketing directed at the individual ({@code dpv:DirectMarketing},
   * {@code dpv:PersonalisedAdvertising}, {@code dpv:TargetedAdvertising}), or profiling "to the extent that it is
   * related to such direct marketing" (Art. 21(2)): a purpose that needs the {@link ProcessingSwitch#PROFILING} switch
   * and is classed {@code dpv:Marketing}, {@code dpv:Advertising} or {@code dpv:SocialMediaMarketing}. DPV 2.3 classes
   * from {@code shared/reference/dpv-crm-marketing-terms.csv}; {@code dpv:PublicRelations} is not aimed at a person and
   * does not count. A purpose outside these classes is direct marketing only when declared {@link #asDirectMarketing()}.
   *
   * <p>Usage example: <pre>{@code Purpose.isDirectMarketingClass(URI.create("https://w3id.org/dpv#Marketing"), Set.of(ProcessingSwitch.PROFILING))  // true}</pre>
   */
  public static boolean isDirectMarketingClass(URI dpvIri, Set<ProcessingSwitch> requiredSwitches) {
    return DIRECT_MARKETING_CLASSES.contains(dpvIri)
        || requiredSwitches.contains(ProcessingSwitch.PROFILING) && MARKETING_CLASSES.contains(dpvIri);
  }

  /**
   * Returns a purpose with notice version {@code 1}, no data categories, no switches, no consent expiry and no
   * declared retention; consents for it count as given to an information society service (Art. 8 applies).
   */
  public static Purpose of(String id, LegalBasis legalBasis, String description) {
    return new Purpose(id, legalBasis, description, "1", Set.of(), DPV_PURPOSE, Set.of(), null, false, null, false,
        null, null, true);
  }

  /** Returns a copy with another notice version. */
  public Purpose withNoticeVersion(String version) {
    return new Copy(this).noticeVersion(version).build();
  }

  /** Returns a copy that needs these data categories. */
  public Purpose withDataCategories(DataCategory... categories) {
    return new Copy(this).dataCategories(Set.copyOf(List.of(categories))).build();
  }

  /** Returns a copy classified by a narrower DPV purpose, such as {@code https://w3id.org/dpv#DirectMarketing}. */
  public Purpose withDpvIri(URI iri) {
    return new Copy(this).dpvIri(iri).build();
  }

  /** Returns a copy that also needs these per-subject switches on. */
  public Purpose requiring(ProcessingSwitch first, ProcessingSwitch... more) {
    EnumSet<ProcessingSwitch> switches = EnumSet.of(first, more);
    switches.addAll(requiredSwitches);
    return new Copy(this).requiredSwitches(switches).build();
  }

  /** Returns a copy whose consents expire this long after they were given. */
  public Purpose withConsentValidity(Period validity) {
    return new Copy(this).consentValidity(Preconditions.notNull(validity, "validity")).build();
  }

  /**
   * Returns a copy marked as direct marketing: an objection to it is absolute and no compelling grounds
   * override it (Art. 21(3)).
   */
  public Purpose asDirectMarketing() {
    return new Copy(this).directMarketing(true).build();
  }

  /**
   * Returns a copy whose data is stored this long (Art. 13(2)(a)); on a legal-obligation, public-task or legal-claims
   * purpose an erasure keeps the data it needs for this long (Art. 17(3)(b), (e)).
   *
   * <p>Usage example: <pre>{@code Purpose.of("invoices", LegalBasis.LEGAL_OBLIGATION, "Tax records").withRetention(Period.ofYears(10))}</pre>
   */
  public Purpose withRetention(Period period) {
    return new Copy(this).retention(Preconditions.notNull(period, "retention")).build();
  }

  /** Returns a copy declared as the establishment, exercise or defence of legal claims (Art. 17(3)(e)). */
  public Purpose forLegalClaims() {
    return new Copy(this).legalClaims(true).build();
  }

  /** Returns a copy declared as solely automated decision-making with legal or similarly significant effect (Art. 22). */
  public Purpose withAutomatedDecision(AutomatedDecision declaration) {
    return new Copy(this).automatedDecision(Preconditions.notNull(declaration, "automated decision")).build();
  }

  /** Returns a copy that processes special categories of data under this Art. 9(2) condition. */
  public Purpose withSpecialCategoryCondition(SpecialCategoryCondition condition) {
    return new Copy(this).specialCategoryCondition(Preconditions.notNull(condition, "special category condition"))
        .build();
  }

  /**
   * Returns a copy whose consents are not given in relation to an information society service offered directly to
   * the subject, so the Art. 8 age of digital consent does not apply (an in-store loyalty card, a paper form).
   */
  public Purpose notInformationSocietyService() {
    return new Copy(this).informationSocietyService(false).build();
  }

  /** Returns whether processing needs the subject's consent. */
  public boolean needsConsent() {
    return legalBasis == LegalBasis.CONSENT;
  }

  /** Returns whether the purpose processes any Art. 9 special category of data. */
  public boolean processesSpecialCategories() {
    for (DataCategory category : dataCategories) {
      if (category.sensitivity() == Sensitivity.SPECIAL_CATEGORY) {
        return true;
      }
    }
    return false;
  }

  /** A mutable copy of every component, so that each {@code withX} names only what it changes. */
  private static final class Copy {
    private final String id;
    private final LegalBasis legalBasis;
    private final String description;
    private String noticeVersion;
    private Set<DataCategory> dataCategories;
    private URI dpvIri;
    private Set<ProcessingSwitch> requiredSwitches;
    private @Nullable Period consentValidity;
    private boolean directMarketing;
    private @Nullable Period retention;
    private boolean legalClaims;
    private @Nullable AutomatedDecision automatedDecision;
    private @Nullable SpecialCategoryCondition specialCategoryCondition;
    private boolean informationSocietyService;

    Copy(Purpose p) {
      id = p.id;
      legalBasis = p.legalBasis;
      description = p.description;
      noticeVersion = p.noticeVersion;
      dataCategories = p.dataCategories;
      dpvIri = p.dpvIri;
      requiredSwitches = p.requiredSwitches;
      consentValidity = p.consentValidity;
      directMarketing = p.directMarketing;
      retention = p.retention;
      legalClaims = p.legalClaims;
      automatedDecision = p.automatedDecision;
      specialCategoryCondition = p.specialCategoryCondition;
      informationSocietyService = p.informationSocietyService;
    }

    Copy noticeVersion(String value) {
      noticeVersion = value;
      return this;
    }

    Copy dataCategories(Set<DataCategory> value) {
      dataCategories = value;
      return this;
    }

    Copy dpvIri(URI value) {
      dpvIri = value;
      return this;
    }

    Copy requiredSwitches(Set<ProcessingSwitch> value) {
      requiredSwitches = value;
      return this;
    }

    Copy consentValidity(Period value) {
      consentValidity = value;
      return this;
    }

    Copy directMarketing(boolean value) {
      directMarketing = value;
      return this;
    }

    Copy retention(Period value) {
      retention = value;
      return this;
    }

    Copy legalClaims(boolean value) {
      legalClaims = value;
      return this;
    }

    Copy automatedDecision(AutomatedDecision value) {
      automatedDecision = value;
      return this;
    }

    Copy specialCategoryCondition(SpecialCategoryCondition value) {
      specialCategoryCondition = value;
      return this;
    }

    Copy informationSocietyService(boolean value) {
      informationSocietyService = value;
      return this;
    }

    Purpose build() {
      return new Purpose(id, legalBasis, description, noticeVersion, dataCategories, dpvIri, requiredSwitches,
          consentValidity, directMarketing, retention, legalClaims, automatedDecision, specialCategoryCondition,
          informationSocietyService);
    }
  }
}
