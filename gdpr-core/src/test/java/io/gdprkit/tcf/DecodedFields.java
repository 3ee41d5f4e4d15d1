package io.gdprkit.tcf;

import static org.assertj.core.api.Assertions.assertThat;

import com.iabtcf.decoder.TCString;
import com.iabtcf.utils.IntIterable;
import com.iabtcf.v2.PublisherRestriction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/** Compares every field of a decoded {@link TcString} with the IAB decoder's reading and with the encoded model. */
final class DecodedFields {

  private DecodedFields() {}

  /** Asserts that ours and the IAB's Java decoder read the same value from every field of every segment. */
  static void assertSameAsIab(io.gdprkit.tcf.TcString ours, TCString iab) {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(ours.version()).as("Version").isEqualTo(iab.getVersion());
    soft.assertThat(ours.created()).as("Created").isEqualTo(iab.getCreated());
    soft.assertThat(ours.lastUpdated()).as("LastUpdated").isEqualTo(iab.getLastUpdated());
    soft.assertThat(ours.cmpId()).as("CmpId").isEqualTo(iab.getCmpId());
    soft.assertThat(ours.cmpVersion()).as("CmpVersion").isEqualTo(iab.getCmpVersion());
    soft.assertThat(ours.consentScreen()).as("ConsentScreen").isEqualTo(iab.getConsentScreen());
    soft.assertThat(ours.consentLanguage()).as("ConsentLanguage").isEqualTo(iab.getConsentLanguage());
    soft.assertThat(ours.vendorListVersion()).as("VendorListVersion").isEqualTo(iab.getVendorListVersion());
    soft.assertThat(ours.tcfPolicyVersion()).as("TcfPolicyVersion").isEqualTo(iab.getTcfPolicyVersion());
    soft.assertThat(ours.isServiceSpecific()).as("IsServiceSpecific").isEqualTo(iab.isServiceSpecific());
    soft.assertThat(ours.useNonStandardTexts()).as("UseNonStandardTexts").isEqualTo(iab.getUseNonStandardStacks());
    soft.assertThat(ours.specialFeatureOptIns().toArray()).as("SpecialFeatureOptIns")
        .containsExactly(ids(iab.getSpecialFeatureOptIns()));
    soft.assertThat(ours.purposesConsent().toArray()).as("PurposesConsent")
        .containsExactly(ids(iab.getPurposesConsent()));
    soft.assertThat(ours.purposesLegitimateInterest().toArray()).as("PurposesLITransparency")
        .containsExactly(ids(iab.getPurposesLITransparency()));
    soft.assertThat(ours.purposeOneTreatment()).as("PurposeOneTreatment").isEqualTo(iab.getPurposeOneTreatment());
    soft.assertThat(ours.publisherCC()).as("PublisherCC").isEqualTo(iab.getPublisherCC());
    soft.assertThat(ours.vendorConsents().toArray()).as("vendor consents").containsExactly(ids(iab.getVendorConsent()));
    soft.assertThat(ours.vendorLegitimateInterests().toArray()).as("vendor legitimate interests")
        .containsExactly(ids(iab.getVendorLegitimateInterest()));
    soft.assertThat(restrictions(ours)).as("publisher restrictions").isEqualTo(restrictions(iab));
    soft.assertThat(ours.disclosedVendors() == null ? new int[0] : ours.disclosedVendors().toArray())
        .as("disclosed vendors").containsExactly(ids(iab.getDisclosedVendors()));
    soft.assertThat(ours.allowedVendors() == null ? new int[0] : ours.allowedVendors().toArray())
        .as("allowed vendors").containsExactly(ids(iab.getAllowedVendors()));
    PublisherTc pub = ours.publisherTc();
    soft.assertThat(pub == null ? new int[0] : pub.purposesConsent().toArray()).as("PubPurposesConsent")
        .containsExactly(ids(iab.getPubPurposesConsent()));
    soft.assertThat(pub == null ? new int[0] : pub.purposesLegitimateInterest().toArray())
        .as("PubPurposesLITransparency").containsExactly(ids(iab.getPubPurposesLITransparency()));
    soft.assertThat(pub == null ? new int[0] : pub.customPurposesConsent().toArray()).as("CustomPurposesConsent")
        .containsExactly(ids(iab.getCustomPurposesConsent()));
    soft.assertThat(pub == null ? new int[0] : pub.customPurposesLegitimateInterest().toArray())
        .as("CustomPurposesLITransparency").containsExactly(ids(iab.getCustomPurposesLITransparency()));
    soft.assertAll();
  }

