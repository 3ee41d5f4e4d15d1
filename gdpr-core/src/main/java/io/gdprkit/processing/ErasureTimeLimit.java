package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * The envisaged time limit for erasure of one category of data (Art. 30(1)(f)).
 *
 * <p>Usage example: <pre>{@code ErasureTimeLimit.of("contact-details", "24 months after the last activity")}</pre>
 *
 * @param category the id of the data category
 * @param limit the limit in words, such as {@code 10 years after the end of the financial year (tax law)}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ErasureTimeLimit(String category, String limit) {

  /** Validates the fields. */
  public ErasureTimeLimit {
    Preconditions.identifier(category, "erasure time limit category", 64);
    Preconditions.text(limit, "erasure time limit", 500);
  }

  /** Returns a time limit. */
  public static ErasureTimeLimit of(String category, String limit) {
    return new ErasureTimeLimit(category, limit);
  }
}
