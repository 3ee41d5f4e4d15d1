package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The right a data subject exercises with a request.
 *
 * <p>Usage example: <pre>{@code gdpr.requests().receive(alice, RequestKind.ERASURE, Actor.subject());}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RequestKind {
  /** Access to the subject's personal data and information about its processing (Art. 15 GDPR). */
  ACCESS("access your personal data", "Art. 15"),
  /** The subject's data in a structured, machine-readable format (Art. 20 GDPR). */
  PORTABILITY("receive your personal data in a portable format", "Art. 20"),
  /** Erasure, the "right to be forgotten" (Art. 17 GDPR). */
  ERASURE("erase your personal data", "Art. 17"),
  /** Correction of inaccurate or completion of incomplete data (Art. 16 GDPR). */
  RECTIFICATION("rectify your personal data", "Art. 16"),
  /** Restriction of processing: data kept but not processed (Art. 18 GDPR). */
  RESTRICTION("restrict the processing of your personal data", "Art. 18"),
  /** Objection to processing, absolute for direct marketing (Art. 21 GDPR). */
  OBJECTION("object to the processing of your personal data", "Art. 21");

  private final String description;
  private final String article;

  RequestKind(String description, String article) {
    this.description = description;
    this.article = article;
  }

  /** Returns what the subject asked for, addressed to them, as in "your request to ...". */
  public String description() {
    return description;
  }

  /** Returns the article of the GDPR that grants the right, such as {@code Art. 15}. */
  public String article() {
    return article;
  }
}