  /** Asserts that every field decoded from the string is the one the model put in. */
  static void assertMatchesModel(io.gdprkit.tcf.TcString ours, TcModel model) {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(ours.version()).isEqualTo(2);
    soft.assertThat(ours.created()).as("Created").isEqualTo(model.created());
    soft.assertThat(ours.lastUpdated()).as("LastUpdated").isEqualTo(model.lastUpdated());
    soft.assertThat(ours.cmpId()).as("CmpId").isEqualTo(model.cmpId());
    soft.assertThat(ours.cmpVersion()).as("CmpVersion").isEqualTo(model.cmpVersion());
    soft.assertThat(ours.consentScreen()).as("ConsentScreen").isEqualTo(model.consentScreen());
    soft.assertThat(ours.consentLanguage()).as("ConsentLanguage").isEqualTo(model.consentLanguage());
    soft.assertThat(ours.vendorListVersion()).as("VendorListVersion").isEqualTo(model.vendorListVersion());
    soft.assertThat(ours.tcfPolicyVersion()).as("TcfPolicyVersion").isEqualTo(model.tcfPolicyVersion());
    soft.assertThat(ours.isServiceSpecific()).as("IsServiceSpecific").isEqualTo(model.isServiceSpecific());
    soft.assertThat(ours.useNonStandardTexts()).as("UseNonStandardTexts").isEqualTo(model.useNonStandardTexts());
    soft.assertThat(boxed(ours.specialFeatureOptIns())).as("SpecialFeatureOptIns").isEqualTo(model.specialFeatures());
    soft.assertThat(boxed(ours.purposesConsent())).as("PurposesConsent").isEqualTo(model.purposesConsent());
    soft.assertThat(boxed(ours.purposesLegitimateInterest())).as("PurposesLITransparency")
        .isEqualTo(model.purposesLegitimateInterest());
    soft.assertThat(ours.purposeOneTreatment()).as("PurposeOneTreatment").isEqualTo(model.purposeOneTreatment());
    soft.assertThat(ours.publisherCC()).as("PublisherCC").isEqualTo(model.publisherCc());
    vendors(soft, "vendor consents", ours.vendorConsents(), model.vendorConsents());
    vendors(soft, "vendor legitimate interests", ours.vendorLegitimateInterests(), model.vendorLegitimateInterests());
    soft.assertThat(restrictions(ours)).as("publisher restrictions").isEqualTo(model.mergedRestrictions());
    soft.assertThat(ours.disclosedVendors() == null).as("disclosed segment absent").isEqualTo(model.disclosed() == null);
    if (ours.disclosedVendors() != null && model.disclosed() != null) {
      vendors(soft, "disclosed vendors", ours.disclosedVendors(), model.disclosed());
    }
    soft.assertThat(ours.allowedVendors() == null).as("allowed segment absent").isEqualTo(model.allowed() == null);
    if (ours.allowedVendors() != null && model.allowed() != null) {
      vendors(soft, "allowed vendors", ours.allowedVendors(), model.allowed());
    }
    soft.assertThat(ours.publisherTc() == null).as("publisher TC absent").isEqualTo(model.publisher() == null);
    if (ours.publisherTc() != null && model.publisher() != null) {
      PublisherTc pub = ours.publisherTc();
      soft.assertThat(boxed(pub.purposesConsent())).isEqualTo(model.publisher().consent());
      soft.assertThat(boxed(pub.purposesLegitimateInterest())).isEqualTo(model.publisher().legitimateInterest());
      soft.assertThat(pub.numCustomPurposes()).isEqualTo(model.publisher().customCount());
      soft.assertThat(boxed(pub.customPurposesConsent())).isEqualTo(model.publisher().customConsent());
      soft.assertThat(boxed(pub.customPurposesLegitimateInterest()))
          .isEqualTo(model.publisher().customLegitimateInterest());
    }
    soft.assertAll();
  }

  private static void vendors(SoftAssertions soft, String name, IdSet decoded, TcModel.Vendors encoded) {
    soft.assertThat(boxed(decoded)).as(name).isEqualTo(encoded.ids());
    soft.assertThat(decoded.maxId()).as(name + " MaxVendorId").isEqualTo(encoded.maxId());
    soft.assertThat(decoded.size()).as(name + " size").isEqualTo(encoded.ids().size());
    for (int id : new int[] {0, -1, encoded.maxId() + 1, 65_536}) {
      soft.assertThat(decoded.contains(id)).as(name + " contains out-of-range " + id).isFalse();
    }
  }

  static TreeSet<Integer> boxed(IdSet set) {
    TreeSet<Integer> ids = new TreeSet<>();
    set.forEach(ids::add);
    int next = set.next(1);
    for (int id : ids) {
      assertThat(next).as("next() walks the same ids as forEach()").isEqualTo(id);
      assertThat(set.contains(id)).isTrue();
      next = set.next(id + 1);
    }
    assertThat(next).isEqualTo(-1);
    java.util.PrimitiveIterator.OfInt iterator = set.iterator();
    for (int id : ids) {
      assertThat(iterator.hasNext()).isTrue();
      assertThat(iterator.nextInt()).as("iterator() walks the same ids as forEach()").isEqualTo(id);
    }
    assertThat(iterator.hasNext()).isFalse();
    assertThat(set.toArray()).hasSize(set.size());
    return ids;
  }

  static int[] ids(IntIterable iterable) {
    return iterable.toStream().sorted().toArray();
  }

  private static Map<List<Integer>, TreeSet<Integer>> restrictions(io.gdprkit.tcf.TcString ours) {
    Map<List<Integer>, TreeSet<Integer>> map = new LinkedHashMap<>();
    for (io.gdprkit.tcf.PublisherRestriction r : ours.publisherRestrictions()) {
      map.put(List.of(r.purposeId(), r.type().code()), boxed(r.vendors()));
    }
    return map;
  }

  private static Map<List<Integer>, TreeSet<Integer>> restrictions(TCString iab) {
    Map<List<Integer>, TreeSet<Integer>> map = new LinkedHashMap<>();
    for (PublisherRestriction r : iab.getPublisherRestrictions()) {
      map.computeIfAbsent(List.of(r.getPurposeId(), r.getRestrictionType().ordinal()), key -> new TreeSet<>())
          .addAll(r.getVendorIds().toStream().boxed().collect(Collectors.toList()));
    }
    return map;
  }
}
