package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * An ISO 3166-1 alpha-2 country code, the region that a store or a recipient is in.
 *
 * <p>Only codes the JDK knows as ISO countries are accepted, in upper case, so that {@code "UK"} or {@code "EL"}
 * (not ISO codes) fail at once instead of silently missing the EEA and adequacy lists.
 *
 * <p>Usage example: <pre>{@code CountryCode de = CountryCode.of("DE");}</pre>
 *
 * @param value the two-letter code, such as {@code DE}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CountryCode(String value) {

  private static final Set<String> ISO = Set.of(Locale.getISOCountries());

  /** Validates the code against the ISO 3166-1 list. */
  public CountryCode {
    Preconditions.notBlank(value, "country code");
    Preconditions.check(ISO.contains(value), "country code", "must be an upper-case ISO 3166-1 alpha-2 code");
  }

  /** Returns the country. */
  public static CountryCode of(String value) {
    return new CountryCode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
