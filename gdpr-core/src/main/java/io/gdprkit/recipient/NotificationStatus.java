package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a notification to a recipient stands.
 *
 * <p>Usage example: <pre>{@code gdpr.recipients().undeliveredNotifications(100)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum NotificationStatus {
  /** Recorded, not yet sent. */
  PENDING,
  /** The notifier accepted it. */
  DELIVERED,
  /** The notifier failed; {@code retryNotifications()} sends it again. */
  FAILED,
  /**
   * Not sent, because the subject was erased in full before it was delivered; the erasure notification to the
   * same recipient replaces it.
   */
  SUPERSEDED
}
