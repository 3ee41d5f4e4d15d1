package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Which of the kit's purposes a TC string's signals stand for, and who the host is in the string: a vendor of the
 * Global Vendor List, by its id, or the publisher.
 *
 * <p>The TCF purposes and special features are the Policy's (Appendix A; TCF spec, "The Core String":
 * {@code PurposesConsent}, {@code SpecialFeatureOptIns}); the kit's purposes are the host's, declared on the builder
 * with the legal basis of consent. A kit purpose is given by a string when every signal mapped to it is given:
 * <ul>
 *   <li>for a vendor: consent to each mapped TCF purpose and to the vendor itself ({@code PurposesConsent} and the
 *       Vendor Consent Section), with no publisher restriction that disallows the purpose for the vendor or
 *       demands legitimate interest for it (TCF spec, {@code RestrictionType} 0 and 2); and the opt-in to each
 *       mapped special feature, with consent to the vendor;</li>
 *   <li>for the publisher: consent to each mapped TCF purpose in the Publisher TC segment
 *       ({@code PubPurposesConsent}; no segment, no consent) and the opt-in to each mapped special feature.</li>
 * </ul>
 * Several signals may map to one kit purpose; all of them must be given.
 *
 * <p>Usage example: <pre>{@code
 * TcfMapping mapping = TcfMapping.forVendor(4242)
 *     .withPurpose(1, "storage").withPurpose(4, "personalised-ads").withSpecialFeature(1, "precise-geo");
 * GdprKit gdpr = GdprKit.builder().purpose(...).tcf(mapping).build();
 * }</pre>
 *
 * @param vendorId the host's id on the Global Vendor List, 1 to 65535, or {@code null} when the host is the publisher
 * @param purposes TCF purpose id (1 to 24) to kit purpose id
 * @param specialFeatures TCF special feature id (1 to 12) to kit purpose id
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TcfMapping(@Nullable Integer vendorId, Map<Integer, String> purposes,
    Map<Integer, String> specialFeatures) {

  /** Validates the ids and copies the maps. */
  public TcfMapping {
    if (vendorId != null) {
      Preconditions.check(vendorId >= 1 && vendorId <= 0xFFFF, "vendorId", "must be between 1 and 65535");
    }
    Preconditions.notNull(purposes, "purposes");
    Preconditions.notNull(specialFeatures, "specialFeatures");
    purposes.forEach((tcfPurpose, purpose) -> {
      Preconditions.check(tcfPurpose != null && tcfPurpose >= 1 && tcfPurpose <= 24, "TCF purpose",
          "must be between 1 and 24");
      Preconditions.notBlank(purpose, "purpose");
    });
    specialFeatures.forEach((feature, purpose) -> {
      Preconditions.check(feature != null && feature >= 1 && feature <= 12, "TCF special feature",
          "must be between 1 and 12");
      Preconditions.notBlank(purpose, "purpose");
    });
    purposes = Map.copyOf(purposes);
    specialFeatures = Map.copyOf(specialFeatures);
  }

  /** Returns an empty mapping for a host that is vendor {@code vendorId} of the Global Vendor List. */
  public static TcfMapping forVendor(int vendorId) {
    return new TcfMapping(vendorId, Map.of(), Map.of());
  }

  /** Returns an empty mapping for a host that is the publisher and reads the Publisher TC segment. */
  public static TcfMapping forPublisher() {
    return new TcfMapping(null, Map.of(), Map.of());
  }

  /**
   * Returns a copy in which TCF purpose {@code tcfPurpose} stands for kit purpose {@code purpose}.
   *
   * @throws io.gdprkit.InvalidInputException if the TCF purpose is out of range or already mapped
   */
  public TcfMapping withPurpose(int tcfPurpose, String purpose) {
    return new TcfMapping(vendorId, with(purposes, tcfPurpose, purpose, "TCF purpose"), specialFeatures);
  }

  /**
   * Returns a copy in which special feature {@code feature} stands for kit purpose {@code purpose}.
   *
   * @throws io.gdprkit.InvalidInputException if the feature is out of range or already mapped
   */
  public TcfMapping withSpecialFeature(int feature, String purpose) {
    return new TcfMapping(vendorId, purposes, with(specialFeatures, feature, purpose, "TCF special feature"));
  }

  /** Returns whether the host reads the string as the publisher rather than as a vendor. */
  public boolean isPublisher() {
    return vendorId == null;
  }

  /** Returns the kit purposes that some signal maps to, sorted. */
  public Set<String> mappedPurposes() {
    Set<String> all = new TreeSet<>(purposes.values());
    all.addAll(specialFeatures.values());
    return all;
  }

  private static Map<Integer, String> with(Map<Integer, String> map, int id, String purpose, String field) {
    Preconditions.check(!map.containsKey(id), field, id + " is already mapped to " + Messages.quote(map.get(id)));
    Map<Integer, String> copy = new LinkedHashMap<>(map);
    copy.put(id, Preconditions.notBlank(purpose, "purpose"));
    return copy;
  }
}
