package io.gdprkit.request.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Sends e-mail for gdpr-kit, such as the identity verification of a subject request; the host implements it over
 * its mail system.
 *
 * <p><b>Warning:</b> hand the message to a queue or an outbox and return, rather than talking to the mail server
 * while the caller waits. A request for a subject without an address on record sends nothing, and a call that
 * returns much sooner for those subjects would tell a requester which subjects exist. Failures of {@link #send} are
 * logged, not passed on, for the same reason.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().mailer(message -> outbox.enqueue(message.to().value(PersonalDataAccess.unredacted()), message.subject(), message.body()))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Mailer {

  /** Sends the message, or queues it for sending. */
  void send(MailMessage message);
}
