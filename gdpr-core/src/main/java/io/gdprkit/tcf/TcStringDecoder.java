package io.gdprkit.tcf;

import static io.gdprkit.tcf.InvalidTcStringException.Reason.DISCLOSED_VENDORS_MISSING;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.DUPLICATE_SEGMENT;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.EMPTY;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.EMPTY_SEGMENT;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_CHARACTER;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_LENGTH;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_PADDING;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_RESTRICTION;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.INVALID_VALUE;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.LEGITIMATE_INTEREST_NOT_PERMITTED;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.NOT_SERVICE_SPECIFIC;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.OUTDATED_POLICY_VERSION;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.TOO_LONG;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.TRAILING_DATA;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.TRUNCATED;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.UNKNOWN_POLICY_VERSION;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.UNKNOWN_SEGMENT_TYPE;
import static io.gdprkit.tcf.InvalidTcStringException.Reason.UNSUPPORTED_VERSION;

import io.gdprkit.tcf.InvalidTcStringException.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a TC string straight from its base64url characters into 64-bit words and reads the fields from them.
 *
 * <p>Layout: TCF spec, "The Core String", "Disclosed Vendors", "Allowed Vendors", "Publisher Purposes Transparency
 * and Consent". Each segment's characters are checked and packed four at a time (24 bits) into a {@code long[]},
 * most significant bit first, as the spec numbers them; a field is one or two word reads and a shift, and a bit
 * field is copied 64 bits at a time into the {@link IdSet} that keeps it. Every read is bounded by the segment's
 * whole bytes first, so a short or hostile string ends in an {@link InvalidTcStringException}, never in an index
 * error. One decoder per call; not thread-safe.
 */
final class TcStringDecoder {

  /** Strings of TCF v2.3 created from this day on must carry the disclosed-vendors segment. */
  static final Instant DISCLOSED_VENDORS_REQUIRED_FROM = Instant.parse("2026-03-01T00:00:00Z");

  private static final long DISCLOSED_VENDORS_REQUIRED_FROM_DECISECONDS =
      DISCLOSED_VENDORS_REQUIRED_FROM.toEpochMilli() / 100;

  private static final String VENDOR_CONSENT = "Vendor Consent Section";
  private static final String VENDOR_LI = "Vendor Legitimate Interest Section";
  private static final String RESTRICTIONS = "Publisher Restrictions Section";
  private static final String DISCLOSED = "Disclosed Vendors";
  private static final String ALLOWED = "Allowed Vendors";

  /** The 6-bit value of each base64url character (RFC 4648 section 5), -1 for the others. */
  private static final byte[] SEXTETS = new byte[128];

  /** "AA" to "ZZ", so that a language or country code costs no allocation. */
  private static final String[] LETTER_PAIRS = new String[26 * 26];

  static {
    Arrays.fill(SEXTETS, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      SEXTETS[alphabet.charAt(i)] = (byte) i;
    }
    for (int i = 0; i < LETTER_PAIRS.length; i++) {
      LETTER_PAIRS[i] = new String(new char[] {(char) ('A' + i / 26), (char) ('A' + i % 26)});
    }
  }

  private final String source;
  private final boolean strict;

  // the segment being read
  private long[] words = new long[8];
  private int limit;       // bits in whole bytes: no field may end past it
  private int dataChars;   // characters without '=' padding
  private int charStart;   // index of the segment's first character in the whole string
  private int pos;         // next bit to read, within the segment
  private @Nullable TcfSegment segment;
  private @Nullable String section;

  private TcStringDecoder(String source, boolean strict) {
    this.source = source;
    this.strict = strict;
  }

  static TcString decode(String source, TcfValidation validation) {
    int length = source.length();
    if (length == 0) {
      throw InvalidTcStringException.of(EMPTY, 0, -1, null, null, "");
    }
    if (length > TcString.MAX_LENGTH) {
      throw InvalidTcStringException.of(TOO_LONG, TcString.MAX_LENGTH, -1, null, null,
          "at most " + TcString.MAX_LENGTH + " characters are read");
    }
    return new TcStringDecoder(source, validation == TcfValidation.STRICT).decode();
  }

