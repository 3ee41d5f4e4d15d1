package io.gdprkit.consent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a subject's objection (Art. 21) to one purpose stands.
 *
 * <p>Usage example: <pre>{@code if (snapshot.objection("lead-scoring") == ObjectionStatus.OBJECTED) skip();}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ObjectionStatus {
  /** The subject objected; processing for the purpose stops. */
  OBJECTED,
  /**
   * The controller recorded compelling legitimate grounds that override the objection (Art. 21(1));
   * never possible for direct marketing (Art. 21(3)).
   */
  OVERRIDDEN,
  /** The subject withdrew the objection. */
  WITHDRAWN,
  /**
   * The controller recorded that processing for the purpose is needed for the establishment, exercise or defence of
   * legal claims, which continues it despite the objection (Art. 21(1)); only for a purpose declared as such
   * ({@link io.gdprkit.purpose.Purpose#legalClaims()}), never for direct marketing (Art. 21(3)).
   */
  LEGAL_CLAIMS
}
