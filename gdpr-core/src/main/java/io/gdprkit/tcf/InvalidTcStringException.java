package io.gdprkit.tcf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a TC string is not well-formed, or breaks the current TCF Policy in strict mode.
 *
 * <p>It says where: {@link #offset()} is the index of the character in the whole string at which the problem lies
 * (for a string cut short, where the missing field starts; for a missing segment, the string's length), and
 * {@link #bitOffset()} the bit within its segment, counted as in the TCF spec's tables ("The Core String": bit 0 is
 * the first bit of {@code Version}). The message names the reason, segment, field and offsets, never a character of
 * the string: a TC string is personal data once it can be linked to a person (CJEU C-604/22).
 *
 * <p>Usage example: <pre>{@code
 * try { TcString.decode(cookie); }
 * catch (InvalidTcStringException e) { log.info("TC string refused: {} at {}", e.reason(), e.offset()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidTcStringException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final int offset;
  private final int bitOffset;
  private final @Nullable TcfSegment segment;
  private final @Nullable String field;

  private InvalidTcStringException(Reason reason, int offset, int bitOffset, @Nullable TcfSegment segment,
      @Nullable String field, String detail) {
    super(message(reason, offset, bitOffset, segment, field, detail));
    this.reason = reason;
    this.offset = offset;
    this.bitOffset = bitOffset;
    this.segment = segment;
    this.field = field;
  }

  /**
   * Creates the exception.
   *
   * @param reason what is wrong
   * @param offset the character index in the whole string
   * @param bitOffset the bit index within the segment, or -1 when the problem is not at a bit
   * @param segment the segment, or {@code null} when the problem is before any segment is known
   * @param field the TCF spec's name of the field, or {@code null}
   * @param detail a phrase with no part of the string in it, such as "version 1 is TCF v1.1"
   * @return the exception, for the caller to throw
   */
  public static InvalidTcStringException of(Reason reason, int offset, int bitOffset, @Nullable TcfSegment segment,
      @Nullable String field, String detail) {
    return new InvalidTcStringException(reason, offset, bitOffset, segment, field, detail);
  }

  private static String message(Reason reason, int offset, int bitOffset, @Nullable TcfSegment segment,
      @Nullable String field, String detail) {
    StringBuilder text = new StringBuilder(160).append("TC string ").append(reason.phrase);
    if (segment != null) {
      text.append(" in the ").append(segment.name()).append(" segment");
    }
    if (field != null) {
      text.append(", field ").append(field);
    }
    text.append(", at character ").append(offset);
    if (bitOffset >= 0) {
      text.append(" (bit ").append(bitOffset).append(" of the segment)");
    }
    if (!detail.isEmpty()) {
      text.append(": ").append(detail);
    }
    return text.toString();
  }

  /** Returns what is wrong. */
  public Reason reason() {
    return reason;
  }

  /** Returns the index of the character in the whole string where the problem lies. */
  public int offset() {
    return offset;
  }

  /** Returns the bit index within the segment, or -1 when the problem is not at a bit (a bad character). */
  public int bitOffset() {
    return bitOffset;
  }

  /** Returns the segment, or {@code null} when the problem comes before any segment is known. */
  public @Nullable TcfSegment segment() {
    return segment;
  }

  /** Returns the TCF spec's name of the field, or {@code null}. */
  public @Nullable String field() {
    return field;
  }

  /**
   * Why a TC string was refused.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** The string is empty. */
    EMPTY("is empty", false),
    /** The string is longer than any TC string can be ({@value TcString#MAX_LENGTH} characters). */
    TOO_LONG("is too long", false),
    /** A character is outside the base64url alphabet {@code A-Z a-z 0-9 - _} (RFC 4648 section 5). */
    INVALID_CHARACTER("has a character outside the base64url alphabet", false),
    /** {@code =} padding is longer than two characters or does not complete a group of four. */
    INVALID_PADDING("has misplaced '=' padding", false),
    /** A segment has 4k+1 characters, which cannot hold whole bytes. */
    INVALID_LENGTH("has a segment whose length cannot hold whole bytes", false),
    /** Two dots in a row, or a dot at either end. */
    EMPTY_SEGMENT("has an empty segment", false),
    /** A segment ends before its last field. */
    TRUNCATED("is cut short", false),
    /** Non-zero bits or more characters follow a segment's last field. */
    TRAILING_DATA("has data after the last field", false),
    /** The {@code Version} field is not 2: TCF v1.1 strings and unknown versions are not read. */
    UNSUPPORTED_VERSION("has an unsupported version", false),
    /** A {@code SegmentType} of 4 to 7, which the spec does not define. */
    UNKNOWN_SEGMENT_TYPE("has an unknown segment type", false),
    /** A segment type that appeared before, or a second core segment (type 0). */
    DUPLICATE_SEGMENT("repeats a segment", false),
    /** A field holds a value the format excludes: a letter past {@code z}, a vendor range out of order or bounds. */
    INVALID_VALUE("has a value the format does not allow", false),
    /** Strict: {@code TcfPolicyVersion} below 4, a policy older than TCF v2.2. */
    OUTDATED_POLICY_VERSION("was written under an outdated TCF policy", true),
    /** Strict: {@code TcfPolicyVersion} above 5, a policy this kit does not know. */
    UNKNOWN_POLICY_VERSION("was written under an unknown TCF policy", true),
    /** Strict: {@code IsServiceSpecific} is 0; since TCF v2.2 every string is service-specific. */
    NOT_SERVICE_SPECIFIC("is not service-specific", true),
    /** Strict: a legitimate-interest signal for purposes 3 to 6, which the Policy forbids from TCF v2.2. */
    LEGITIMATE_INTEREST_NOT_PERMITTED("signals legitimate interest for a purpose that allows only consent", true),
    /** Strict: a publisher restriction with an undefined type or a purpose id outside 1 to 24. */
    INVALID_RESTRICTION("has a publisher restriction the Policy does not define", true),
    /** Strict: a TCF v2.3 string created after 28 February 2026 without a disclosed-vendors segment. */
    DISCLOSED_VENDORS_MISSING("lacks the disclosed-vendors segment TCF v2.3 requires", true);

    private final String phrase;
    private final boolean policyViolation;

    Reason(String phrase, boolean policyViolation) {
      this.phrase = phrase;
      this.policyViolation = policyViolation;
    }

    /** Returns whether only strict mode refuses it; the others are format errors, refused in both modes. */
    public boolean policyViolation() {
      return policyViolation;
    }
  }
}
