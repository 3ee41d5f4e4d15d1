package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A transfer of personal data to a third country or an international organisation (Art. 30(1)(e)), with what makes
 * it lawful.
 *
 * <p>Usage example: <pre>{@code
 * ThirdCountryTransfer.of("US", "Mail delivery provider", TransferSafeguard.STANDARD_CONTRACTUAL_CLAUSES)
 *     .withDocumentation("SCC 2021/914 module 2, signed 2025-04-01")
 * }</pre>
 *
 * @param destination the third country (such as an ISO 3166 code) or the international organisation
 * @param recipient who receives the data there
 * @param safeguard what makes the transfer lawful
 * @param documentation where the safeguard is documented, or {@code null}; required when
 *     {@link TransferSafeguard#requiresDocumentation()}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ThirdCountryTransfer(String destination, String recipient, TransferSafeguard safeguard,
    @Nullable String documentation) {

  /**
   * Validates the fields.
   *
   * @throws io.gdprkit.InvalidInputException if a text is blank or too long, or documentation is missing where
   *     Art. 30(1)(e) requires it
   */
  public ThirdCountryTransfer {
    Preconditions.text(destination, "transfer destination", 200);
    Preconditions.text(recipient, "transfer recipient", 200);
    Preconditions.notNull(safeguard, "transfer safeguard");
    if (documentation != null) {
      Preconditions.text(documentation, "transfer documentation", 2000);
    }
    Preconditions.check(documentation != null || !safeguard.requiresDocumentation(), "transfer documentation",
        "is required for a transfer under Art. " + safeguard.article() + " (Art. 30(1)(e))");
  }

  /** Returns a transfer without documentation; one whose safeguard requires documentation needs the constructor. */
  public static ThirdCountryTransfer of(String destination, String recipient, TransferSafeguard safeguard) {
    return new ThirdCountryTransfer(destination, recipient, safeguard, null);
  }

  /** Returns a copy that says where the safeguard is documented. */
  public ThirdCountryTransfer withDocumentation(String text) {
    return new ThirdCountryTransfer(destination, recipient, safeguard, text);
  }
}
