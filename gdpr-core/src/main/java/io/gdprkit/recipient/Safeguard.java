package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What makes a transfer to a recipient outside the EEA lawful when its country has no adequacy decision
 * (Art. 46, 47, 49), or confirms a recipient is inside a partial adequacy decision.
 *
 * <p>Usage example: <pre>{@code recipient.withSafeguard(Safeguard.STANDARD_CONTRACTUAL_CLAUSES, "SCC module 2, signed 2025-03-01")}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Safeguard {
  /** None documented. */
  NONE,
  /**
   * The recipient is within the scope of a partial adequacy decision, such as an organisation certified under the
   * EU-US Data Privacy Framework or a Canadian organisation under PIPEDA.
   */
  ADEQUACY_SCOPE,
  /** Standard data protection clauses adopted by the Commission (Art. 46(2)(c)). */
  STANDARD_CONTRACTUAL_CLAUSES,
  /** Binding corporate rules approved by a supervisory authority (Art. 47). */
  BINDING_CORPORATE_RULES,
  /** An approved code of conduct with binding commitments (Art. 46(2)(e)). */
  CODE_OF_CONDUCT,
  /** An approved certification mechanism with binding commitments (Art. 46(2)(f)). */
  CERTIFICATION,
  /** Contractual clauses authorised by the supervisory authority (Art. 46(3)(a)). */
  AUTHORISED_CLAUSES,
  /** A derogation for a specific situation, such as explicit consent or a contract (Art. 49(1)). */
  DEROGATION
}
