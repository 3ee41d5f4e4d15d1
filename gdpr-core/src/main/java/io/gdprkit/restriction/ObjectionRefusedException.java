package io.gdprkit.restriction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an objection, an override of one or its withdrawal is refused, with the purpose's legal basis and why;
 * nothing is written.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.restrictions().object(alice, "billing", "", Actor.subject()); }
 * catch (ObjectionRefusedException e) { reply(e.reason(), e.basis()); }   // NO_RIGHT_TO_OBJECT, CONTRACT
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ObjectionRefusedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final @Nullable LegalBasis basis;
  private final Reason reason;

  private ObjectionRefusedException(SubjectId subject, String purpose, @Nullable LegalBasis basis, Reason reason) {
    super("objection of subject " + Messages.quote(subject) + " to "
        + (basis == null ? "direct marketing" : "purpose " + Messages.quote(purpose) + " on legal basis Art. "
            + basis.article() + " (" + basis + ")")
        + ": " + reason.message);
    this.subject = subject;
    this.purpose = purpose;
    this.basis = basis;
    this.reason = reason;
  }

  /**
   * Creates the exception.
   *
   * @param purpose the purpose's id, or {@link io.gdprkit.consent.ObjectionChange#DIRECT_MARKETING}
   * @param basis the purpose's legal basis, or {@code null} for direct marketing as a whole
   */
  public static ObjectionRefusedException of(SubjectId subject, String purpose, @Nullable LegalBasis basis,
      Reason reason) {
    return new ObjectionRefusedException(subject, purpose, basis, reason);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id, or {@link io.gdprkit.consent.ObjectionChange#DIRECT_MARKETING}. */
  public String purpose() {
    return purpose;
  }

  /** Returns the purpose's legal basis, or {@code null} when the refusal was about direct marketing as a whole. */
  public @Nullable LegalBasis basis() {
    return basis;
  }

  /** Returns why it was refused. */
  public Reason reason() {
    return reason;
  }

  /** Why an objection operation was refused. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Reason {
    /** The purpose is direct marketing: the objection is absolute (Art. 21(3)). */
    ABSOLUTE_FOR_DIRECT_MARKETING("an objection to direct marketing is absolute and cannot be overridden (Art. 21(3))"),
    /**
     * The purpose rests on consent: Art. 21 gives no right to object to it; the subject withdraws consent instead,
     * as easily as it was given (Art. 7(3)), and nothing overrides a withdrawal.
     */
    CONSENT_PURPOSE("the purpose rests on consent, to which Art. 21 gives no right to object; withdraw the consent"
        + " instead (Art. 7(3))"),
    /** There is no standing objection to act on. */
    NO_STANDING_OBJECTION("there is no standing objection to this purpose"),
    /**
     * The purpose rests on contract, legal obligation or vital interests and is not direct marketing: Art. 21(1) gives
     * the right to object only to processing on Art. 6(1)(e) or (f), and Art. 21(2) to direct marketing on any basis.
     */
    NO_RIGHT_TO_OBJECT("Art. 21(1) gives a right to object only to processing on Art. 6(1)(e) or (f), and Art. 21(2)"
        + " to direct marketing on any basis; this purpose is neither"),
    /** Legal claims were asserted for a purpose not declared as the establishment, exercise or defence of them. */
    NOT_FOR_LEGAL_CLAIMS("the purpose is not declared as the establishment, exercise or defence of legal claims"
        + " (Art. 21(1)); record compelling legitimate grounds instead"),
    /** Grounds were to be recorded by the data subject or a system: they are the controller's, through its staff. */
    RECORDER_NOT_STAFF("the controller demonstrates the grounds (Art. 21(1)): a staff user authorised in the register"
        + " of authorised persons records them, never the data subject or a system"),
    /**
     * Grounds were to be recorded for a purpose that declares no data categories, so the register of authorised
     * persons cannot show that the recorder may process its data.
     */
    NO_DATA_CATEGORIES("the purpose declares no data categories, so the register of authorised persons cannot show"
        + " that the recorder may process its data; declare them (Art. 30(1)(c))");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }
}
