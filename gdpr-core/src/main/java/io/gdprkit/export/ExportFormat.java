package io.gdprkit.export;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The file formats an export is written in; both are UTF-8.
 *
 * <p>Usage example: <pre>{@code gdpr.exports().write(alice, ExportFormat.CSV, out);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ExportFormat {
  /** One structured JSON document with every section of the export; {@link PortabilityReader} reads it back. */
  JSON,
  /**
   * A flat RFC 4180 file with one row per data item, for a spreadsheet; see {@link ExportService} for the columns
   * and how consent events and source tags become rows.
   */
  CSV
}
