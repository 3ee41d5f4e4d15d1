package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.purpose.UnknownPurposeException;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Stops processing that is not permitted by throwing, for code paths that must not go on.
 *
 * <p>Usage example: <pre>{@code gdpr.guard().require(alice, "profiling");  // throws if not permitted}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface Guard {

  /**
   * Returns normally when processing is allowed.
   *
   * @return the allowing decision
   * @throws ProcessingNotPermittedException if it is not, with the denying decision
   * @throws UnknownPurposeException if the purpose is not declared
   */
  Decision require(SubjectId subject, String purpose);
}
