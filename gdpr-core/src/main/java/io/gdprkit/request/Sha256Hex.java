package io.gdprkit.request;

import io.gdprkit.internal.Preconditions;
import java.util.regex.Pattern;

/** Checks the SHA-256 hashes the request's evidence holds: 64 lower-case hex digits, as {@code Hashing} writes. */
final class Sha256Hex {

  private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

  private Sha256Hex() {}

  /** Fails with an {@link io.gdprkit.InvalidInputException} naming {@code field} unless {@code value} is one. */
  static String check(String value, String field) {
    Preconditions.notNull(value, field);
    Preconditions.check(FORM.matcher(value).matches(), field, "must be 64 lower-case hex digits (SHA-256)");
    return value;
  }
}
