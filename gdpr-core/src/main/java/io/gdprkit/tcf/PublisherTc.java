package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * The publisher's own transparency and consent signals: the Publisher TC segment (TCF spec, "Publisher Purposes
 * Transparency and Consent", segment type 3).
 *
 * <p>A host that is the publisher, rather than a vendor, reads its users' choices here.
 *
 * <p>Usage example: <pre>{@code tc.publisherTc() != null && tc.publisherTc().purposeConsent(1)}</pre>
 *
 * @param purposesConsent {@code PubPurposesConsent}, purposes 1 to 24
 * @param purposesLegitimateInterest {@code PubPurposesLITransparency}, purposes 1 to 24
 * @param customPurposesConsent {@code CustomPurposesConsent}, custom purposes 1 to {@code NumCustomPurposes}
 * @param customPurposesLegitimateInterest {@code CustomPurposesLITransparency}, custom purposes 1 to
 *     {@code NumCustomPurposes}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PublisherTc(IdSet purposesConsent, IdSet purposesLegitimateInterest, IdSet customPurposesConsent,
    IdSet customPurposesLegitimateInterest) {

  /** Validates the fields. */
  public PublisherTc {
    Preconditions.notNull(purposesConsent, "purposesConsent");
    Preconditions.notNull(purposesLegitimateInterest, "purposesLegitimateInterest");
    Preconditions.notNull(customPurposesConsent, "customPurposesConsent");
    Preconditions.notNull(customPurposesLegitimateInterest, "customPurposesLegitimateInterest");
  }

  /** Returns {@code NumCustomPurposes}, the number of custom purposes the publisher defined. */
  public int numCustomPurposes() {
    return customPurposesConsent.maxId();
  }

  /** Returns whether the user consented to standard purpose {@code purposeId} for the publisher. */
  public boolean purposeConsent(int purposeId) {
    return purposesConsent.contains(purposeId);
  }

  /** Returns whether the publisher's legitimate interest for standard purpose {@code purposeId} stands. */
  public boolean purposeLegitimateInterest(int purposeId) {
    return purposesLegitimateInterest.contains(purposeId);
  }

  /** Returns whether the user consented to custom purpose {@code customPurposeId}. */
  public boolean customPurposeConsent(int customPurposeId) {
    return customPurposesConsent.contains(customPurposeId);
  }
}
