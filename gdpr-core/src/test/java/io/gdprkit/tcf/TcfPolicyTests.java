package io.gdprkit.tcf;

import static io.gdprkit.tcf.InvalidTcStringException.Reason.DISCLOSED_VENDORS_MISSING;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_RESTRICTION;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.LEGITIMATE_INTEREST_NOT_PERMITTED;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.NOT_SERVICE_SPECIFIC;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.OUTDATED_POLICY_VERSION;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.UNKNOWN_POLICY_VERSION;
import static io.gdprkit.tcf.TcModel.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gdprkit.GdprKit;
import io.gdprkit.tcf.InvalidTcStringException.Reason;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict validator holds strings to the current TCF Policy (v2.2 and v2.3), through {@code GdprKit.tcf()};
 * lenient decoding reads the same strings. Bit offsets are those of the TCF spec's "The Core String" table.
 */
class TcfPolicyTests {

  private final GdprKit gdpr = GdprKit.builder().build();

  @ParameterizedTest
  @ValueSource(ints = {TcString.POLICY_V2_2, TcString.POLICY_V2_3})
  @DisplayName("TCF spec TcfPolicyVersion: 4 (v2.2) and 5 (v2.3) are current")
  void acceptsCurrentPolicyVersions(int policy) {
    TcModel.Builder model = TcModel.fixed();
    model.policy = policy;

    assertThat(gdpr.tcf().decode(model.encode()).tcfPolicyVersion()).isEqualTo(policy);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  @DisplayName("TCF spec TcfPolicyVersion: a policy before v2.2 invalidates the string in strict mode, at bit 132")
  void refusesOutdatedPolicyVersions(int policy) {
    TcModel.Builder model = TcModel.fixed();
    model.policy = policy;

    assertStrictlyRefused(model.encode(), OUTDATED_POLICY_VERSION, 132);
  }

  @Test
  @DisplayName("TCF spec TcfPolicyVersion: a policy after v2.3 is unknown and refused in strict mode")
  void refusesUnknownPolicyVersions() {
    TcModel.Builder model = TcModel.fixed();
    model.policy = 6;

    assertStrictlyRefused(model.encode(), UNKNOWN_POLICY_VERSION, 132);
  }

  @Test
  @DisplayName("TCF spec v2.2 IsServiceSpecific: a globally-scoped string (0) is refused in strict mode, at bit 138")
  void refusesGloballyScopedStrings() {
    TcModel.Builder model = TcModel.fixed();
    model.serviceSpecific = false;

    assertStrictlyRefused(model.encode(), NOT_SERVICE_SPECIFIC, 138);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6})
  @DisplayName("TCF Policy v2.2: legitimate interest for purposes 3 to 6 is refused in strict mode, at the purpose's bit")
  void refusesLegitimateInterestForPurposesThreeToSix(int purpose) {
    TcModel.Builder model = TcModel.fixed();
    model.purposesLi = set(2, purpose, 7);

    assertStrictlyRefused(model.encode(), LEGITIMATE_INTEREST_NOT_PERMITTED, 176 + purpose - 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 6})
  @DisplayName("TCF Policy v2.2: the publisher's legitimate interest for purposes 3 to 6 is refused too")
  void refusesPublisherLegitimateInterestForPurposesThreeToSix(int purpose) {
    TcModel.Builder model = TcModel.fixed();
    model.publisher = new TcModel.Publisher(set(1), set(purpose), 0, set(), set());
    String tcString = model.encode();

    InvalidTcStringException refused = assertStrictlyRefused(tcString, LEGITIMATE_INTEREST_NOT_PERMITTED,
        3 + 24 + purpose - 1);

    assertThat(refused.segment()).isEqualTo(TcfSegment.PUBLISHER_TC);
    assertThat(refused.field()).isEqualTo("PubPurposesLITransparency");
  }

  @Test
  @DisplayName("TCF Policy v2.2: a restriction requiring legitimate interest for purpose 4 is refused in strict mode")
  void refusesRestrictionsRequiringLegitimateInterestForPurposesThreeToSix() {
    TcModel.Builder model = TcModel.fixed();
    model.restrictions = List.of(new TcModel.Restriction(4, 2, set(4242)));

    assertStrictlyRefused(model.encode(), LEGITIMATE_INTEREST_NOT_PERMITTED, -2);
  }

