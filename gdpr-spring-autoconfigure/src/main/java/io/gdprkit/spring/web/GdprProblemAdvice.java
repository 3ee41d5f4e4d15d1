package io.gdprkit.spring.web;

import io.gdprkit.GdprException;
import io.gdprkit.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure of the admin endpoints with an RFC 9457 problem detail: the kit's {@link GdprException}s by
 * {@link ProblemTypes}, Spring MVC's own (malformed JSON, invalid fields, wrong parameter types) with a fixed text.
 *
 * <p>No problem detail carries a value the caller sent, a request path (which names the subject) or the message of
 * an exception that is not the kit's: any of them may hold personal data. Its {@code instance} is a random
 * {@code urn:uuid:} naming the occurrence, which the log line of a server failure names too. Log lines name exception
 * classes only.
 */
@RestControllerAdvice(basePackageClasses = GdprProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class GdprProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(GdprProblemAdvice.class);

  @ExceptionHandler(GdprException.class)
  ResponseEntity<ProblemDetail> kitFailure(GdprException failure) {
    HttpStatus status = ProblemTypes.status(failure);
    // The kit's messages name ids, purposes and states only, never personal data: safe to show and to log.
    ProblemDetail problem = problem(status, ProblemTypes.type(failure).toString(), failure.getMessage());
    if (failure instanceof InvalidInputException invalid) {
      problem.setProperty("field", invalid.field());
    }
    ResponseEntity<ProblemDetail> response = respond(problem, new HttpHeaders(), status);
    if (status.is5xxServerError()) {
      LOG.warn("gdpr admin endpoint failed with {} ({}): {}", failure.getClass().getName(), problem.getInstance(),
          failure.getMessage());
    }
    return response;
  }

  @ExceptionHandler(RequestSizeFilter.TooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(RequestSizeFilter.TooLargeException failure) {
    return respond(tooLargeProblem(), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE);
  }

  /** Anything else is a bug: answered without its message, which nobody checked for personal data. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException failure) {
    ResponseEntity<ProblemDetail> response = respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "the request failed; the server's log names the kind of failure"), new HttpHeaders(),
        HttpStatus.INTERNAL_SERVER_ERROR);
    LOG.error("gdpr admin endpoint failed unexpectedly with {} ({})", failure.getClass().getName(),
        response.getBody() == null ? null : response.getBody().getInstance());
    return response;
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception failure, @Nullable Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (RequestSizeFilter.causedBy(failure)) {
      return respond(tooLargeProblem(), headers, HttpStatus.CONTENT_TOO_LARGE);
    }
    ProblemDetail problem;
    if (failure instanceof MethodArgumentNotValidException invalid) {
      problem = problem(status, "invalid-fields", "the request body has invalid fields");
      List<Map<String, String>> errors = new ArrayList<>();
      for (ObjectError error : invalid.getBindingResult().getAllErrors()) {
        errors.add(error(error instanceof FieldError field ? field.getField() : error.getObjectName(),
            error.getDefaultMessage()));
      }
      problem.setProperty("errors", errors);
    } else if (failure instanceof HandlerMethodValidationException invalid) {
      problem = problem(status, "invalid-parameters", "the request has invalid parameters");
      List<Map<String, String>> errors = new ArrayList<>();
      invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(
          error -> errors.add(error(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
      problem.setProperty("errors", errors);
    } else if (failure instanceof HttpMessageNotReadableException) {
      // Jackson's message quotes the body it could not read: never shown.
      problem = problem(status, "malformed-body",
          "the request body is not valid JSON of the expected shape, or a field has the wrong type or value");
    } else if (failure instanceof TypeMismatchException mismatch) {
      problem = problem(status, "invalid-parameters",
          "parameter '" + mismatch.getPropertyName() + "' has the wrong type or format");
    } else if (failure instanceof MissingServletRequestParameterException missing) {
      problem = problem(status, "invalid-parameters", "parameter '" + missing.getParameterName() + "' is required");
    } else if (failure instanceof HttpMediaTypeNotSupportedException) {
      problem = problem(status, "unsupported-media-type", "send the request body as application/json");
    } else if (failure instanceof HttpRequestMethodNotSupportedException) {
      problem = problem(status, "method-not-allowed", "the endpoint does not support this method");
    } else {
      HttpStatus known = HttpStatus.resolve(status.value());
      problem = problem(status, "http-" + status.value(), known != null ? known.getReasonPhrase() : "request failed");
    }
    return respond(problem, headers, status);
  }

  private static ProblemDetail tooLargeProblem() {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
        "the request body is larger than gdpr.web.max-request-size allows");
  }

  private static ProblemDetail problem(HttpStatusCode status, String type, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type.startsWith("urn:") ? java.net.URI.create(type) : ProblemTypes.named(type));
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    return problem;
  }

  private static Map<String, String> error(String field, @Nullable String message) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message != null ? message : "is invalid");
    return error;
  }

  @SuppressWarnings("unchecked")
  private static <T> ResponseEntity<T> respond(ProblemDetail problem, HttpHeaders headers, HttpStatusCode status) {
    // Spring MVC would fill in the request path, which names the subject: an occurrence id names nobody.
    problem.setInstance(java.net.URI.create("urn:uuid:" + java.util.UUID.randomUUID()));
    HttpHeaders copy = new HttpHeaders();
    copy.putAll(headers);
    copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return (ResponseEntity<T>) new ResponseEntity<Object>(problem, copy, status);
  }
}
