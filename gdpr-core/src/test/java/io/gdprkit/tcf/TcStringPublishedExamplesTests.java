package io.gdprkit.tcf;

import static io.gdprkit.tcf.DecodedFields.assertSameAsIab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TC strings published by the IAB: the examples of the TCF spec ("TC String Format", "Signaling OOB in the TC
 * String") and the test vectors of the IAB's Java library (iabtcf-java, {@code TCStringV2Test}), with the values
 * those sources state, and every field cross-checked against the IAB's decoder.
 */
class TcStringPublishedExamplesTests {

  /** TCF spec, "TC String Format": a globally-scoped string with all four segments. */
  static final String SPEC_ALL_SEGMENTS = "COw4XqLOw4XqLAAAAAENAXCAAAAAAAAAAAAAAAAAAAAA"
      + ".IFukWSQgAIQwgI0QEByFAAAAeIAACAIgSAAQAIAgEQACEABAAAgAQFAEAIAAAGBAAgAAAAQAIFAAMCQAAgAAQiRAEQAAAAANAAIAAggAIYQFAAARmggBC3ZCYzU2yIA"
      + ".QFukWSQgAIQwgI0QEByFAAAAeIAACAIgSAAQAIAgEQACEABAAAgAQFAEAIAAAGBAAgAAAAQAIFAAMCQAAgAAQiRAEQAAAAANAAIAAggAIYQFAAARmggBC3ZCYzU2yIA"
      + ".YAAAAAAAAAAAAAAAAAA";

  /** TCF spec, "TC String Format": a service-specific string with a publisher TC segment. */
  static final String SPEC_SERVICE_SPECIFIC =
      "CLcVDxRMWfGmWAVAHCENAXCkAKDAADnAABRgA5mdfCKZuYJez-NQm0TBMYA4oCAAGQYIAAAAAAEAIAEgAA.argAC0gAAAAAAAAAAAA";

  /** TCF spec, "Signaling OOB in the TC String", examples 1 and 2: core and disclosed vendors. */
  static final String SPEC_OOB = "COvFyGBOvFyGBAbAAAENAPCAAOAAAAAAAAAAAEEUACCKAAA"
      + ".IFoEUQQgAIQwgIwQABAEAAAAOIAACAIAAAAQAIAgEAACEAAAAAgAQBAAAAAAAGBAAgAAAAAAAFAAECAAAgAAQARAEQAAAAAJAAIAAgAAAYQEAAAQmAgBC3ZAYzUw";

  /** TCF spec, "Signaling OOB in the TC String", example 3, second string: core, disclosed and allowed vendors. */
  static final String SPEC_OOB_ALLOWED = "CGL23UdMFJzvuA9ACCENAXCEAC0AAGrAAA5YA5ht7-_d_7_vd-f-nrf4_4A4hM4JCKoK4YhmAqABgAEgAA"
      + ".IFut_a83_Ma_t-_SvB3v4-IAeIAACAIgSAAQAIAgEQACEABAAAgAQFAEAIAAAGBAAgAAAAQAIFAAMCQAAgAAQiRAEQAAAAANAAIAAggAIYQFAAARmggBC3ZCYzU2yIA"
      + ".QFulWfTw4obx_Z2zUj6XkNIAeIAACAIgSAAQAIAgEQACEABAAAgAQFAEAIAAAGBAAgAAAAQAIFAAMCQAAgAAQiRAEQAAAAANAAIAAggAIYQFAAARmggBC3ZCYzU2yIA";

  /** iabtcf-java {@code testCanConstructTCModelFromBase64String}, made with the IAB's web encoder. */
  static final String IABTCF_JAVA_CORE = "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA";

  /** iabtcf-java {@code testCanParseAllParts}: all four segments, the publisher TC one padded with '='. */
  static final String IABTCF_JAVA_ALL_PARTS =
      "COrEAV4OrXx94ACABBENAHCIAD-AAAAAAACAAxAAAAgAIAwgAgAAAAEAgQAAAAAEAYQAQAAAACAAAABAAA"
          + ".IBAgAAAgAIAwgAgAAAAEAAAACA.QAagAQAgAIAwgA.cAAAAAAAITg=";

  /** iabtcf-java {@code testCanParseRangeEncodedVendorLegitimateInterests}. */
  static final String IABTCF_JAVA_RANGE_LI = "COv__-wOv__-wC2AAAENAPCgAAAAAAAAAAAAA_wAQA_gEBABAEAAAA";

  /** iabtcf-java {@code testRange}: two range entries, then one. */
  static final String IABTCF_JAVA_TWO_RANGES =
      "COwBOpCOwBOpCLqAAAENAPCAAAAAAAAAAAAAFfwAYFfAV-BVkAGBVYFWAAA.IFoEUQQgAIQwgIwQABAEAAAAOIAACAIAAAAQAIAgEAACEAAAAAgAQBAAAAAAAGBAAgAAAAAAAFAAECAAAgAAQARAEQAAAAAJAAIAAgAAAYQEAAAQmAgBC3ZAYzUw";
  static final String IABTCF_JAVA_ONE_RANGE =
      "COwBOpCOwBOpCLqAAAENAPCAAAAAAAAAAAAAFfwAQFfgUbABAUaAAA.IFoEUQQgAIQwgIwQABAEAAAAOIAACAIAAAAQAIAgEAACEAAAAAgAQBAAAAAAAGBAAgAAAAAAAFAAECAAAgAAQARAEQAAAAAJAAIAAgAAAYQEAAAQmAgBC3ZAYzUw";

  @ParameterizedTest
  @ValueSource(strings = {SPEC_ALL_SEGMENTS, SPEC_SERVICE_SPECIFIC, SPEC_OOB, SPEC_OOB_ALLOWED, IABTCF_JAVA_CORE,
      IABTCF_JAVA_ALL_PARTS, IABTCF_JAVA_RANGE_LI, IABTCF_JAVA_TWO_RANGES, IABTCF_JAVA_ONE_RANGE,
      "COwxsONOwxsONKpAAAENAdCAAMAAAAAAAAAAAAAAAAAA"})
  @DisplayName("TCF spec 'TC String Format': every published example decodes in lenient mode as the IAB's decoder reads it")
  void decodesPublishedExamplesAsTheIabDecoderDoes(String example) {
    TcString decoded = TcString.decode(example, TcfValidation.LENIENT);

    assertSameAsIab(decoded, com.iabtcf.decoder.TCString.decode(example));
  }

  @ParameterizedTest
  @ValueSource(strings = {SPEC_ALL_SEGMENTS, SPEC_SERVICE_SPECIFIC, SPEC_OOB, IABTCF_JAVA_CORE})
  @DisplayName("TCF spec 'The Core String', TcfPolicyVersion: strict mode refuses the v2.0 examples (policy 2) at the field")
  void strictModeRefusesPolicyVersionTwo(String example) {
    InvalidTcStringException refused = catchThrowableOfType(() -> TcString.decode(example),
        InvalidTcStringException.class);

    assertThat(refused.reason()).isEqualTo(InvalidTcStringException.Reason.OUTDATED_POLICY_VERSION);
    assertThat(refused.bitOffset()).isEqualTo(132);
    assertThat(refused.offset()).isEqualTo(22);
    assertThat(refused.segment()).isEqualTo(TcfSegment.CORE);
    assertThat(refused.field()).isEqualTo("TcfPolicyVersion");
  }

  @Test
  @DisplayName("iabtcf-java testCanConstructTCModelFromBase64String: every core field has the stated value")
  void readsTheCoreFieldsTheIabTestStates() {
    TcString tc = TcString.decode(IABTCF_JAVA_CORE, TcfValidation.LENIENT);

    assertThat(tc.version()).isEqualTo(2);
    assertThat(tc.created()).isEqualTo(Instant.parse("2020-01-26T17:01:00Z"));
    assertThat(tc.lastUpdated()).isEqualTo(Instant.parse("2021-02-02T17:01:00Z"));
    assertThat(tc.cmpId()).isEqualTo(675);
    assertThat(tc.cmpVersion()).isEqualTo(2);
    assertThat(tc.consentScreen()).isEqualTo(1);
    assertThat(tc.vendorListVersion()).isEqualTo(15);
    assertThat(tc.tcfPolicyVersion()).isEqualTo(2);
    assertThat(tc.consentLanguage()).isEqualTo("EN");
    assertThat(tc.publisherCC()).isEqualTo("AA");
    assertThat(tc.isServiceSpecific()).isFalse();
    assertThat(tc.purposeOneTreatment()).isTrue();
    assertThat(tc.useNonStandardTexts()).isFalse();
    assertThat(tc.specialFeatureOptIns().toArray()).containsExactly(1);
    assertThat(tc.purposesConsent().toArray()).containsExactly(2, 10);
    assertThat(tc.purposesLegitimateInterest().toArray()).containsExactly(2, 9);
    assertThat(tc.purposeConsent(2)).isTrue();
    assertThat(tc.purposeConsent(3)).isFalse();
    assertThat(tc.purposeLegitimateInterest(9)).isTrue();
    assertThat(tc.specialFeatureOptIn(1)).isTrue();
  }

  @Test
  @DisplayName("iabtcf-java testCanParseAllParts: bit-field vendors, disclosed and allowed vendors, a padded publisher TC segment")
  void readsAllFourSegmentsOfTheIabTest() {
    TcString tc = TcString.decode(IABTCF_JAVA_ALL_PARTS, TcfValidation.LENIENT);

    assertThat(tc.purposesConsent().toArray()).containsExactly(3, 4, 5, 6, 7, 8, 9);
    assertThat(tc.vendorConsents().toArray()).containsExactly(23, 37, 47, 48, 53, 65, 98);
    assertThat(tc.vendorLegitimateInterests().toArray()).containsExactly(37, 47, 48, 53, 65, 98, 129);
    assertThat(tc.allowedVendors().toArray()).containsExactly(12, 23, 37, 47, 48, 53);
    assertThat(tc.disclosedVendors().toArray()).containsExactly(23, 37, 47, 48, 53, 65, 98, 129);
    assertThat(tc.publisherTc().purposesConsent().size()).isEqualTo(1);
    assertThat(tc.vendorConsent(23)).isTrue();
    assertThat(tc.vendorConsent(24)).isFalse();
    assertThat(tc.vendorDisclosed(129)).isTrue();
  }

  @Test
  @DisplayName("iabtcf-java range tests: range-encoded vendor sections, single ids and ranges")
  void readsRangeEncodedVendorsOfTheIabTests() {
    assertThat(TcString.decode(IABTCF_JAVA_RANGE_LI, TcfValidation.LENIENT).vendorLegitimateInterests().toArray())
        .containsExactly(128);
    assertThat(TcString.decode(IABTCF_JAVA_TWO_RANGES, TcfValidation.LENIENT).vendorConsents().toArray())
        .containsExactly(702, 703);
    assertThat(TcString.decode(IABTCF_JAVA_ONE_RANGE, TcfValidation.LENIENT).vendorConsents().toArray())
        .containsExactly(703);
  }

  @Test
  @DisplayName("TCF spec 'TC String Format': the service-specific example's metadata and purposes")
  void readsTheServiceSpecificSpecExample() {
    TcString tc = TcString.decode(SPEC_SERVICE_SPECIFIC, TcfValidation.LENIENT);

    assertThat(tc.cmpId()).isEqualTo(21);
    assertThat(tc.cmpVersion()).isEqualTo(7);
    assertThat(tc.consentScreen()).isEqualTo(2);
    assertThat(tc.consentLanguage()).isEqualTo("EN");
    assertThat(tc.vendorListVersion()).isEqualTo(23);
    assertThat(tc.isServiceSpecific()).isTrue();
    assertThat(tc.purposesConsent().toArray()).containsExactly(1, 3, 9, 10);
    assertThat(tc.created()).isEqualTo(Instant.ofEpochSecond(1_228_644_257L, 700_000_000));
    assertThat(tc.publisherTc()).isNotNull();
    assertThat(tc.disclosedVendors()).isNull();
  }

  @Test
  @DisplayName("TCF spec 'Signaling OOB', example 3: its first string repeats the disclosed-vendors segment (type 1), so it is refused")
  void refusesTheSpecExampleThatRepeatsASegment() {
    String example = SPEC_OOB + ".PVAfDObdrA";

    InvalidTcStringException refused = catchThrowableOfType(() -> TcString.decode(example, TcfValidation.LENIENT),
        InvalidTcStringException.class);

    assertThat(refused.reason()).isEqualTo(InvalidTcStringException.Reason.DUPLICATE_SEGMENT);
    assertThat(refused.offset()).isEqualTo(SPEC_OOB.length() + 1);
  }

  @Test
  @DisplayName("iabtcf-java testPublisherRestrictions: three restrictions without vendors, with their purposes and types")
  void readsPublisherRestrictionsOfTheIabTest() {
    String bits = "0000100011101011100" + "1000000000000001010" + "0000001110101110010" + "0000000000000101000"
        + "0000110011111000000" + "0000000000000000100" + "0011010000000011110" + "0001000000000000000"
        + "0000000000000000000" + "0000000000000000000" + "0000000000000000000" + "0000000000000000000"
        + "0000000000000000000" + "000000000011" + "000001" + "01" + "000000000000" + "000010" + "00"
        + "000000000000" + "000011" + "10" + "000000000000";
    String tcString = TestTcEncoder.fromBits(bits);

    TcString tc = TcString.decode(tcString, TcfValidation.LENIENT);

    assertThat(tc.publisherRestrictions()).extracting(PublisherRestriction::purposeId, PublisherRestriction::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RestrictionType.REQUIRE_CONSENT),
            org.assertj.core.groups.Tuple.tuple(2, RestrictionType.NOT_ALLOWED),
            org.assertj.core.groups.Tuple.tuple(3, RestrictionType.REQUIRE_LEGITIMATE_INTEREST));
    assertThat(tc.publisherRestrictions()).allSatisfy(r -> assertThat(r.vendors().isEmpty()).isTrue());
    assertSameAsIab(tc, com.iabtcf.decoder.TCString.decode(tcString));
    assertThat(List.of(tc.restricts(1, 5, RestrictionType.REQUIRE_CONSENT))).containsExactly(false);
  }
}
