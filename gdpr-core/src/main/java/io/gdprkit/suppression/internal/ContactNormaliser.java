package io.gdprkit.suppression.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.gdprkit.InvalidInputException;
import io.gdprkit.data.ContactPoint;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.PersonalDataAccess;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Brings a contact point to the one form its suppression hash is taken of, so that the same address or number
 * written another way is still recognised.
 *
 * <p>E-mail: format characters (zero-width space, joiners, word joiner, BOM, soft hyphen) are removed wherever they
 * are, the text is NFKC-normalised (full-width letters, composed and decomposed accents become one form, and
 * no-break, em and ideographic spaces become plain ones), white space and control characters at the ends are
 * stripped, and the rest is lower-cased with {@link Locale#ROOT}.
 *
 * <p>Phone: parsed with libphonenumber and written in E.164 ({@code +4930123456}). A number in national form
 * ({@code 030 123456}) is read in the configured default region; without one, only international forms are
 * understood ({@code +49 …}, or {@code 00 49 …}, the international prefix of most countries).
 */
final class ContactNormaliser {

  private static final String EMAIL_PREFIX = "email:";
  private static final String PHONE_PREFIX = "phone:";
  private static final String UNKNOWN_REGION = "ZZ";
  private static final int MAX_LENGTH = 320;

  private final @Nullable String defaultPhoneRegion;

  /**
   * Creates the normaliser.
   *
   * @param defaultPhoneRegion the ISO 3166 region national phone numbers are read in, or {@code null} for none
   */
  ContactNormaliser(@Nullable String defaultPhoneRegion) {
    this.defaultPhoneRegion = defaultPhoneRegion == null ? null : checkedRegion(defaultPhoneRegion);
  }

  /**
   * Returns {@code region} if libphonenumber knows it as a region with numbers of its own.
   *
   * @throws InvalidInputException if it does not; the region is a setting, not personal data, yet it is not echoed
   */
  static String checkedRegion(String region) {
    Preconditions.notNull(region, "defaultPhoneRegion");
    Set<String> supported = PhoneNumberUtil.getInstance().getSupportedRegions();
    Preconditions.check(supported.contains(region), "defaultPhoneRegion",
        "must be an upper-case ISO 3166-1 alpha-2 region libphonenumber supports, such as DE or US");
    return region;
  }

  /** Returns the normalised form, prefixed by its kind. */
  String normalise(ContactPoint point) {
    Preconditions.notNull(point, "point");
    String raw = point.value().value(PersonalDataAccess.unredacted());
    String field = point.kind() == ContactPoint.Kind.EMAIL ? "e-mail" : "phone";
    Preconditions.check(raw.length() <= MAX_LENGTH, field, "must be at most " + MAX_LENGTH + " characters long");
    String text = trimmed(Normalizer.normalize(withoutFormatCharacters(raw), Normalizer.Form.NFKC));
    Preconditions.check(!text.isEmpty(), field, "must not be blank or invisible");
    if (point.kind() == ContactPoint.Kind.EMAIL) {
      return EMAIL_PREFIX + text.toLowerCase(Locale.ROOT);
    }
    return PHONE_PREFIX + e164(text);
  }

  private String e164(String number) {
    String region = defaultPhoneRegion;
    String text = number;
    if (region == null) {
      region = UNKNOWN_REGION;
      if (text.startsWith("00")) {
        text = "+" + text.substring(2);
      }
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber parsed = util.parse(text, region);
      return util.format(parsed, PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      // The parser's message may quote the number: only its error type is kept, and not as the cause.
      throw InvalidInputException.of("phone", "must be a phone number in international form"
          + (defaultPhoneRegion == null ? "" : " or in national form of region " + defaultPhoneRegion)
          + " (" + e.getErrorType() + ")");
    }
  }

  private static String withoutFormatCharacters(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** Strips white space (any Unicode space, NEL included) and control characters from both ends. */
  private static String trimmed(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && invisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && invisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean invisible(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
