package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an erasure covers: everything about the subject (a "forget me" request, Art. 17(1)(a)), or only the
 * data processed for one purpose whose consent was withdrawn (Art. 17(1)(b)).
 *
 * <p>For a withdrawn consent, a field whose data category another purpose also needs under a contract, a legal
 * obligation or any other basis is kept, and the report names that basis: withdrawing newsletter consent does
 * not delete invoices.
 *
 * <p>Usage example: <pre>{@code gdpr.erasure().erase(alice, ErasureScope.consentWithdrawn("newsletter"))}</pre>
 *
 * @param withdrawnPurpose the purpose whose consent was withdrawn, or {@code null} for everything
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ErasureScope(@Nullable String withdrawnPurpose) {

  private static final ErasureScope EVERYTHING = new ErasureScope(null);

  /** Validates the purpose id. */
  public ErasureScope {
    if (withdrawnPurpose != null) {
      Preconditions.notBlank(withdrawnPurpose, "withdrawn purpose");
    }
  }

  /** Everything the providers hold about the subject. */
  public static ErasureScope everything() {
    return EVERYTHING;
  }

  /** Only the data processed for this purpose, after its consent was withdrawn. */
  public static ErasureScope consentWithdrawn(String purpose) {
    return new ErasureScope(purpose);
  }

  /** Returns whether the scope is everything. */
  public boolean isEverything() {
    return withdrawnPurpose == null;
  }
}
