package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.decision.DecisionReason;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown when a subject's data may not be disclosed for a purpose now: processing is restricted, the subject
 * objected, or the purpose has no basis for the subject (no consent, withdrawn, expired, pending, a switch off);
 * nothing was logged.
 *
 * <p>Usage example: <pre>{@code catch (DisclosureRefusedException e) { if (e.reason() == DecisionReason.RESTRICTED) hold(e.subject()); }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DisclosureRefusedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String recipient;
  private final String purpose;
  private final DecisionReason reason;

  private DisclosureRefusedException(SubjectId subject, String recipient, String purpose, DecisionReason reason) {
    super("disclosure of subject " + subject + " to recipient " + Messages.quote(recipient) + " for purpose "
        + Messages.quote(purpose)
        + " refused: " + reason);
    this.subject = subject;
    this.recipient = recipient;
    this.purpose = purpose;
    this.reason = reason;
  }

  /** Creates the exception for a disclosure that the decision for the purpose denied. */
  public static DisclosureRefusedException of(SubjectId subject, String recipient, String purpose,
      DecisionReason reason) {
    return new DisclosureRefusedException(subject, recipient, purpose, reason);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the recipient's id. */
  public String recipient() {
    return recipient;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns why the decision for the purpose denied. */
  public DecisionReason reason() {
    return reason;
  }
}
