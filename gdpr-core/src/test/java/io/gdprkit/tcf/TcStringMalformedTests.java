package io.gdprkit.tcf;

import static io.gdprkit.tcf.InvalidTcStringException.Reason.DUPLICATE_SEGMENT;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.EMPTY;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.EMPTY_SEGMENT;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_CHARACTER;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_LENGTH;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_PADDING;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_VALUE;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.TOO_LONG;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.TRAILING_DATA;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.TRUNCATED;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.UNKNOWN_SEGMENT_TYPE;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.UNSUPPORTED_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.gdprkit.SeededRandom;
import io.gdprkit.tcf.InvalidTcStringException.Reason;
import io.gdprkit.tcf.TestTcEncoder.Padding;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed TC string ends in an {@link InvalidTcStringException} that names the reason and the offset, in
 * both validation modes; nothing else ever comes out of the decoder (TCF spec, "TC String Format" and the field
 * tables of each segment; RFC 4648 section 5 for base64url).
 */
@ExtendWith(SeededRandom.NamesTheSeed.class)
class TcStringMalformedTests {

  private static final String HOSTILE = "+/=.\u0000\r\n \u00e9\u202e\ud83d\ude00\uffff~!*";

  static LongStream seeds() {
    return SeededRandom.seeds(60);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec 'TC String Format': a string cut at any length is refused with the offset, unless the cut falls between whole segments")
  void refusesEveryTruncation(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    TcModel model = random.anyBoolean() ? TcModel.current(random) : TcModel.earlier(random);
    String full = TestTcEncoder.encode(model, Padding.BYTES);

    for (int length = 0; length < full.length(); length++) {
      String prefix = full.substring(0, length);
      boolean wholeSegments = length > 0 && full.charAt(length) == '.';
      for (TcfValidation validation : TcfValidation.values()) {
        InvalidTcStringException refused = decodeOrRefusal(prefix, validation);
        if (!wholeSegments) {
          assertThat(refused).as("prefix of %d of %d characters, %s", length, full.length(), validation).isNotNull();
        }
        if (refused != null) {
          assertThat(refused.offset()).isBetween(0, length);
          assertThat(refused.bitOffset()).isGreaterThanOrEqualTo(-1);
          if (length >= 8) {
            assertThat(refused.getMessage()).doesNotContain(prefix.substring(length - 8));
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec 'TC String Format': strings of every published example and encoder, cut at every length, give only typed errors")
  void givesOnlyTypedErrorsForAnyPrefix(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    String full = seed <= PUBLISHED.size() ? PUBLISHED.get((int) seed - 1)
        : seed % 2 == 0 ? TestTcEncoder.encode(TcModel.current(random), random.oneOf(Padding.class))
        : TcStringEncodersTests.iabEncode(TcModel.current(random));

    for (int length = 0; length <= full.length(); length++) {
      for (TcfValidation validation : TcfValidation.values()) {
        decodeOrRefusal(full.substring(0, length), validation);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("RFC 4648 section 5 and TCF spec: mutated characters give only typed errors; one outside base64url is named at its index")
  void givesOnlyTypedErrorsForMutations(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    String valid = TestTcEncoder.encode(TcModel.current(random), random.oneOf(Padding.class));

    for (int round = 0; round < 200; round++) {
      StringBuilder mutated = new StringBuilder(valid);
      int at = random.intBetween(0, valid.length() - 1);
      int kind = random.intBetween(0, 3);
      char hostile = HOSTILE.charAt(random.intBetween(0, HOSTILE.length() - 1));
      switch (kind) {
        case 0 -> mutated.setCharAt(at, ALPHABET.charAt(random.intBetween(0, 63)));
        case 1 -> mutated.insert(at, ALPHABET.charAt(random.intBetween(0, 63)));
        case 2 -> mutated.deleteCharAt(at);
        default -> mutated.setCharAt(at, hostile);
      }
      for (TcfValidation validation : TcfValidation.values()) {
        InvalidTcStringException refused = decodeOrRefusal(mutated.toString(), validation);
        if (kind == 3 && hostile != '.' && hostile != '=' && !Character.isSurrogate(hostile)) {
          // the first character outside base64url: the hostile one, or a '=' it stranded before it
          assertThat(refused).isNotNull();
          assertThat(refused.reason()).isEqualTo(INVALID_CHARACTER);
          assertThat(refused.offset()).isBetween(at - 2, at);
          assertThat(ALPHABET.indexOf(mutated.charAt(refused.offset()))).isEqualTo(-1);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("TCF spec vendor sections and bit fields: random bits after a valid version give only typed errors")
  void givesOnlyTypedErrorsForRandomBits(long seed) {
    SeededRandom random = SeededRandom.of(seed);
    StringBuilder bits = new StringBuilder("000010");
    int length = random.intBetween(0, 3000);
    for (int i = 0; i < length; i++) {
      bits.append(random.anyBoolean() ? '1' : '0');
    }
    String tcString = TestTcEncoder.fromBits(bits.toString())
        + (random.anyBoolean() ? "." + TestTcEncoder.fromBits(Long.toBinaryString(random.anyLong())) : "");

    for (TcfValidation validation : TcfValidation.values()) {
      decodeOrRefusal(tcString, validation);
    }
  }

  @Test
  @DisplayName("an empty string is refused at character 0")
  void refusesTheEmptyString() {
    assertRefused("", TcfValidation.LENIENT, EMPTY, 0, -1);
  }

  @Test
  @DisplayName("a string longer than any TC string can be is refused before it is read")
  void refusesAnOverlongString() {
    assertRefused("C".repeat(TcString.MAX_LENGTH + 1), TcfValidation.LENIENT, TOO_LONG, TcString.MAX_LENGTH, -1);
  }

  @Test
  @DisplayName("TCF spec 'The Core String', Version: a TCF v1.1 string (version 1) and an undefined version 3 are refused at bit 0")
  void refusesOtherVersions() {
    assertRefused("BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA", TcfValidation.LENIENT, UNSUPPORTED_VERSION, 0, 0);
    String v2 = valid();
    assertRefused("D" + v2.substring(1), TcfValidation.LENIENT, UNSUPPORTED_VERSION, 0, 0);
  }

  @Test
  @DisplayName("TCF spec 'TC String Format': empty segments, at either end or between dots, are refused where they are")
  void refusesEmptySegments() {
    String v2 = valid();
    assertRefused("." + v2, TcfValidation.LENIENT, EMPTY_SEGMENT, 0, -1);
    assertRefused(v2 + ".", TcfValidation.LENIENT, EMPTY_SEGMENT, v2.length() + 1, -1);
    String disclosed = disclosedSegment();
    assertRefused(v2 + ".." + disclosed, TcfValidation.LENIENT, EMPTY_SEGMENT, v2.length() + 1, -1);
  }

  @Test
  @DisplayName("TCF spec SegmentType: types 4 to 7 are unknown, and a second core (type 0) or disclosed segment is a duplicate")
  void refusesUnknownAndRepeatedSegments() {
    String v2 = valid();
    for (char first : new char[] {'g', 'o', 'w', '4'}) {
      assertRefused(v2 + "." + first + "AAA", TcfValidation.LENIENT, UNKNOWN_SEGMENT_TYPE, v2.length() + 1, 0);
    }
    assertRefused(v2 + "." + v2, TcfValidation.LENIENT, DUPLICATE_SEGMENT, v2.length() + 1, 0);
    String disclosed = disclosedSegment();
    assertRefused(v2 + "." + disclosed + "." + disclosed, TcfValidation.LENIENT, DUPLICATE_SEGMENT,
        v2.length() + disclosed.length() + 2, 0);
  }

  @Test
  @DisplayName("RFC 4648 section 5: '+', '/', white space and '=' inside a segment are outside base64url")
  void refusesCharactersOutsideBase64Url() {
    String v2 = valid();
    for (char bad : new char[] {'+', '/', ' ', '=', '\u00e9', '\u0000'}) {
      String tcString = v2.substring(0, 10) + bad + v2.substring(11);
      assertRefused(tcString, TcfValidation.LENIENT, INVALID_CHARACTER, 10, 60);
    }
  }

  @Test
  @DisplayName("RFC 4648 section 3.2: '=' padding is one or two characters completing a group of four")
  void refusesMisplacedPadding() {
    TcModel model = TcModel.current(SeededRandom.of(7));
    String padded = TestTcEncoder.encode(model, Padding.BYTES_WITH_EQUALS).split("\\.")[0];
    String bare = padded.replace("=", "");
    assertThat(TcString.decode(padded, TcfValidation.LENIENT)).isEqualTo(TcString.decode(bare, TcfValidation.LENIENT));
    assertRefused(bare + "===", TcfValidation.LENIENT, INVALID_PADDING, bare.length(), -1);
    String unaligned = bare.length() % 4 == 0 ? bare + "=" : bare + "=".repeat(5 - bare.length() % 4);
    assertRefused(unaligned, TcfValidation.LENIENT, INVALID_PADDING, bare.length(), -1);
    assertRefused("==", TcfValidation.LENIENT, INVALID_PADDING, 0, -1);
  }

  @Test
  @DisplayName("RFC 4648: a segment of 4k+1 characters cannot hold whole bytes and is refused at its last character")
  void refusesALengthThatHoldsNoWholeBytes() {
    String v2 = valid();
    String cut = v2.substring(0, (v2.length() / 4) * 4 + 1 <= v2.length() ? (v2.length() / 4) * 4 + 1 : 5);
    assertRefused(cut, TcfValidation.LENIENT, INVALID_LENGTH, cut.length() - 1, -1);
  }

  @Test
  @DisplayName("TCF spec field tables: a core segment cut inside PublisherCC is refused at the field's first bit")
  void namesTheFieldAStringIsCutIn() {
    TcModel model = TcModel.current(SeededRandom.of(3));
    String bits = TestTcEncoder.coreBits(model).substring(0, 205); // PublisherCC spans bits 201 to 212

    InvalidTcStringException refused = refusal(TestTcEncoder.fromBits(bits), TcfValidation.LENIENT);

    assertThat(refused.reason()).isEqualTo(TRUNCATED);
    assertThat(refused.field()).isEqualTo("PublisherCC");
    assertThat(refused.bitOffset()).isEqualTo(201);
    assertThat(refused.offset()).isEqualTo(33);
    assertThat(refused.segment()).isEqualTo(TcfSegment.CORE);
  }

  @Test
  @DisplayName("TCF spec vendor sections: a bit field longer than what is left is refused at the BitField")
  void refusesABitFieldLongerThanTheString() {
    TcModel model = withVendorConsents(TcModel.current(SeededRandom.of(5)),
        new TcModel.Vendors(2000, new TreeSet<>(List.of(1, 1999)), false));
    String bits = TestTcEncoder.coreBits(model).substring(0, 1000);

    InvalidTcStringException refused = refusal(TestTcEncoder.fromBits(bits), TcfValidation.LENIENT);

    assertThat(refused.reason()).isEqualTo(TRUNCATED);
    assertThat(refused.field()).isEqualTo("BitField (Vendor Consent Section)");
    assertThat(refused.bitOffset()).isEqualTo(230);
  }

  @Test
  @DisplayName("TCF spec 'The Core String': non-zero bits after the last field, or extra characters in strict mode, are trailing data")
  void refusesTrailingData() {
    TcModel model = TcModel.current(SeededRandom.of(11));
    String core = TestTcEncoder.encode(model, Padding.BYTES).split("\\.")[0];
    int usedBits = TestTcEncoder.coreBits(model).length();
    String withExtra = core + "AAAA";
    String withGarbage = core + "gAAA";

    assertRefused(withGarbage, TcfValidation.LENIENT, TRAILING_DATA, core.length(), core.length() * 6);
    assertRefused(withExtra, TcfValidation.STRICT, TRAILING_DATA, (usedBits + 23) / 24 * 4, -2);
    assertThat(TcString.decode(withExtra, TcfValidation.LENIENT)).isEqualTo(TcString.decode(core, TcfValidation.LENIENT));
    if (usedBits / 6 < core.length()) {
      // set the first padding bit after the last field
      int at = usedBits / 6;
      int value = ALPHABET.indexOf(core.charAt(at)) | 1 << (5 - usedBits % 6);
      String flipped = core.substring(0, at) + ALPHABET.charAt(value) + core.substring(at + 1);
      assertRefused(flipped, TcfValidation.LENIENT, TRAILING_DATA, at, usedBits);
    }
  }

  @Test
  @DisplayName("TCF spec ConsentLanguage and PublisherCC: a letter past z (25) is refused at its bits")
  void refusesLettersOutOfRange() {
    TcModel model = TcModel.current(SeededRandom.of(13));
    TcModel badLanguage = new TcModel(model.createdDeciseconds(), model.lastUpdatedDeciseconds(), model.cmpId(),
        model.cmpVersion(), model.consentScreen(), "E" + (char) ('A' + 40), model.vendorListVersion(),
        model.tcfPolicyVersion(), true, false, model.specialFeatures(), model.purposesConsent(),
        model.purposesLegitimateInterest(), false, model.publisherCc(), model.vendorConsents(),
        model.vendorLegitimateInterests(), List.of(), model.disclosed(), null, null);

    assertRefused(TestTcEncoder.encode(badLanguage, Padding.BYTES), TcfValidation.LENIENT, INVALID_VALUE, 19, 114);
  }

  @Test
  @DisplayName("TCF spec RangeEntry: ids of 0, past MaxVendorId or in descending order are refused at StartOrOnlyVendorId")
  void refusesRangesOutOfBounds() {
    TcModel model = TcModel.current(SeededRandom.of(17));
    List<TcModel.Vendors> bad = List.of(
        new TcModel.Vendors(10, new TreeSet<>(List.of(5, 6, 7, 8, 9, 10, 11, 12)), true),
        new TcModel.Vendors(10, new TreeSet<>(List.of(0, 1)), true),
        new TcModel.Vendors(10, new TreeSet<>(List.of(20)), true));

    for (TcModel.Vendors vendors : bad) {
      InvalidTcStringException refused = refusal(TestTcEncoder.encode(withVendorConsents(model, vendors),
          Padding.BYTES), TcfValidation.LENIENT);
      assertThat(refused.reason()).isEqualTo(INVALID_VALUE);
      assertThat(refused.bitOffset()).isEqualTo(243);
      assertThat(refused.field()).isEqualTo("StartOrOnlyVendorId (Vendor Consent Section)");
    }
  }

  @Test
  @DisplayName("messages name reason, segment, field and offsets, never a character of the string (CJEU C-604/22)")
  void keepsTheStringOutOfMessages() {
    String v2 = valid();
    InvalidTcStringException refused = refusal(v2.substring(0, 30), TcfValidation.LENIENT);

    assertThat(refused.getMessage()).startsWith("TC string is cut short in the CORE segment, field ")
        .contains("at character").doesNotContain(v2.substring(0, 6)).hasSizeLessThan(300);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final List<String> PUBLISHED = List.of(TcStringPublishedExamplesTests.SPEC_ALL_SEGMENTS,
      TcStringPublishedExamplesTests.SPEC_SERVICE_SPECIFIC, TcStringPublishedExamplesTests.SPEC_OOB,
      TcStringPublishedExamplesTests.SPEC_OOB_ALLOWED, TcStringPublishedExamplesTests.IABTCF_JAVA_CORE,
      TcStringPublishedExamplesTests.IABTCF_JAVA_ALL_PARTS, TcStringPublishedExamplesTests.IABTCF_JAVA_RANGE_LI,
      TcStringPublishedExamplesTests.IABTCF_JAVA_TWO_RANGES);

  private static String valid() {
    return TestTcEncoder.encode(TcModel.current(SeededRandom.of(1)), Padding.BYTES).split("\\.")[0];
  }

  private static String disclosedSegment() {
    TcModel model = TcModel.current(SeededRandom.of(2));
    TcModel withDisclosed = new TcModel(model.createdDeciseconds(), model.lastUpdatedDeciseconds(), model.cmpId(),
        model.cmpVersion(), model.consentScreen(), model.consentLanguage(), model.vendorListVersion(),
        model.tcfPolicyVersion(), true, false, model.specialFeatures(), model.purposesConsent(),
        model.purposesLegitimateInterest(), false, model.publisherCc(), model.vendorConsents(),
        model.vendorLegitimateInterests(), List.of(), new TcModel.Vendors(3, new TreeSet<>(List.of(1, 3)), false),
        null, null);
    return TestTcEncoder.encode(withDisclosed, Padding.BYTES).split("\\.")[1];
  }

  static TcModel withVendorConsents(TcModel m, TcModel.Vendors vendors) {
    return new TcModel(m.createdDeciseconds(), m.lastUpdatedDeciseconds(), m.cmpId(), m.cmpVersion(),
        m.consentScreen(), m.consentLanguage(), m.vendorListVersion(), m.tcfPolicyVersion(), m.isServiceSpecific(),
        m.useNonStandardTexts(), m.specialFeatures(), m.purposesConsent(), m.purposesLegitimateInterest(),
        m.purposeOneTreatment(), m.publisherCc(), vendors, m.vendorLegitimateInterests(), m.restrictions(),
        m.disclosed(), m.allowed(), m.publisher());
  }

  /** Decodes, returning the refusal or null; any other exception fails the test. */
  static @Nullable InvalidTcStringException decodeOrRefusal(String tcString, TcfValidation validation) {
    Throwable thrown = catchThrowable(() -> TcString.decode(tcString, validation));
    if (thrown == null) {
      return null;
    }
    if (!(thrown instanceof InvalidTcStringException refused)) {
      throw new AssertionError("expected only InvalidTcStringException, got " + thrown, thrown);
    }
    assertThat(refused.offset()).isBetween(0, Math.max(tcString.length(), 0));
    // built from fixed phrases, numbers and field names only: printable ASCII, bounded, safe to log
    assertThat(refused.getMessage()).hasSizeLessThan(500)
        .matches(message -> message.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "printable ASCII");
    return refused;
  }

  private static InvalidTcStringException refusal(String tcString, TcfValidation validation) {
    InvalidTcStringException refused = decodeOrRefusal(tcString, validation);
    if (refused == null) {
      return fail("expected a refusal");
    }
    return refused;
  }

  /** Asserts the refusal; a bit offset of -2 means "any". */
  private static void assertRefused(String tcString, TcfValidation validation, Reason reason, int offset,
      int bitOffset) {
    InvalidTcStringException refused = refusal(tcString, validation);
    assertThat(refused.reason()).as("reason, message: %s", refused.getMessage()).isEqualTo(reason);
    assertThat(refused.offset()).as("offset, message: %s", refused.getMessage()).isEqualTo(offset);
    if (bitOffset != -2) {
      assertThat(refused.bitOffset()).as("bit offset, message: %s", refused.getMessage()).isEqualTo(bitOffset);
    }
    assertThat(IntStream.of(refused.offset())).allMatch(at -> at <= tcString.length());
    new ArrayList<>(List.of(refused)).clear();
  }
}
