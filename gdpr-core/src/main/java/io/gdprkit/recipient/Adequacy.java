package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An adequacy decision for a country (Art. 45): for the whole country, or only for some recipients there.
 *
 * <p>A partial decision (the EU-US Data Privacy Framework covers only certified organisations) lets a transfer
 * through only to a recipient that documents it is covered, with {@link Safeguard#ADEQUACY_SCOPE} or any other
 * safeguard.
 *
 * <p>Usage example: <pre>{@code TransferRules.defaults().withAdequacy(CountryCode.of("BR"), Adequacy.full())}</pre>
 *
 * @param partialScope who is covered when the decision is partial, or {@code null} for the whole country
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Adequacy(@Nullable String partialScope) {

  /** Validates the scope. */
  public Adequacy {
    if (partialScope != null) {
      Preconditions.text(partialScope, "adequacy scope", 300);
    }
  }

  /** Returns a decision for the whole country. */
  public static Adequacy full() {
    return new Adequacy(null);
  }

  /** Returns a decision covering only {@code scope}. */
  public static Adequacy partial(String scope) {
    return new Adequacy(scope);
  }

  /** Returns whether the decision covers only some recipients. */
  public boolean isPartial() {
    return partialScope != null;
  }
}
