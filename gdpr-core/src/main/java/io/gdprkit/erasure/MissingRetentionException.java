package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.purpose.LegalBasis;
import org.apiguardian.api.API;

/**
 * Thrown by {@code GdprKit.Builder.build()} when a purpose that keeps data from erasure (a legal obligation, a public
 * task or legal claims, Art. 17(3)(b) and (e)) declares data categories but no retention.
 *
 * <p>Why fail at build: such a purpose keeps its data through an erasure for as long as its retention says. Without
 * one, the kit would have to either erase what the law requires to keep or keep it for ever (Art. 5(1)(e) storage
 * limitation); neither is a default a controller should find out about from an audit. Declare the period the law sets
 * with {@code Purpose.withRetention(..)}.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().purpose(Purpose.of("invoices", LegalBasis.LEGAL_OBLIGATION, "Tax records")
 *     .withDataCategories(DataCategory.FINANCIAL))   // no withRetention(..): build() throws
 * }</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class MissingRetentionException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final String purpose;
  private final LegalBasis legalBasis;
  private final String article;

  private MissingRetentionException(String purpose, LegalBasis legalBasis, String article) {
    super("purpose " + Messages.quote(purpose) + " keeps data from erasure (Art. " + article + ", basis Art. "
        + legalBasis.article() + ") but declares no retention; declare how long the data is kept with "
        + "Purpose.withRetention(period)");
    this.purpose = purpose;
    this.legalBasis = legalBasis;
    this.article = article;
  }

  /** Creates the exception for a purpose whose exemption would keep data without a retention period. */
  public static MissingRetentionException of(ErasureExemption exemption) {
    return new MissingRetentionException(exemption.purpose(), exemption.legalBasis(), exemption.article());
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the purpose's legal basis. */
  public LegalBasis legalBasis() {
    return legalBasis;
  }

  /** Returns the Art. 17(3) exemption the purpose stands for, {@code 17(3)(b)} or {@code 17(3)(e)}. */
  public String article() {
    return article;
  }
}
