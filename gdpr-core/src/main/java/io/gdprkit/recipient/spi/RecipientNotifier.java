package io.gdprkit.recipient.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.Recipient;
import org.apiguardian.api.API;

/**
 * Tells a recipient that a subject whose data it received was rectified, erased or restricted (Art. 19): by
 * e-mail to its contact, through its API, or as a task for staff. The host implements it.
 *
 * <p>Return normally only when the recipient (or a durable queue towards it) has the message; throw otherwise. A
 * thrown exception is recorded on the notification (its class only, as messages may carry personal data) and the
 * notification is sent again by {@code retryNotifications()}. Delivery is at least once: use
 * {@link Notification#id()} to drop repeats. Called outside any lock, possibly from several threads.
 *
 * <p>Usage example: <pre>{@code
 * GdprKit.builder().recipientNotifier((recipient, n) ->
 *     mail.send(recipient.contact(), "Art. 19: " + n.reason() + " of subject " + n.subject().value(), n.id()))
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RecipientNotifier {

  /**
   * Delivers the notification to the recipient; the notification names the subject by id.
   *
   * @throws RuntimeException if it could not be delivered; the kit records it and retries later
   */
  void deliver(Recipient recipient, Notification notification);
}
