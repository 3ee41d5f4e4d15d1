package io.gdprkit.tcf;

import io.gdprkit.SeededRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a test puts into a TC string, in plain collections, so that the encoders under test and the decoders under
 * test meet only through the string.
 */
record TcModel(
    long createdDeciseconds,
    long lastUpdatedDeciseconds,
    int cmpId,
    int cmpVersion,
    int consentScreen,
    String consentLanguage,
    int vendorListVersion,
    int tcfPolicyVersion,
    boolean isServiceSpecific,
    boolean useNonStandardTexts,
    TreeSet<Integer> specialFeatures,
    TreeSet<Integer> purposesConsent,
    TreeSet<Integer> purposesLegitimateInterest,
    boolean purposeOneTreatment,
    String publisherCc,
    Vendors vendorConsents,
    Vendors vendorLegitimateInterests,
    List<Restriction> restrictions,
    @Nullable Vendors disclosed,
    @Nullable Vendors allowed,
    @Nullable Publisher publisher) {

  /** A vendor section: the ids, the declared {@code MaxVendorId} and the encoding to write. */
  record Vendors(int maxId, TreeSet<Integer> ids, boolean rangeEncoding) {}

  /** A publisher restriction entry. */
  record Restriction(int purposeId, int type, TreeSet<Integer> vendors) {}

  /** The publisher TC segment. */
  record Publisher(TreeSet<Integer> consent, TreeSet<Integer> legitimateInterest, int customCount,
      TreeSet<Integer> customConsent, TreeSet<Integer> customLegitimateInterest) {}

  Instant created() {
    return Instant.ofEpochMilli(createdDeciseconds * 100);
  }

  Instant lastUpdated() {
    return Instant.ofEpochMilli(lastUpdatedDeciseconds * 100);
  }

  /** Restrictions as the decoder keeps them: one per purpose and type, vendors merged. */
  Map<List<Integer>, TreeSet<Integer>> mergedRestrictions() {
    Map<List<Integer>, TreeSet<Integer>> merged = new LinkedHashMap<>();
    for (Restriction r : restrictions) {
      merged.computeIfAbsent(List.of(r.purposeId(), r.type()), key -> new TreeSet<>()).addAll(r.vendors());
    }
    return merged;
  }

  /**
   * Draws a string valid under the current Policy: policy version 4 or 5, service-specific, no legitimate interest
   * for purposes 3 to 6, and a disclosed-vendors segment where v2.3 requires it; several hundred vendors, some in
   * long runs, so that both encodings occur.
   */
  static TcModel current(SeededRandom random) {
    int policy = random.anyBoolean() ? TcString.POLICY_V2_2 : TcString.POLICY_V2_3;
    long created = random.longBetween(Instant.parse("2023-06-01T00:00:00Z").toEpochMilli() / 100,
        Instant.parse("2027-12-31T00:00:00Z").toEpochMilli() / 100);
    if (random.chance(0.5)) {
      created -= created % 864_000; // CMPs often round to the day
    }
    long updated = created + random.longBetween(0, 400L * 864_000);
    TreeSet<Integer> li = ids(random, 24, 0.4);
    li.removeAll(List.of(3, 4, 5, 6));
    boolean needsDisclosed = policy == TcString.POLICY_V2_3
        && created * 100 >= Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    int maxVendor = random.intBetween(1, 1400);
    List<Restriction> restrictions = new ArrayList<>();
    int count = random.intBetween(0, 4);
    List<List<Integer>> keys = new ArrayList<>();
    while (restrictions.size() < count) {
      int purpose = random.intBetween(1, 11);
      int type = random.intBetween(0, 2);
      if (type == 2 && purpose >= 3 && purpose <= 6 || keys.contains(List.of(purpose, type))) {
        continue;
      }
      keys.add(List.of(purpose, type));
      restrictions.add(new Restriction(purpose, type, vendorIds(random, maxVendor)));
    }
    return new TcModel(created, updated, random.intBetween(2, 4095), random.intBetween(0, 4095),
        random.intBetween(0, 63), letters(random), random.intBetween(1, 4095), policy, true, random.anyBoolean(),
        ids(random, 12, 0.3), ids(random, 24, 0.6), li, random.anyBoolean(), letters(random),
        vendors(random, maxVendor), vendors(random, maxVendor), restrictions,
        needsDisclosed || random.chance(0.5) ? vendors(random, maxVendor) : null, null,
        random.chance(0.4) ? publisher(random) : null);
  }

  /** Draws a string under an earlier policy (v2.0/v2.1): policy 2 or 3, global or not, allowed vendors possible. */
  static TcModel earlier(SeededRandom random) {
    TcModel base = current(random);
    int maxVendor = Math.max(1, base.vendorConsents().maxId());
    return new TcModel(base.createdDeciseconds(), base.lastUpdatedDeciseconds(), base.cmpId(), base.cmpVersion(),
        base.consentScreen(), base.consentLanguage(), base.vendorListVersion(), random.intBetween(2, 3),
        random.anyBoolean(), base.useNonStandardTexts(), base.specialFeatures(), base.purposesConsent(),
        ids(random, 24, 0.6), base.purposeOneTreatment(), base.publisherCc(), base.vendorConsents(),
        base.vendorLegitimateInterests(), base.restrictions(), base.disclosed(),
        random.chance(0.5) ? vendors(random, maxVendor) : null, base.publisher());
  }

  private static Publisher publisher(SeededRandom random) {
    int custom = random.intBetween(0, 12);
    TreeSet<Integer> li = ids(random, 24, 0.3);
    li.removeAll(List.of(3, 4, 5, 6));
    return new Publisher(ids(random, 24, 0.5), li, custom, ids(random, custom, 0.5), ids(random, custom, 0.5));
  }

  private static Vendors vendors(SeededRandom random, int maxVendor) {
    TreeSet<Integer> ids = vendorIds(random, maxVendor);
    int declared = ids.isEmpty() ? (random.chance(0.5) ? 0 : maxVendor) : ids.last();
    if (random.chance(0.2)) {
      declared = Math.min(0xFFFF, declared + random.intBetween(0, 200)); // a MaxVendorId above the last id
    }
    return new Vendors(declared, ids, random.anyBoolean());
  }

  private static TreeSet<Integer> vendorIds(SeededRandom random, int maxVendor) {
    TreeSet<Integer> ids = new TreeSet<>();
    double density = random.chance(0.1) ? 0 : random.chance(0.5) ? 0.6 : 0.05;
    for (int id = 1; id <= maxVendor; id++) {
      if (random.chance(density)) {
        ids.add(id);
      }
    }
    int runs = random.intBetween(0, 3);
    for (int r = 0; r < runs; r++) {
      int from = random.intBetween(1, maxVendor);
      int to = Math.min(maxVendor, from + random.intBetween(0, 300));
      for (int id = from; id <= to; id++) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static TreeSet<Integer> ids(SeededRandom random, int max, double density) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (int id = 1; id <= max; id++) {
      if (random.chance(density)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static String letters(SeededRandom random) {
    return new String(new char[] {(char) ('A' + random.intBetween(0, 25)), (char) ('A' + random.intBetween(0, 25))});
  }

  /** Returns a builder holding this model's fields, for a test to change some. */
  Builder toBuilder() {
    Builder b = new Builder();
    b.created = createdDeciseconds;
    b.lastUpdated = lastUpdatedDeciseconds;
    b.cmpId = cmpId;
    b.cmpVersion = cmpVersion;
    b.consentScreen = consentScreen;
    b.consentLanguage = consentLanguage;
    b.vendorListVersion = vendorListVersion;
    b.policy = tcfPolicyVersion;
    b.serviceSpecific = isServiceSpecific;
    b.nonStandardTexts = useNonStandardTexts;
    b.specialFeatures = specialFeatures;
    b.purposes = purposesConsent;
    b.purposesLi = purposesLegitimateInterest;
    b.purposeOneTreatment = purposeOneTreatment;
    b.publisherCc = publisherCc;
    b.vendorConsents = vendorConsents;
    b.vendorLi = vendorLegitimateInterests;
    b.restrictions = restrictions;
    b.disclosed = disclosed;
    b.allowed = allowed;
    b.publisher = publisher;
    return b;
  }

  /**
   * A valid TCF v2.3 model with fixed values: created 2026-04-01, CMP 300 version 7 screen 2, purposes 1 to 4 and
   * special feature 1 consented, vendors 1 to 800 with consent (bit field), vendor 4242 too, disclosed vendors.
   */
  static Builder fixed() {
    Builder b = new Builder();
    b.created = java.time.Instant.parse("2026-04-01T00:00:00Z").toEpochMilli() / 100;
    b.lastUpdated = b.created;
    b.cmpId = 300;
    b.cmpVersion = 7;
    b.consentScreen = 2;
    b.consentLanguage = "DE";
    b.vendorListVersion = 120;
    b.policy = TcString.POLICY_V2_3;
    b.serviceSpecific = true;
    b.specialFeatures = set(1);
    b.purposes = set(1, 2, 3, 4);
    b.purposesLi = set(2, 7);
    b.publisherCc = "DE";
    TreeSet<Integer> vendors = new TreeSet<>();
    for (int id = 1; id <= 800; id++) {
      vendors.add(id);
    }
    vendors.add(4242);
    b.vendorConsents = new Vendors(4242, vendors, false);
    b.vendorLi = new Vendors(0, new TreeSet<>(), false);
    b.disclosed = new Vendors(4242, vendors, true);
    return b;
  }

  static TreeSet<Integer> set(Integer... ids) {
    return new TreeSet<>(List.of(ids));
  }

  /** Mutable fields of a model. */
  static final class Builder {
    long created;
    long lastUpdated;
    int cmpId;
    int cmpVersion;
    int consentScreen;
    String consentLanguage = "EN";
    int vendorListVersion;
    int policy;
    boolean serviceSpecific;
    boolean nonStandardTexts;
    TreeSet<Integer> specialFeatures = new TreeSet<>();
    TreeSet<Integer> purposes = new TreeSet<>();
    TreeSet<Integer> purposesLi = new TreeSet<>();
    boolean purposeOneTreatment;
    String publisherCc = "AA";
    Vendors vendorConsents = new Vendors(0, new TreeSet<>(), false);
    Vendors vendorLi = new Vendors(0, new TreeSet<>(), false);
    List<Restriction> restrictions = List.of();
    @Nullable Vendors disclosed;
    @Nullable Vendors allowed;
    @Nullable Publisher publisher;

    Builder created(String instant) {
      created = java.time.Instant.parse(instant).toEpochMilli() / 100;
      return this;
    }

    Builder lastUpdated(java.time.Instant instant) {
      lastUpdated = instant.toEpochMilli() / 100;
      return this;
    }

    TcModel build() {
      return new TcModel(created, lastUpdated, cmpId, cmpVersion, consentScreen, consentLanguage, vendorListVersion,
          policy, serviceSpecific, nonStandardTexts, specialFeatures, purposes, purposesLi, purposeOneTreatment,
          publisherCc, vendorConsents, vendorLi, restrictions, disclosed, allowed, publisher);
    }

    String encode() {
      return TestTcEncoder.encode(build(), TestTcEncoder.Padding.BYTES);
    }
  }
}