  @Test
  @DisplayName("TCF spec RestrictionType 3 is undefined, and a restriction for purpose 0 or 25 names no purpose")
  void refusesUndefinedRestrictions() {
    TcModel.Builder undefinedType = TcModel.fixed();
    undefinedType.restrictions = List.of(new TcModel.Restriction(2, 3, set(1)));
    TcModel.Builder noPurpose = TcModel.fixed();
    noPurpose.restrictions = List.of(new TcModel.Restriction(0, 0, set(1)));
    TcModel.Builder pastPurposes = TcModel.fixed();
    pastPurposes.restrictions = List.of(new TcModel.Restriction(25, 0, set(1)));

    assertStrictlyRefused(undefinedType.encode(), INVALID_RESTRICTION, -2);
    assertStrictlyRefused(noPurpose.encode(), INVALID_RESTRICTION, -2);
    assertStrictlyRefused(pastPurposes.encode(), INVALID_RESTRICTION, -2);
  }

  @Test
  @DisplayName("TCF v2.3: a v2.3 string created after 2026-02-28 without the disclosed-vendors segment is refused at its end")
  void refusesV23StringsWithoutDisclosedVendorsAfterTheTransition() {
    TcModel.Builder model = TcModel.fixed().created("2026-03-01T00:00:00Z");
    model.disclosed = null;
    String tcString = model.encode();

    InvalidTcStringException refused = assertStrictlyRefused(tcString, DISCLOSED_VENDORS_MISSING, -1);

    assertThat(refused.offset()).isEqualTo(tcString.length());
    assertThat(refused.segment()).isEqualTo(TcfSegment.DISCLOSED_VENDORS);
  }

  @Test
  @DisplayName("TCF v2.3 transition: strings created up to 2026-02-28, and v2.2 strings, may lack the disclosed-vendors segment")
  void acceptsStringsWithoutDisclosedVendorsBeforeTheTransitionEnds() {
    TcModel.Builder lastDay = TcModel.fixed().created("2026-02-28T23:59:59.900Z");
    lastDay.disclosed = null;
    TcModel.Builder v22 = TcModel.fixed();
    v22.policy = TcString.POLICY_V2_2;
    v22.disclosed = null;

    assertThat(gdpr.tcf().decode(lastDay.encode()).disclosedVendors()).isNull();
    assertThat(gdpr.tcf().decode(v22.encode()).disclosedVendors()).isNull();
  }

  @Test
  @DisplayName("TCF v2.3: the disclosed-vendors segment is read, in range or bit-field encoding")
  void readsTheDisclosedVendorsSegment() {
    TcModel.Builder model = TcModel.fixed();

    TcString tc = gdpr.tcf().decode(model.encode());

    assertThat(tc.disclosedVendors().size()).isEqualTo(801);
    assertThat(tc.vendorDisclosed(4242)).isTrue();
    assertThat(tc.vendorDisclosed(801)).isFalse();
  }

  /** Asserts strict refusal with the reason and bit offset (-2 for any), and that lenient mode reads the string. */
  private InvalidTcStringException assertStrictlyRefused(String tcString, Reason reason, int bitOffset) {
    InvalidTcStringException refused = catchThrowableOfType(() -> gdpr.tcf().decode(tcString),
        InvalidTcStringException.class);
    assertThat(refused).as("strict refusal").isNotNull();
    assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
    assertThat(refused.reason().policyViolation()).isTrue();
    if (bitOffset != -2) {
      assertThat(refused.bitOffset()).as(refused.getMessage()).isEqualTo(bitOffset);
    }
    if (bitOffset >= 0 && refused.segment() == TcfSegment.CORE) {
      assertThat(refused.offset()).isEqualTo(bitOffset / 6);
    }
    assertThat(TcString.decode(tcString, TcfValidation.LENIENT)).isNotNull();
    return refused;
  }
}
