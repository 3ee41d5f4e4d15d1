package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.InvalidInputException;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that fail with gdpr-kit's typed exceptions and never echo the checked value.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Preconditions {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/+-]*");

  private Preconditions() {}

  /**
   * Fails with a {@link NullPointerException} naming the parameter when {@code value} is null.
   *
   * <p>No lambda: a capturing message supplier would allocate on every call, and this runs on the decision path.
   */
  public static <T> T notNull(@Nullable T value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    return value;
  }

  /** Fails when the text is null, empty or only white space. */
  public static String notBlank(@Nullable String value, String field) {
    notNull(value, field);
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank");
    }
    return value;
  }

  /** Fails when the text is blank or longer than {@code max} characters. */
  public static String text(@Nullable String value, String field, int max) {
    notBlank(value, field);
    if (value.length() > max) {
      throw InvalidInputException.of(field, "must be at most " + max + " characters long");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw InvalidInputException.of(field, "must not contain control characters");
      }
    }
    return value;
  }

  /**
   * Fails unless the text is an identifier: a letter or digit, then letters, digits and {@code . _ : @ / + -},
   * at most {@code max} characters, no white space.
   */
  public static String identifier(@Nullable String value, String field, int max) {
    notBlank(value, field);
    if (value.length() > max) {
      throw InvalidInputException.of(field, "must be at most " + max + " characters long");
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw InvalidInputException.of(
          field, "must start with a letter or digit and contain only letters, digits and . _ : @ / + -");
    }
    return value;
  }

  /** Fails unless {@code value} is at least 1. */
  public static int positive(int value, String field) {
    if (value < 1) {
      throw InvalidInputException.of(field, "must be positive, was " + value);
    }
    return value;
  }

  /** Fails with an {@link InvalidInputException} when {@code condition} is false. */
  public static void check(boolean condition, String field, String rule) {
    if (!condition) {
      throw InvalidInputException.of(field, rule);
    }
  }
}