  private TcString decode() {
    int length = source.length();
    int end = source.indexOf('.');
    if (end < 0) {
      end = length;
    }
    load(0, end, TcfSegment.CORE);
    int version = read(6, "Version");
    if (version != 2) {
      throw error(UNSUPPORTED_VERSION, 0, "Version", version == 1
          ? "version 1 is TCF v1.1, which is not read; only version 2 is"
          : "version " + version + " is not defined; only version 2 is");
    }
    long created = readLong(36, "Created");
    long lastUpdated = readLong(36, "LastUpdated");
    int cmpId = read(12, "CmpId");
    int cmpVersion = read(12, "CmpVersion");
    int consentScreen = read(6, "ConsentScreen");
    String consentLanguage = letters("ConsentLanguage");
    int vendorListVersion = read(12, "VendorListVersion");
    int policyAt = pos;
    int policyVersion = read(6, "TcfPolicyVersion");
    if (strict && policyVersion < TcString.POLICY_V2_2) {
      throw error(OUTDATED_POLICY_VERSION, policyAt, "TcfPolicyVersion", "policy version " + policyVersion
          + "; strict mode reads 4 (TCF v2.2) and 5 (TCF v2.3), lenient mode reads older strings");
    }
    if (strict && policyVersion > TcString.POLICY_V2_3) {
      throw error(UNKNOWN_POLICY_VERSION, policyAt, "TcfPolicyVersion", "policy version " + policyVersion
          + "; strict mode reads 4 (TCF v2.2) and 5 (TCF v2.3)");
    }
    int serviceSpecificAt = pos;
    boolean serviceSpecific = read(1, "IsServiceSpecific") == 1;
    if (strict && !serviceSpecific) {
      throw error(NOT_SERVICE_SPECIFIC, serviceSpecificAt, "IsServiceSpecific",
          "global scope was withdrawn in TCF v2.2, so the field must be 1");
    }
    boolean nonStandardTexts = read(1, "UseNonStandardTexts") == 1;
    IdSet specialFeatures = bitField(12, "SpecialFeatureOptIns");
    IdSet purposesConsent = bitField(24, "PurposesConsent");
    int legitimateInterestAt = pos;
    IdSet purposesLegitimateInterest = bitField(24, "PurposesLITransparency");
    if (strict) {
      consentOnlyPurposes(purposesLegitimateInterest, legitimateInterestAt, "PurposesLITransparency");
    }
    boolean purposeOneTreatment = read(1, "PurposeOneTreatment") == 1;
    String publisherCc = letters("PublisherCC");
    IdSet vendorConsents = vendors(VENDOR_CONSENT);
    IdSet vendorLegitimateInterests = vendors(VENDOR_LI);
    List<PublisherRestriction> restrictions = restrictions();
    endOfSegment();

    IdSet disclosed = null;
    IdSet allowed = null;
    PublisherTc publisherTc = null;
    while (end < length) {
      int start = end + 1;
      end = source.indexOf('.', start);
      if (end < 0) {
        end = length;
      }
      load(start, end, null);
      int type = read(3, "SegmentType");
      TcfSegment kind = TcfSegment.ofType(type);
      if (kind == null) {
        throw error(UNKNOWN_SEGMENT_TYPE, 0, "SegmentType", "segment type " + type + " is not defined");
      }
      if (kind == TcfSegment.CORE || kind == TcfSegment.DISCLOSED_VENDORS && disclosed != null
          || kind == TcfSegment.ALLOWED_VENDORS && allowed != null
          || kind == TcfSegment.PUBLISHER_TC && publisherTc != null) {
        throw error(DUPLICATE_SEGMENT, 0, "SegmentType", "segment type " + type + " appears twice");
      }
      segment = kind;
      switch (kind) {
        case DISCLOSED_VENDORS -> disclosed = vendors(DISCLOSED);
        case ALLOWED_VENDORS -> allowed = vendors(ALLOWED);
        default -> publisherTc = publisherTc();
      }
      endOfSegment();
    }
    if (strict && disclosed == null && policyVersion >= TcString.POLICY_V2_3
        && created >= DISCLOSED_VENDORS_REQUIRED_FROM_DECISECONDS) {
      throw InvalidTcStringException.of(DISCLOSED_VENDORS_MISSING, length, -1, TcfSegment.DISCLOSED_VENDORS, null,
          "every string of policy version 5 created after 2026-02-28 carries it");
    }
    return new TcString(version, Instant.ofEpochMilli(created * 100), Instant.ofEpochMilli(lastUpdated * 100), cmpId,
        cmpVersion, consentScreen, consentLanguage, vendorListVersion, policyVersion, serviceSpecific,
        nonStandardTexts, specialFeatures, purposesConsent, purposesLegitimateInterest, purposeOneTreatment,
        publisherCc, vendorConsents, vendorLegitimateInterests, restrictions, disclosed, allowed, publisherTc);
  }

