package io.gdprkit.spring.selfservice;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A self-service request refused before the kit was asked anything: the answer is an RFC 9457 problem detail of
 * {@link #status()} and {@link #type()}; the message holds no personal data and never the token.
 */
final class SelfServiceProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The prefix of every problem type URI of gdpr-kit. */
  static final String TYPE_PREFIX = "urn:gdpr-kit:problem:";

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final Duration retryAfter;

  private SelfServiceProblem(HttpStatus status, String type, String title, String detail, Duration retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.type = TYPE_PREFIX + type;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  static SelfServiceProblem rateLimited(Duration retryAfter) {
    return new SelfServiceProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
        "This link was used too often; try again later.", retryAfter);
  }

  static SelfServiceProblem tooLarge(long max) {
    return new SelfServiceProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
        "The request body must be at most " + max + " bytes.", Duration.ZERO);
  }

  static SelfServiceProblem malformed(String detail) {
    return new SelfServiceProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail,
        Duration.ZERO);
  }

  static SelfServiceProblem unsupportedMediaType(String expected) {
    return new SelfServiceProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        "Unsupported media type", "The request body must be " + expected + ".", Duration.ZERO);
  }

  HttpStatus status() {
    return status;
  }

  String type() {
    return type;
  }

  String title() {
    return title;
  }

  /** Returns how long to wait before retrying, or zero when retrying at once cannot help or is not limited. */
  Duration retryAfter() {
    return retryAfter;
  }
}
