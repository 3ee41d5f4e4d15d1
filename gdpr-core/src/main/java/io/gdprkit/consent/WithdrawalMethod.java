package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.net.URI;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How and where a subject withdraws consent: a means and the address to use it at, never a sentence.
 *
 * <p>Why: Art. 7(3) makes withdrawing as easy as giving consent and Art. 13(2)(c) requires the subject to be told
 * of the right; ISO/IEC TS 27560 (6.3.4.18 {@code withdrawal_method}, mandatory) and the DPV consent-record profile
 * ({@code dpv:hasConsentControl} {@code dpv:WithdrawConsent}) record it as data. The address must fit the means:
 * an {@code https} page for a web form, an unsubscribe link or an API, {@code mailto:} for e-mail and {@code tel:}
 * for the phone, so a receipt never names a means it cannot be reached by.
 *
 * <p>Usage example: <pre>{@code WithdrawalMethod.of(WithdrawalMethod.Means.WEB_FORM, URI.create("https://acme.example/preferences"))}</pre>
 *
 * @param means how the subject withdraws
 * @param address where: an absolute URI whose scheme fits {@code means}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WithdrawalMethod(Means means, URI address) {

  /** The DPV consent control that a withdrawal method implements. */
  public static final URI DPV_WITHDRAW_CONSENT = URI.create("https://w3id.org/dpv#WithdrawConsent");

  /** Validates that the address is absolute and its scheme fits the means. */
  public WithdrawalMethod {
    Preconditions.notNull(means, "withdrawal means");
    Preconditions.notNull(address, "withdrawal address");
    Preconditions.check(address.isAbsolute() && !address.toString().isBlank(), "withdrawal address",
        "must be an absolute URI");
    Preconditions.check(address.toString().length() <= 2000, "withdrawal address", "must be at most 2000 characters");
    String scheme = address.getScheme().toLowerCase(Locale.ROOT);
    Preconditions.check(means.scheme.equals(scheme), "withdrawal address",
        "must be a " + means.scheme + " URI for " + means);
  }

  /** Returns the method. */
  public static WithdrawalMethod of(Means means, URI address) {
    return new WithdrawalMethod(means, address);
  }

  /**
   * The means by which a subject withdraws consent, each with the URI scheme its address has.
   *
   * <p>Usage example: <pre>{@code WithdrawalMethod.of(Means.EMAIL, URI.create("mailto:privacy@acme.example"))}</pre>
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Means {
    /** A page where the subject changes their choices, such as a preference centre. */
    WEB_FORM("https"),
    /** A one-click unsubscribe link in each message (RFC 8058 and its landing page). */
    UNSUBSCRIBE_LINK("https"),
    /** A machine interface of the controller that the subject's agent calls. */
    API("https"),
    /** An e-mail to the controller's privacy contact. */
    EMAIL("mailto"),
    /** A call to the controller's privacy contact. */
    PHONE("tel");

    private final String scheme;

    Means(String scheme) {
      this.scheme = scheme;
    }

    /** Returns the URI scheme an address for this means has, such as {@code mailto}. */
    public String scheme() {
      return scheme;
    }
  }
}