  private PublisherTc publisherTc() {
    IdSet consent = bitField(24, "PubPurposesConsent");
    int legitimateInterestAt = pos;
    IdSet legitimateInterest = bitField(24, "PubPurposesLITransparency");
    if (strict) {
      consentOnlyPurposes(legitimateInterest, legitimateInterestAt, "PubPurposesLITransparency");
    }
    int custom = read(6, "NumCustomPurposes");
    IdSet customConsent = bitField(custom, "CustomPurposesConsent");
    IdSet customLegitimateInterest = bitField(custom, "CustomPurposesLITransparency");
    return new PublisherTc(consent, legitimateInterest, customConsent, customLegitimateInterest);
  }

  /** Policy v2.2: purposes 3 to 6 allow consent only, never legitimate interest. */
  private void consentOnlyPurposes(IdSet legitimateInterest, int fieldAt, String field) {
    for (int purpose = 3; purpose <= 6; purpose++) {
      if (legitimateInterest.contains(purpose)) {
        throw error(LEGITIMATE_INTEREST_NOT_PERMITTED, fieldAt + purpose - 1, field, "purpose " + purpose
            + " allows only consent since TCF v2.2 (purposes 3 to 6)");
      }
    }
  }

  // --- sections --------------------------------------------------------------------------------------------------

  /** A vendor section: {@code MaxVendorId}, {@code IsRangeEncoding}, then a bit field or range entries. */
  private IdSet vendors(String name) {
    section = name;
    int maxVendorId = read(16, "MaxVendorId");
    IdSet vendors;
    if (read(1, "IsRangeEncoding") == 0) {
      vendors = bitField(maxVendorId, "BitField");
    } else {
      int entries = read(12, "NumEntries");
      long[] bits = new long[IdSet.wordsFor(maxVendorId)];
      for (int i = 0; i < entries; i++) {
        boolean range = read(1, "IsARange") == 1;
        int startAt = pos;
        int first = read(16, "StartOrOnlyVendorId");
        int last = range ? read(16, "EndVendorId") : first;
        if (first < 1 || last < first || last > maxVendorId) {
          throw error(INVALID_VALUE, startAt, "StartOrOnlyVendorId",
              "a range entry must lie within 1 to MaxVendorId, in ascending order");
        }
        setRange(bits, first - 1, last - 1);
      }
      vendors = new IdSet(bits, maxVendorId);
    }
    section = null;
    return vendors;
  }

  /** The Publisher Restrictions Section; entries of the same purpose and type are merged. */
  private List<PublisherRestriction> restrictions() {
    section = RESTRICTIONS;
    int count = read(12, "NumPubRestrictions");
    if (count == 0) {
      section = null;
      return List.of();
    }
    // distinct (purpose, type) keys in the order read, the last vendor id of each, and every range as
    // (key index, first, last); a string has few restrictions, so keys are found by a scan
    int[] keys = new int[Math.min(count, 256)];
    int[] lastIds = new int[keys.length];
    int keyCount = 0;
    int[] ranges = new int[24];
    int rangeCount = 0;
    for (int r = 0; r < count; r++) {
      int purposeAt = pos;
      int purposeId = read(6, "PurposeId");
      int typeAt = pos;
      int type = read(2, "RestrictionType");
      if (strict) {
        if (purposeId < 1 || purposeId > 24) {
          throw error(INVALID_RESTRICTION, purposeAt, "PurposeId", "purpose " + purposeId
              + " is outside the purposes 1 to 24 a TC string can signal");
        }
        if (type == RestrictionType.UNDEFINED.code()) {
          throw error(INVALID_RESTRICTION, typeAt, "RestrictionType", "type 3 is undefined");
        }
        if (type == RestrictionType.REQUIRE_LEGITIMATE_INTEREST.code() && purposeId >= 3 && purposeId <= 6) {
          throw error(LEGITIMATE_INTEREST_NOT_PERMITTED, typeAt, "RestrictionType", "purpose " + purposeId
              + " allows only consent since TCF v2.2 (purposes 3 to 6)");
        }
      }
      int key = purposeId << 2 | type;
      int index = 0;
      while (index < keyCount && keys[index] != key) {
        index++;
      }
      if (index == keyCount) {
        keys[keyCount++] = key;
      }
      int entries = read(12, "NumEntries");
      for (int i = 0; i < entries; i++) {
        boolean range = read(1, "IsARange") == 1;
        int startAt = pos;
        int first = read(16, "StartOrOnlyVendorId");
        int last = range ? read(16, "EndVendorId") : first;
        if (first < 1 || last < first) {
          throw error(INVALID_VALUE, startAt, "StartOrOnlyVendorId",
              "a range entry must start at 1 or above, in ascending order");
        }
        if (rangeCount + 3 > ranges.length) {
          ranges = Arrays.copyOf(ranges, ranges.length * 2);
        }
        ranges[rangeCount++] = index;
        ranges[rangeCount++] = first;
        ranges[rangeCount++] = last;
        lastIds[index] = Math.max(lastIds[index], last);
      }
    }
    long[][] bits = new long[keyCount][];
    for (int k = 0; k < keyCount; k++) {
      bits[k] = new long[IdSet.wordsFor(lastIds[k])];
    }
    for (int i = 0; i < rangeCount; i += 3) {
      setRange(bits[ranges[i]], ranges[i + 1] - 1, ranges[i + 2] - 1);
    }
    PublisherRestriction[] restrictions = new PublisherRestriction[keyCount];
    for (int k = 0; k < keyCount; k++) {
      restrictions[k] = new PublisherRestriction(keys[k] >>> 2, RestrictionType.ofCode(keys[k] & 3),
          new IdSet(bits[k], lastIds[k]));
    }
    section = null;
    return List.of(restrictions);
  }

