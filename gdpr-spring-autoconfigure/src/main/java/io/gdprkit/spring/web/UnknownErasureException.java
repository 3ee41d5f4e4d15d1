package io.gdprkit.spring.web;

import io.gdprkit.GdprException;
import java.util.UUID;

/** Thrown when no kept erasure report has the job id asked for. */
final class UnknownErasureException extends GdprException {

  private static final long serialVersionUID = 1L;

  private UnknownErasureException(String message) {
    super(message);
  }

  /** Creates the exception for a job id; a job id names no person. */
  static UnknownErasureException of(UUID job) {
    return new UnknownErasureException("no completed erasure job has the id " + job);
  }
}
