package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Why a recipient is told about a subject (Art. 19).
 *
 * <p>Usage example: <pre>{@code if (notification.reason() == NotificationReason.ERASED) deleteAt(recipient);}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum NotificationReason {
  /** A field of the subject's data was rectified (Art. 16); the details name the provider and field. */
  RECTIFIED,
  /** The subject's data was erased (Art. 17(1)); the details name the scope. */
  ERASED,
  /** Processing of the subject's data was restricted (Art. 18). */
  RESTRICTED
}