  /** Sets bits {@code from} to {@code to}, inclusive, counted from the most significant bit of word 0. */
  private static void setRange(long[] bits, int from, int to) {
    int first = from >>> 6;
    int last = to >>> 6;
    long head = -1L >>> from;      // bits from (from mod 64) to the word's end
    long tail = -1L << ~to;        // bits from the word's start to (to mod 64); ~to mod 64 = 63 - (to mod 64)
    if (first == last) {
      bits[first] |= head & tail;
      return;
    }
    bits[first] |= head;
    Arrays.fill(bits, first + 1, last, -1L);
    bits[last] |= tail;
  }

  // --- segment and field reading ---------------------------------------------------------------------------------

  /** Checks and packs the characters of {@code [start, end)} into {@link #words}. */
  private void load(int start, int end, @Nullable TcfSegment kind) {
    segment = kind;
    section = null;
    charStart = start;
    pos = 0;
    if (start == end) {
      throw InvalidTcStringException.of(EMPTY_SEGMENT, start, -1, kind, null, "");
    }
    int dataEnd = end;
    while (dataEnd > start && source.charAt(dataEnd - 1) == '=') {
      dataEnd--;
    }
    int chars = dataEnd - start;
    int bits = chars * 6;
    int needed = (bits >>> 6) + 2; // the last partial word and a spare one: a read may look one word ahead
    if (words.length < needed) {
      words = new long[Math.max(needed, words.length * 2)];
    }
    long[] out = words;
    String s = source;
    byte[] table = SEXTETS;
    long acc = 0;
    int held = 0;
    int w = 0;
    int i = start;
    for (int stop = dataEnd - 3; i < stop; i += 4) {
      char c0 = s.charAt(i);
      char c1 = s.charAt(i + 1);
      char c2 = s.charAt(i + 2);
      char c3 = s.charAt(i + 3);
      if ((c0 | c1 | c2 | c3) >= 128) {
        throw invalidCharacter(i);
      }
      int v0 = table[c0];
      int v1 = table[c1];
      int v2 = table[c2];
      int v3 = table[c3];
      if ((v0 | v1 | v2 | v3) < 0) {
        throw invalidCharacter(i);
      }
      long v = v0 << 18 | v1 << 12 | v2 << 6 | v3;
      int room = 64 - held;
      if (room > 24) {
        acc = acc << 24 | v;
        held += 24;
      } else {
        int rest = 24 - room; // 0 to 23 bits that start the next word
        out[w++] = acc << room | v >>> rest;
        acc = v & ((1L << rest) - 1);
        held = rest;
      }
    }
    for (; i < dataEnd; i++) {
      char c = s.charAt(i);
      int v = c < 128 ? table[c] : -1;
      if (v < 0) {
        throw invalidCharacter(i);
      }
      int room = 64 - held;
      if (room > 6) {
        acc = acc << 6 | v;
        held += 6;
      } else {
        int rest = 6 - room;
        out[w++] = acc << room | v >>> rest;
        acc = v & ((1L << rest) - 1);
        held = rest;
      }
    }
    out[w] = held == 0 ? 0 : acc << (64 - held);
    out[w + 1] = 0;
    int padding = end - dataEnd;
    if (padding > 0 && (padding > 2 || chars == 0 || (end - start) % 4 != 0)) {
      throw InvalidTcStringException.of(INVALID_PADDING, dataEnd, -1, kind, null,
          "padding completes a group of four characters with one or two '='");
    }
    if (chars % 4 == 1) {
      throw InvalidTcStringException.of(INVALID_LENGTH, dataEnd - 1, -1, kind, null,
          "a base64url segment of 4k+1 characters cannot hold whole bytes");
    }
    dataChars = chars;
    limit = bits & ~7;
  }

