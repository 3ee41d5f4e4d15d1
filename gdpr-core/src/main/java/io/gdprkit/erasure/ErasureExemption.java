package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Messages;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Why an erasure kept data although the right to erasure applies (Art. 17(3)): a declared purpose still needs it for
 * compliance with a legal obligation (Art. 6(1)(c)) or a task in the public interest or in the exercise of official
 * authority (Art. 6(1)(e)), both Art. 17(3)(b), or for the establishment, exercise or defence of legal claims
 * (Art. 17(3)(e)).
 *
 * <p>A purpose keeps the fields whose {@linkplain io.gdprkit.data.FieldDescriptor#category() category} it declares
 * ({@link Purpose#dataCategories()}), for its {@linkplain Purpose#retention() retention} counted from each record's
 * date; then the data is due and {@link ErasureService#releaseHeld(int)} erases it. <b>Warning:</b> kept data may be
 * used only for the purpose that kept it, as if restricted (Art. 18(1)(c), 18(2)): the kit refuses disclosures of a
 * subject erased in full, but {@code decide} does not know of erasures, so a host must not feed held data into any
 * other processing.
 *
 * <p>Usage example: <pre>{@code report.providers().get(0).retained().get(0).exemption().article()  // "17(3)(b)"}</pre>
 *
 * @param purpose the id of the purpose that needs the data
 * @param legalBasis the purpose's legal basis, whose article ({@code 6(1)(c)}) the report names
 * @param ground which exemption of Art. 17(3) applies
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ErasureExemption(String purpose, LegalBasis legalBasis, Ground ground) {

  /** Validates the fields. */
  public ErasureExemption {
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(legalBasis, "legal basis");
    Preconditions.notNull(ground, "ground");
  }

  /**
   * Returns the exemption under which a purpose keeps data from erasure: legal claims when it is declared
   * {@linkplain Purpose#forLegalClaims() for legal claims}, else its basis when that is a legal obligation or a public
   * task; none for any other purpose, whose data an erasure of everything erases.
   */
  public static Optional<ErasureExemption> of(Purpose purpose) {
    Preconditions.notNull(purpose, "purpose");
    if (purpose.legalClaims()) {
      return Optional.of(new ErasureExemption(purpose.id(), purpose.legalBasis(), Ground.LEGAL_CLAIMS));
    }
    if (purpose.legalBasis() == LegalBasis.LEGAL_OBLIGATION || purpose.legalBasis() == LegalBasis.PUBLIC_TASK) {
      return Optional.of(new ErasureExemption(purpose.id(), purpose.legalBasis(),
          Ground.LEGAL_OBLIGATION_OR_PUBLIC_TASK));
    }
    return Optional.empty();
  }

  /** Returns the article of the exemption, {@code 17(3)(b)} or {@code 17(3)(e)}. */
  public String article() {
    return ground.article();
  }

  /** Returns the article of the purpose's legal basis, such as {@code 6(1)(c)}. */
  public String legalBasisArticle() {
    return legalBasis.article();
  }

  /** Returns the reason in words an auditor reads, such as {@code Art. 17(3)(b): purpose 'invoices' on Art. 6(1)(c)}. */
  public String describe() {
    return "Art. " + article() + ": purpose " + Messages.quote(purpose) + " on Art. " + legalBasisArticle();
  }

  /**
   * The exemptions of Art. 17(3) that a declared purpose can stand for.
   *
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public enum Ground {
    /**
     * Art. 17(3)(b): compliance with a legal obligation (Art. 6(1)(c)) or a task in the public interest or in the
     * exercise of official authority (Art. 6(1)(e)).
     */
    LEGAL_OBLIGATION_OR_PUBLIC_TASK("17(3)(b)"),
    /** Art. 17(3)(e): the establishment, exercise or defence of legal claims. */
    LEGAL_CLAIMS("17(3)(e)");

    private final String article;

    Ground(String article) {
      this.article = article;
    }

    /** Returns the article, such as {@code 17(3)(b)}. */
    public String article() {
      return article;
    }
  }
}
