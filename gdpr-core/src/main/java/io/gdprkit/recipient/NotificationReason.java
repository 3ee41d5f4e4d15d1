package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Why a recipient is told about a subject (Art. 19, and Art. 17(2) for data made public).
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
  RESTRICTED,
  /**
   * The subject's data that the controller had made public was erased, and the recipient, a controller that processes
   * it, is asked to erase any links to, copies or replications of it (Art. 17(2)); the details name the purpose, where
   * it was published, the categories and the scope.
   *
   * @since 0.2
   */
  ERASURE_REQUESTED
}
