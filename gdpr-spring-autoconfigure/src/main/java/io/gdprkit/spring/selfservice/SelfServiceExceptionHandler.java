package io.gdprkit.spring.selfservice;

import io.gdprkit.GdprException;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.preference.UnknownTopicException;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the self-service endpoints' failures with RFC 9457 problem details that say what to do and nothing about
 * the subject: every refused token gets the same 401, whatever the reason, and the kit's own refusals a generic 409.
 * Scoped to {@link SelfServiceController}, so the host's own error handling is untouched.
 */
@RestControllerAdvice(assignableTypes = SelfServiceController.class)
final class SelfServiceExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(SelfServiceExceptionHandler.class);

  @ExceptionHandler(InvalidTokenException.class)
  ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException refused) {
    // The reason goes to the log only: the answer for a forged, altered, expired or retired token must not differ.
    log.debug("self-service token refused: {}", refused.reason());
    ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "invalid-link", "Link not valid",
        "This link is not valid, or no longer valid. Ask for a new one.");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gdpr-self-service\", error=\"invalid_token\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(SelfServiceProblem.class)
  ResponseEntity<ProblemDetail> refused(SelfServiceProblem refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage());
    problem.setType(URI.create(refused.type()));
    problem.setTitle(refused.title());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (!refused.retryAfter().isZero()) {
      long seconds = Math.max(1L, (refused.retryAfter().toMillis() + 999L) / 1000L);
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
    return answer.body(problem);
  }

  @ExceptionHandler(UnknownTopicException.class)
  ResponseEntity<ProblemDetail> unknownTopic(UnknownTopicException unknown) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unknown-topic", "Unknown topic",
        "The request names a topic that does not exist.");
    problem.setProperty("topic", unknown.topic());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(GdprException.class)
  ResponseEntity<ProblemDetail> kitRefused(GdprException refused, HttpServletResponse response) {
    if (response.isCommitted()) {
      // An export failed after its first bytes went out: a problem written now would be appended to half a document.
      // Rethrown, the container ends the response without its last chunk, and the client sees a broken download.
      throw refused;
    }
    // The kit's messages hold no personal data, but the answer stays generic: whether a subject was erased,
    // restricted or is a child is not for the holder of a link to learn.
    log.warn("self-service request refused by the kit: {}", refused.getClass().getSimpleName());
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "not-possible", "Not possible",
        "The request could not be carried out. Contact us if it keeps failing.");
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(SelfServiceProblem.TYPE_PREFIX + type));
    problem.setTitle(title);
    return problem;
  }
}
