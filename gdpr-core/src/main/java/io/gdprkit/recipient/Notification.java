package io.gdprkit.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One message to a recipient that received a subject's data, telling it of a rectification, erasure or
 * restriction (Art. 19), with its delivery state.
 *
 * <p>The notification is recorded before it is sent, so a crash or a failing notifier leaves it pending or failed
 * and {@code retryNotifications()} sends it again: delivery is at least once, and the id lets a recipient drop a
 * repeat. An erasure notification keeps the subject's id only until it is delivered; then it names the subject by
 * pseudonym only; a rectification or restriction notice still undelivered when the subject is erased in full is
 * {@linkplain NotificationStatus#SUPERSEDED superseded} by the erasure notice.
 *
 * <p>Usage example: <pre>{@code gdpr.recipients().notifications(alice).forEach(n -> print(n.recipient(), n.reason(), n.status()));}</pre>
 *
 * @param id the notification's id, also an idempotency key for the recipient
 * @param tenant the subject's tenant
 * @param subject the subject, or {@code null} once an erased subject's notification was delivered or superseded
 * @param subjectPseudonym the subject as a keyed pseudonym
 * @param recipient the recipient's id
 * @param reason why the recipient is told
 * @param details what changed: provider and field, or the erasure scope; no personal data
 * @param status where delivery stands
 * @param attempts how many times the notifier was called
 * @param lastError the class of the notifier's last failure, or {@code null}
 * @param createdAt when it was recorded
 * @param deliveredAt when the notifier accepted it, or {@code null}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Notification(UUID id, TenantId tenant, @Nullable SubjectId subject, String subjectPseudonym,
    String recipient, NotificationReason reason, Map<String, String> details, NotificationStatus status,
    int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {

  /** Validates the fields, checks that the status agrees with them, and copies the details in key order. */
  public Notification {
    Preconditions.notNull(id, "id");
    Preconditions.notNull(tenant, "tenant");
    Preconditions.check(subject == null || subject.tenant().equals(tenant), "subject", "must be of the tenant");
    Preconditions.text(subjectPseudonym, "subject pseudonym", 200);
    Preconditions.identifier(recipient, "recipient id", 64);
    Preconditions.notNull(reason, "reason");
    Preconditions.notNull(details, "details");
    details.forEach((key, value) -> {
      Preconditions.text(key, "detail key", 100);
      Preconditions.text(value, "detail value", 300);
    });
    details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    Preconditions.notNull(status, "status");
    Preconditions.check(attempts >= 0, "attempts", "must not be negative");
    Preconditions.notNull(createdAt, "createdAt");
    Preconditions.check((status == NotificationStatus.DELIVERED) == (deliveredAt != null), "deliveredAt",
        "must be present exactly when delivered");
    Preconditions.check(status != NotificationStatus.FAILED || lastError != null, "lastError",
        "must be present when failed");
    Preconditions.check(subject != null || !undelivered(status), "subject",
        "may only be cleared once delivered or superseded");
  }

  /** Returns a new pending notification. */
  public static Notification pending(UUID id, SubjectId subject, String subjectPseudonym, String recipient,
      NotificationReason reason, Map<String, String> details, Instant createdAt) {
    Preconditions.notNull(subject, "subject");
    return new Notification(id, subject.tenant(), subject, subjectPseudonym, recipient, reason, details,
        NotificationStatus.PENDING, 0, null, createdAt, null);
  }

  /** Returns a copy marked delivered at {@code at}, one attempt more. */
  public Notification delivered(Instant at) {
    return new Notification(id, tenant, subject, subjectPseudonym, recipient, reason, details,
        NotificationStatus.DELIVERED, attempts + 1, lastError, createdAt, at);
  }

  /** Returns a copy marked failed with the class of the failure, one attempt more. */
  public Notification failed(String error) {
    return new Notification(id, tenant, subject, subjectPseudonym, recipient, reason, details,
        NotificationStatus.FAILED, attempts + 1, error, createdAt, null);
  }

  /** Returns a copy marked superseded by the subject's erasure, naming the subject by pseudonym only. */
  public Notification superseded() {
    return new Notification(id, tenant, null, subjectPseudonym, recipient, reason, details,
        NotificationStatus.SUPERSEDED, attempts, lastError, createdAt, null);
  }

  /** Returns a copy that names the subject by pseudonym only; only a delivered notification may drop the id. */
  public Notification pseudonymised() {
    return new Notification(id, tenant, null, subjectPseudonym, recipient, reason, details, status, attempts,
        lastError, createdAt, deliveredAt);
  }

  /** Returns whether the notifier has yet to accept it: it is pending or failed. */
  public boolean undelivered() {
    return undelivered(status);
  }

  private static boolean undelivered(NotificationStatus status) {
    return status == NotificationStatus.PENDING || status == NotificationStatus.FAILED;
  }
}
