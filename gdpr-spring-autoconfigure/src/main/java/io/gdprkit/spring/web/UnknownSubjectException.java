package io.gdprkit.spring.web;

import io.gdprkit.GdprException;

/** Thrown when the kit holds no consent, switch, restriction or objection record of the subject asked about. */
final class UnknownSubjectException extends GdprException {

  private static final long serialVersionUID = 1L;

  private UnknownSubjectException(String message) {
    super(message);
  }

  /** Creates the exception; the subject's id is not named, so the problem detail names nobody. */
  static UnknownSubjectException of() {
    return new UnknownSubjectException("the kit holds no consent, switch, restriction or objection record of this "
        + "subject");
  }
}
