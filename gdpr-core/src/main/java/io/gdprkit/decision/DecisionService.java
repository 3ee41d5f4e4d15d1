package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Decides whether a subject's data may be processed for a purpose now.
 *
 * <p>The answer comes from the store's materialised current state: one map lookup for the subject, one
 * for the purpose, no folding; an allowing decision allocates nothing. Thread-safe.
 *
 * <p>Usage example: <pre>{@code if (gdpr.decisions().decide(alice, "newsletter").allowed()) send(alice);}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface DecisionService {

  /**
   * Returns the decision for a subject and purpose at the kit clock's current time.
   *
   * @throws UnknownPurposeException if the purpose is not declared
   */
  Decision decide(SubjectId subject, String purpose);
}
