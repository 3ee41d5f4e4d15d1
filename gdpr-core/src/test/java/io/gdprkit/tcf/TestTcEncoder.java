package io.gdprkit.tcf;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A TC string encoder for tests, written from the TCF spec's tables and nothing else: it builds the bits as a
 * string of '0' and '1', one field after the other, and maps them to base64url six at a time. It shares no code
 * with the decoder, so the two agree only if both follow the spec.
 */
final class TestTcEncoder {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** How a segment's bits are padded into characters. */
  enum Padding {
    /** Zero bits to a whole byte, no '=' (the IAB's Java encoder). */
    BYTES,
    /** Zero bits to a whole group of three bytes (the IAB's JavaScript encoder). */
    GROUPS,
    /** Zero bits to a whole byte, then '=' to a whole group of four characters (standard base64). */
    BYTES_WITH_EQUALS
  }

  private final StringBuilder bits = new StringBuilder();

  private TestTcEncoder() {}

  /** Returns the string of {@code model}: core, then disclosed, allowed and publisher TC segments if present. */
  static String encode(TcModel model, Padding padding) {
    List<String> segments = new ArrayList<>();
    segments.add(core(model).base64(padding));
    if (model.disclosed() != null) {
      segments.add(new TestTcEncoder().field(1, 3).vendors(model.disclosed()).base64(padding));
    }
    if (model.allowed() != null) {
      segments.add(new TestTcEncoder().field(2, 3).vendors(model.allowed()).base64(padding));
    }
    if (model.publisher() != null) {
      TcModel.Publisher p = model.publisher();
      segments.add(new TestTcEncoder().field(3, 3).flags(p.consent(), 24).flags(p.legitimateInterest(), 24)
          .field(p.customCount(), 6).flags(p.customConsent(), p.customCount())
          .flags(p.customLegitimateInterest(), p.customCount()).base64(padding));
    }
    return String.join(".", segments);
  }

  /** Returns the bits of the core segment alone, as '0' and '1'. */
  static String coreBits(TcModel model) {
    return core(model).bits.toString();
  }

  private static TestTcEncoder core(TcModel m) {
    TestTcEncoder out = new TestTcEncoder()
        .field(2, 6)
        .field(m.createdDeciseconds(), 36)
        .field(m.lastUpdatedDeciseconds(), 36)
        .field(m.cmpId(), 12)
        .field(m.cmpVersion(), 12)
        .field(m.consentScreen(), 6)
        .letters(m.consentLanguage())
        .field(m.vendorListVersion(), 12)
        .field(m.tcfPolicyVersion(), 6)
        .flag(m.isServiceSpecific())
        .flag(m.useNonStandardTexts())
        .flags(m.specialFeatures(), 12)
        .flags(m.purposesConsent(), 24)
        .flags(m.purposesLegitimateInterest(), 24)
        .flag(m.purposeOneTreatment())
        .letters(m.publisherCc())
        .vendors(m.vendorConsents())
        .vendors(m.vendorLegitimateInterests())
        .field(m.restrictions().size(), 12);
    for (TcModel.Restriction r : m.restrictions()) {
      out.field(r.purposeId(), 6).field(r.type(), 2).ranges(r.vendors());
    }
    return out;
  }

  TestTcEncoder field(long value, int width) {
    for (int bit = width - 1; bit >= 0; bit--) {
      bits.append((value >>> bit & 1) == 1 ? '1' : '0');
    }
    return this;
  }

  TestTcEncoder flag(boolean value) {
    return field(value ? 1 : 0, 1);
  }

  /** One bit per id from 1 to {@code width}. */
  TestTcEncoder flags(TreeSet<Integer> ids, int width) {
    for (int id = 1; id <= width; id++) {
      flag(ids.contains(id));
    }
    return this;
  }

  TestTcEncoder letters(String twoLetters) {
    return field(twoLetters.charAt(0) - 'A', 6).field(twoLetters.charAt(1) - 'A', 6);
  }

  TestTcEncoder vendors(TcModel.Vendors vendors) {
    field(vendors.maxId(), 16).flag(vendors.rangeEncoding());
    return vendors.rangeEncoding() ? ranges(vendors.ids()) : flags(vendors.ids(), vendors.maxId());
  }

  /** {@code NumEntries}, then one entry per run of consecutive ids. */
  TestTcEncoder ranges(TreeSet<Integer> ids) {
    List<int[]> runs = new ArrayList<>();
    for (int id : ids) {
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == id - 1) {
        runs.get(runs.size() - 1)[1] = id;
      } else {
        runs.add(new int[] {id, id});
      }
    }
    field(runs.size(), 12);
    for (int[] run : runs) {
      flag(run[0] != run[1]).field(run[0], 16);
      if (run[0] != run[1]) {
        field(run[1], 16);
      }
    }
    return this;
  }

  String base64(Padding padding) {
    StringBuilder padded = new StringBuilder(bits);
    int unit = padding == Padding.GROUPS ? 24 : 8;
    while (padded.length() % unit != 0) {
      padded.append('0');
    }
    while (padded.length() % 6 != 0) {
      padded.append('0');
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < padded.length(); i += 6) {
      out.append(ALPHABET.charAt(Integer.parseInt(padded.substring(i, i + 6), 2)));
    }
    if (padding == Padding.BYTES_WITH_EQUALS) {
      while (out.length() % 4 != 0) {
        out.append('=');
      }
    }
    return out.toString();
  }

  /** Returns the base64url of a bit string written as '0' and '1', padded with zero bits to a whole byte. */
  static String fromBits(String bitString) {
    TestTcEncoder out = new TestTcEncoder();
    out.bits.append(bitString);
    return out.base64(Padding.BYTES);
  }
}
