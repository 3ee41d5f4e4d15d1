package io.gdprkit.request;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How a subject request reached the controller, or how a notice reached the subject.
 *
 * <p>A request needs no form: the controller must facilitate it by whatever means it was made (Art. 12(2) GDPR), so
 * the channel is evidence of when and how it arrived.
 *
 * <p>Usage example: <pre>{@code RequestIntake.of(RequestChannel.EMAIL).withReference("TICKET-4711")}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RequestChannel {
  /** A form on the controller's web site or app. */
  WEB_FORM,
  /** An e-mail. */
  EMAIL,
  /** A letter by post. */
  POST,
  /** A telephone call. */
  PHONE,
  /** In person, such as at a shop counter. */
  IN_PERSON,
  /** A programmatic call, such as from a customer portal or a privacy-request platform. */
  API,
  /** Any other way. */
  OTHER
}
