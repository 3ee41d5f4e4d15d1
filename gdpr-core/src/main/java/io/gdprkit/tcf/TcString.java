package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A decoded IAB TCF v2 TC string: every field of its core, disclosed-vendors, allowed-vendors and publisher TC
 * segments, immutable.
 *
 * <p>The fields are those of the TCF spec ("Transparency and Consent String with Global Vendor &amp; CMP List
 * Formats", v2.3), section "The Core String" and the segment sections after it; each component names its field.
 * Purposes, special features and vendors are {@link IdSet}s, so a question such as {@link #vendorConsent(int)} is
 * one array read. {@link #decode(String)} reads base64url with or without {@code =} padding, decodes every segment
 * at once and checks the current Policy; it refuses anything else with an {@link InvalidTcStringException} that
 * gives the offset. Thread-safe; decoding allocates the result and one buffer for the bits of the characters.
 *
 * <p>{@link #toString()} shows the metadata and how many ids each set holds, not the choices: a TC string is
 * personal data once it can be linked to a person (CJEU C-604/22).
 *
 * <p>Usage example: <pre>{@code
 * TcString tc = TcString.decode(request.getParameter("gdpr_consent"));
 * boolean mayStore = tc.purposeConsent(1) && tc.vendorConsent(755);
 * }</pre>
 *
 * @param version {@code Version}, always 2
 * @param created {@code Created}, deciseconds since the epoch, often rounded to the day by the CMP
 * @param lastUpdated {@code LastUpdated}, when a value was last changed
 * @param cmpId {@code CmpId}, the consent management platform that last updated the string (12 bits)
 * @param cmpVersion {@code CmpVersion} (12 bits)
 * @param consentScreen {@code ConsentScreen}, the CMP's screen on which the choice was made (6 bits)
 * @param consentLanguage {@code ConsentLanguage}, two upper-case letters of ISO 639-1
 * @param vendorListVersion {@code VendorListVersion}, the Global Vendor List used (12 bits)
 * @param tcfPolicyVersion {@code TcfPolicyVersion}: 2 for TCF v2.0, 4 for v2.2, 5 for v2.3 (6 bits)
 * @param isServiceSpecific {@code IsServiceSpecific}
 * @param useNonStandardTexts {@code UseNonStandardTexts} (named {@code UseNonStandardStacks} before v2.2)
 * @param specialFeatureOptIns {@code SpecialFeatureOptIns}, special features 1 to 12
 * @param purposesConsent {@code PurposesConsent}, purposes 1 to 24
 * @param purposesLegitimateInterest {@code PurposesLITransparency}, purposes 1 to 24
 * @param purposeOneTreatment {@code PurposeOneTreatment}: purpose 1 was not disclosed
 * @param publisherCC {@code PublisherCC}, two upper-case letters of ISO 3166-1 alpha-2
 * @param vendorConsents the Vendor Consent Section
 * @param vendorLegitimateInterests the Vendor Legitimate Interest Section
 * @param publisherRestrictions the Publisher Restrictions Section, one entry per purpose and type
 * @param disclosedVendors the Disclosed Vendors segment, or {@code null} if absent
 * @param allowedVendors the Allowed Vendors segment, or {@code null} if absent
 * @param publisherTc the Publisher TC segment, or {@code null} if absent
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TcString(
    int version,
    Instant created,
    Instant lastUpdated,
    int cmpId,
    int cmpVersion,
    int consentScreen,
    String consentLanguage,
    int vendorListVersion,
    int tcfPolicyVersion,
    boolean isServiceSpecific,
    boolean useNonStandardTexts,
    IdSet specialFeatureOptIns,
    IdSet purposesConsent,
    IdSet purposesLegitimateInterest,
    boolean purposeOneTreatment,
    String publisherCC,
    IdSet vendorConsents,
    IdSet vendorLegitimateInterests,
    List<PublisherRestriction> publisherRestrictions,
    @Nullable IdSet disclosedVendors,
    @Nullable IdSet allowedVendors,
    @Nullable PublisherTc publisherTc) {

  /** The longest string {@link #decode} reads: four full vendor bit fields of 65,535 ids fit with room to spare. */
  public static final int MAX_LENGTH = 131_072;

  /** {@code TcfPolicyVersion} of TCF v2.2. */
  public static final int POLICY_V2_2 = 4;

  /** {@code TcfPolicyVersion} of TCF v2.3. */
  public static final int POLICY_V2_3 = 5;

  /** Validates the fields. */
  public TcString {
    Preconditions.check(version == 2, "version", "must be 2");
    Preconditions.notNull(created, "created");
    Preconditions.notNull(lastUpdated, "lastUpdated");
    Preconditions.check(cmpId >= 0 && cmpId <= 0xFFF, "cmpId", "must fit 12 bits");
    Preconditions.check(cmpVersion >= 0 && cmpVersion <= 0xFFF, "cmpVersion", "must fit 12 bits");
    Preconditions.check(consentScreen >= 0 && consentScreen <= 63, "consentScreen", "must fit 6 bits");
    Preconditions.notNull(consentLanguage, "consentLanguage");
    Preconditions.check(vendorListVersion >= 0 && vendorListVersion <= 0xFFF, "vendorListVersion",
        "must fit 12 bits");
    Preconditions.check(tcfPolicyVersion >= 0 && tcfPolicyVersion <= 63, "tcfPolicyVersion", "must fit 6 bits");
    Preconditions.notNull(specialFeatureOptIns, "specialFeatureOptIns");
    Preconditions.notNull(purposesConsent, "purposesConsent");
    Preconditions.notNull(purposesLegitimateInterest, "purposesLegitimateInterest");
    Preconditions.notNull(publisherCC, "publisherCC");
    Preconditions.notNull(vendorConsents, "vendorConsents");
    Preconditions.notNull(vendorLegitimateInterests, "vendorLegitimateInterests");
    publisherRestrictions = List.copyOf(publisherRestrictions);
  }

  /**
   * Decodes and strictly validates a TC string: well-formed, and valid under the current Policy (TCF v2.2 or v2.3).
   *
   * @param tcString the string as the CMP wrote it: base64url segments joined by {@code .}, padded or not
   * @throws InvalidTcStringException with the offset, if it is malformed or breaks the Policy
   */
  public static TcString decode(String tcString) {
    return decode(tcString, TcfValidation.STRICT);
  }

  /**
   * Decodes a TC string with the given validation.
   *
   * @throws InvalidTcStringException with the offset, if it is malformed or, when {@code validation} is strict,
   *     breaks the Policy
   */
  public static TcString decode(String tcString, TcfValidation validation) {
    return TcStringDecoder.decode(Preconditions.notNull(tcString, "tcString"),
        Preconditions.notNull(validation, "validation"));
  }

  /** Returns whether the user consented to TCF purpose {@code purposeId} ({@code PurposesConsent}). */
  public boolean purposeConsent(int purposeId) {
    return purposesConsent.contains(purposeId);
  }

  /** Returns whether legitimate interest for purpose {@code purposeId} stands ({@code PurposesLITransparency}). */
  public boolean purposeLegitimateInterest(int purposeId) {
    return purposesLegitimateInterest.contains(purposeId);
  }

  /** Returns whether the user opted in to special feature {@code featureId} ({@code SpecialFeatureOptIns}). */
  public boolean specialFeatureOptIn(int featureId) {
    return specialFeatureOptIns.contains(featureId);
  }

  /** Returns whether the user consented to vendor {@code vendorId} (Vendor Consent Section). */
  public boolean vendorConsent(int vendorId) {
    return vendorConsents.contains(vendorId);
  }

  /** Returns whether vendor {@code vendorId}'s legitimate interest stands (Vendor Legitimate Interest Section). */
  public boolean vendorLegitimateInterest(int vendorId) {
    return vendorLegitimateInterests.contains(vendorId);
  }

  /** Returns whether vendor {@code vendorId} was disclosed to the user; false when the segment is absent. */
  public boolean vendorDisclosed(int vendorId) {
    return disclosedVendors != null && disclosedVendors.contains(vendorId);
  }

  /** Returns whether the publisher restricts purpose {@code purposeId} for vendor {@code vendorId} with {@code type}. */
  public boolean restricts(int purposeId, int vendorId, RestrictionType type) {
    for (PublisherRestriction restriction : publisherRestrictions) {
      if (restriction.purposeId() == purposeId && restriction.type() == type
          && restriction.vendors().contains(vendorId)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the metadata and the size of each set, without the choices themselves. */
  @Override
  public String toString() {
    return "TcString[version=" + version + ", tcfPolicyVersion=" + tcfPolicyVersion + ", cmpId=" + cmpId
        + ", cmpVersion=" + cmpVersion + ", vendorListVersion=" + vendorListVersion + ", isServiceSpecific="
        + isServiceSpecific + ", purposes=" + purposesConsent.size() + ", vendorConsents=" + vendorConsents.size()
        + ", vendorLegitimateInterests=" + vendorLegitimateInterests.size() + ", publisherRestrictions="
        + publisherRestrictions.size() + ", disclosedVendors=" + (disclosedVendors == null ? "absent"
        : disclosedVendors.size()) + ", allowedVendors=" + (allowedVendors == null ? "absent" : allowedVendors.size())
        + ", publisherTc=" + (publisherTc == null ? "absent" : "present") + "]";
  }
}
