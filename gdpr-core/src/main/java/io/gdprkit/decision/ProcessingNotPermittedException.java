package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Thrown by {@link Guard#require} when processing a subject's data for a purpose is not permitted.
 *
 * <p>Usage example: <pre>{@code
 * try { gdpr.guard().require(alice, "profiling"); score(alice); }
 * catch (ProcessingNotPermittedException e) { log.info("skipped: {}", e.decision().reason()); }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class ProcessingNotPermittedException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final SubjectId subject;
  private final String purpose;
  private final transient Decision decision;

  private ProcessingNotPermittedException(SubjectId subject, String purpose, Decision decision) {
    super("processing subject " + Messages.quote(subject) + " for purpose " + Messages.quote(purpose)
        + " is not permitted: " + decision.reason());
    this.subject = subject;
    this.purpose = purpose;
    this.decision = decision;
  }

  /** Creates the exception from a denying decision. */
  public static ProcessingNotPermittedException of(SubjectId subject, String purpose, Decision decision) {
    return new ProcessingNotPermittedException(subject, purpose, decision);
  }

  /** Returns the subject. */
  public SubjectId subject() {
    return subject;
  }

  /** Returns the purpose's id. */
  public String purpose() {
    return purpose;
  }

  /** Returns the denying decision, with its reason. */
  public Decision decision() {
    return decision;
  }
}
