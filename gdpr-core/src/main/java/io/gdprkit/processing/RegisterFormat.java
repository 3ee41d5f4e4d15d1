package io.gdprkit.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The formats the records of processing export to: written and electronic form, as Art. 30(3) requires, for the
 * supervisory authority on request (Art. 30(4)).
 *
 * <p>Usage example: <pre>{@code gdpr.processingRecords().export(RegisterFormat.MARKDOWN, out)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RegisterFormat {
  /** One JSON document: the controller, the activities, then the processor's records (Art. 30(2)); for tools. */
  JSON,
  /**
   * A flat RFC 4180 file, one row per activity, lists joined by {@code "; "}; for spreadsheets. The controller's
   * details and the processor's records (Art. 30(2)) are not in it: it holds the controller's activities only.
   */
  CSV,
  /** A Markdown document, a section per activity and per processor's record; for people and for the authority. */
  MARKDOWN
}
