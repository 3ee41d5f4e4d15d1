package io.gdprkit.decision;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Why a decision came out as it did.
 *
 * <p>Usage example: <pre>{@code if (d.reason() == DecisionReason.CONSENT_EXPIRED) askAgain(alice);}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum DecisionReason {
  /** Allowed: the purpose needs consent and the subject's consent is granted and unexpired. */
  CONSENT_GIVEN(true),
  /** Allowed: the purpose rests on a basis other than consent, and nothing stands against it. */
  LEGAL_BASIS(true),
  /** Allowed: the subject objected, and the controller recorded compelling legitimate grounds (Art. 21(1)). */
  COMPELLING_GROUNDS(true),
  /** Denied: processing of the subject is restricted (Art. 18). */
  RESTRICTED(false),
  /**
   * Denied: the subject objected to the purpose (Art. 21(1)), or to direct marketing, which stops every
   * direct-marketing purpose whatever its basis (Art. 21(2)–(3)).
   */
  OBJECTED(false),
  /** Denied: the purpose needs consent and the subject never gave it. */
  NO_CONSENT(false),
  /** Denied: the subject withdrew consent. */
  CONSENT_WITHDRAWN(false),
  /** Denied: the consent's validity ran out; ask again (re-permission). */
  CONSENT_EXPIRED(false),
  /** Denied: a double opt-in is waiting for the subject's confirmation. */
  CONSENT_PENDING(false),
  /** Denied: the purpose needs the profiling switch and the subject's is off. */
  PROFILING_OFF(false),
  /** Denied: the purpose needs the tracking switch and the subject's is off. */
  TRACKING_OFF(false),
  /**
   * Allowed: the subject objected, and the controller recorded that the processing is needed for the establishment,
   * exercise or defence of legal claims (Art. 21(1)).
   */
  LEGAL_CLAIMS(true);

  private final boolean allows;

  DecisionReason(boolean allows) {
    this.allows = allows;
  }

  /** Returns whether a decision for this reason allows processing. */
  public boolean allows() {
    return allows;
  }
}