  private InvalidTcStringException invalidCharacter(int from) {
    int at = from;
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c >= 128 || SEXTETS[c] < 0) {
        break;
      }
      at++;
    }
    return InvalidTcStringException.of(INVALID_CHARACTER, at, (at - charStart) * 6, segment, null,
        "only A-Z a-z 0-9 - _ and '=' padding at the end are allowed");
  }

  /**
   * Refuses a segment whose last field is followed by more than padding: any bit set, or, in strict mode, more
   * characters than padding to whole bytes (or to whole groups of three bytes, as the IAB's JavaScript encoder
   * writes) needs. Lenient mode accepts extra characters of zero bits, which early v2.0 encoders appended (the
   * TCF spec's own publisher TC examples end in such characters).
   */
  private void endOfSegment() {
    int used = pos;
    int allowedChars = (used + 23) / 24 * 4;
    if (strict && dataChars > allowedChars) {
      throw InvalidTcStringException.of(TRAILING_DATA, charStart + allowedChars, allowedChars * 6, segment, null,
          "characters follow the last field");
    }
    int total = dataChars * 6;
    for (int p = used; p < total; p += 64) {
      long chunk = chunk(p);
      int n = total - p;
      if (n < 64) {
        chunk &= -1L << (64 - n);
      }
      if (chunk != 0) {
        int bit = p + Long.numberOfLeadingZeros(chunk);
        throw InvalidTcStringException.of(TRAILING_DATA, charStart + bit / 6, bit, segment, null,
            "padding bits after the last field must be 0");
      }
    }
  }

  /** The 64 bits from bit {@code p} on; bits past the segment's end are whatever the spare word holds. */
  private long chunk(int p) {
    int i = p >>> 6;
    int off = p & 63;
    return off == 0 ? words[i] : words[i] << off | words[i + 1] >>> (64 - off);
  }

  /** Reads an unsigned field of 1 to 32 bits. */
  private int read(int n, String field) {
    return (int) readLong(n, field);
  }

  /** Reads an unsigned field of 1 to 63 bits. */
  private long readLong(int n, String field) {
    int p = pos;
    if (p + n > limit) {
      throw truncated(n, field);
    }
    int i = p >>> 6;
    int off = p & 63;
    long v = words[i] << off;
    if (off + n > 64) {
      v |= words[i + 1] >>> (64 - off);
    }
    pos = p + n;
    return v >>> (64 - n);
  }

  /** Reads {@code n} bits, 0 to 65535, as the set of ids 1 to {@code n}. */
  private IdSet bitField(int n, String field) {
    int p = pos;
    if (p + n > limit) {
      throw truncated(n, field);
    }
    long[] bits = new long[IdSet.wordsFor(n)];
    for (int k = 0; k < bits.length; k++) {
      bits[k] = chunk(p + (k << 6));
    }
    int tail = n & 63;
    if (tail != 0) {
      bits[bits.length - 1] &= -1L << (64 - tail);
    }
    pos = p + n;
    return new IdSet(bits, n);
  }

  /** Reads two 6-bit letters, a=0 to z=25, as upper case. */
  private String letters(String field) {
    int at = pos;
    if (at + 12 > limit) {
      throw truncated(12, field);
    }
    int first = read(6, field);
    int second = read(6, field);
    if (first > 25 || second > 25) {
      throw error(INVALID_VALUE, first > 25 ? at : at + 6, field, "a letter is encoded as 0 to 25");
    }
    return LETTER_PAIRS[first * 26 + second];
  }

  private InvalidTcStringException truncated(int n, String field) {
    return error(TRUNCATED, pos, field, "the field needs " + n + " bits and " + Math.max(limit - pos, 0)
        + " remain in whole bytes");
  }

  private InvalidTcStringException error(Reason reason, int bit, String field, String detail) {
    return InvalidTcStringException.of(reason, charStart + bit / 6, bit, segment,
        section == null ? field : field + " (" + section + ")", detail);
  }
}
