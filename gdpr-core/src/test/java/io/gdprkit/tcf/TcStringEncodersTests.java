package io.gdprkit.tcf;

import static io.gdprkit.tcf.DecodedFields.assertMatchesModel;
import static io.gdprkit.tcf.DecodedFields.assertSameAsIab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.iabtcf.encoder.PublisherRestrictionEntry;
import com.iabtcf.encoder.TCStringEncoder;
import com.iabtcf.utils.BitSetIntIterable;
import io.gdprkit.SeededRandom;
import io.gdprkit.tcf.TestTcEncoder.Padding;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TC strings from two independent encoders, the IAB's Java encoder ({@code com.iabtcf:iabtcf-encoder}) and the
 * test's own spec-only {@link TestTcEncoder}, decode to what was encoded; every field of every segment is also read
 * by the IAB's Java decoder and must agree (TCF spec, "The Core String" and the segment sections).
 */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class TcStringEncodersTests {

  static LongStream seeds() {
    return SeededRandom.seeds(150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec 'The Core String': strings of the spec-only test encoder, in every padding, decode strictly to the model and as the IAB reads them")
  void decodesTheTestEncodersStrings(long seed) {
    TcModel model = TcModel.current(SeededRandom.of(seed));

    for (Padding padding : Padding.values()) {
      String tcString = TestTcEncoder.encode(model, padding);
      TcString decoded = TcString.decode(tcString);

      assertMatchesModel(decoded, model);
      assertSameAsIab(decoded, com.iabtcf.decoder.TCString.decode(tcString));
      assertThat(TcString.decode(tcString, TcfValidation.LENIENT)).isEqualTo(decoded);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec 'The Core String', TcfPolicyVersion 2 and 3: earlier strings decode leniently and are refused strictly")
  void decodesEarlierStringsOnlyLeniently(long seed) {
    TcModel model = TcModel.earlier(SeededRandom.of(seed));
    String tcString = TestTcEncoder.encode(model, Padding.GROUPS);

    TcString decoded = TcString.decode(tcString, TcfValidation.LENIENT);
    InvalidTcStringException refused = catchThrowableOfType(() -> TcString.decode(tcString),
        InvalidTcStringException.class);

    assertMatchesModel(decoded, model);
    assertSameAsIab(decoded, com.iabtcf.decoder.TCString.decode(tcString));
    assertThat(refused.reason()).isEqualTo(InvalidTcStringException.Reason.OUTDATED_POLICY_VERSION);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec 'The Core String': strings of the IAB's Java encoder decode strictly to what it was given, as the IAB's decoder reads them")
  void decodesTheIabEncodersStrings(long seed) {
    TcModel model = TcModel.current(SeededRandom.of(seed));
    String tcString = iabEncode(model);

    TcString decoded = TcString.decode(tcString);

    assertSameAsIab(decoded, com.iabtcf.decoder.TCString.decode(tcString));
    assertThat(decoded.created()).isEqualTo(model.created());
    assertThat(decoded.lastUpdated()).isEqualTo(model.lastUpdated());
    assertThat(decoded.cmpId()).isEqualTo(model.cmpId());
    assertThat(decoded.tcfPolicyVersion()).isEqualTo(model.tcfPolicyVersion());
    assertThat(DecodedFields.boxed(decoded.purposesConsent())).isEqualTo(model.purposesConsent());
    assertThat(DecodedFields.boxed(decoded.vendorConsents())).isEqualTo(model.vendorConsents().ids());
    assertThat(DecodedFields.boxed(decoded.vendorLegitimateInterests()))
        .isEqualTo(model.vendorLegitimateInterests().ids());
    if (model.disclosed() != null && !model.disclosed().ids().isEmpty()) {
      assertThat(DecodedFields.boxed(decoded.disclosedVendors())).isEqualTo(model.disclosed().ids());
    }
  }

  /** Encodes {@code model} with the IAB's Java encoder, which picks bit field or range encoding itself. */
  static String iabEncode(TcModel model) {
    TCStringEncoder.Builder builder = TCStringEncoder.newBuilder()
        .version(2)
        .created(model.created())
        .lastUpdated(model.lastUpdated())
        .cmpId(model.cmpId())
        .cmpVersion(model.cmpVersion())
        .consentScreen(model.consentScreen())
        .consentLanguage(model.consentLanguage())
        .vendorListVersion(model.vendorListVersion())
        .tcfPolicyVersion(model.tcfPolicyVersion())
        .isServiceSpecific(model.isServiceSpecific())
        .useNonStandardStacks(model.useNonStandardTexts())
        .addSpecialFeatureOptIns(iterable(model.specialFeatures()))
        .addPurposesConsent(iterable(model.purposesConsent()))
        .addPurposesLITransparency(iterable(model.purposesLegitimateInterest()))
        .purposeOneTreatment(model.purposeOneTreatment())
        .publisherCC(model.publisherCc())
        .addVendorConsent(iterable(model.vendorConsents().ids()))
        .addVendorLegitimateInterest(iterable(model.vendorLegitimateInterests().ids()));
    for (TcModel.Restriction r : model.restrictions()) {
      if (r.vendors().isEmpty()) {
        continue; // the IAB encoder writes an entry without vendors that its own decoder cannot read back
      }
      builder.addPublisherRestrictionEntry(new PublisherRestrictionEntry.Builder().purposeId(r.purposeId())
          .restrictionType(com.iabtcf.v2.RestrictionType.values()[r.type()]).addVendor(iterable(r.vendors()))
          .build());
    }
    if (model.disclosed() != null) {
      TreeSet<Integer> disclosed = model.disclosed().ids().isEmpty() ? new TreeSet<>(List.of(1))
          : model.disclosed().ids();
      builder.addDisclosedVendors(iterable(disclosed));
    }
    if (model.publisher() != null) {
      builder.addPubPurposesConsent(iterable(model.publisher().consent()))
          .addPubPurposesLITransparency(iterable(model.publisher().legitimateInterest()));
    }
    return builder.encode();
  }

  private static BitSetIntIterable iterable(TreeSet<Integer> ids) {
    return BitSetIntIterable.from(ids);
  }
}
