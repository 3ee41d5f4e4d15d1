package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Which right an export serves, and so what it holds.
 *
 * <p>Usage example: <pre>{@code gdpr.exports().write(alice, ExportKind.PORTABILITY, ExportFormat.JSON, out);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ExportKind {
  /**
   * Art. 15, right of access: every provider's data, the consent history with proofs, source tags, the purposes
   * and legal bases that apply, and retention periods.
   */
  ACCESS,
  /**
   * Art. 20, right to data portability: only data the subject provided, and only of categories processed on
   * consent or contract; no consent history, no sources.
   */
  PORTABILITY
}
