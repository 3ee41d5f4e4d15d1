package io.gdprkit.jpa.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.NotificationReason;
import io.gdprkit.recipient.NotificationStatus;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code gdpr_notification}: an Art. 19 notice with its delivery state, in first-saved order ({@code seq},
 * filled by the database), whether it still waits for delivery (the claim index), and the lease of the instance
 * sending it.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
@Entity(name = "GdprNotification")
@Table(name = "gdpr_notification")
public class NotificationRow {

  /** The columns a save writes, in the order of {@link #values(Notification)}. */
  public static final String[] COLUMNS = {"id", "tenant", "subject", "subject_pseudonym", "recipient", "reason",
      "details", "status", "undelivered", "attempts", "last_error", "created_at", "delivered_at"};

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private @Nullable String id;

  /** Filled by the database (an identity column), in insert order. */
  @Column(name = "seq", nullable = false, insertable = false, updatable = false)
  private long seq;

  @Column(name = "tenant", length = 64, nullable = false)
  private @Nullable String tenant;

  @Column(name = "subject", length = 128)
  private @Nullable String subject;

  @Column(name = "subject_pseudonym", length = 200, nullable = false)
  private @Nullable String subjectPseudonym;

  @Column(name = "recipient", length = 64, nullable = false)
  private @Nullable String recipient;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason", length = 32, nullable = false)
  private @Nullable NotificationReason reason;

  /** JSON text, see {@link RecipientJson#details(java.util.Map)}. */
  @Column(name = "details", length = 65_535, nullable = false)
  private @Nullable String details;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 16, nullable = false)
  private @Nullable NotificationStatus status;

  /** Whether the status is pending or failed: what claims look for, first in the claim index. */
  @Column(name = "undelivered", nullable = false)
  private boolean undelivered;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 500)
  private @Nullable String lastError;

  @Column(name = "created_at", nullable = false)
  private @Nullable Instant createdAt;

  @Column(name = "delivered_at")
  private @Nullable Instant deliveredAt;

  @Column(name = "lease_owner", length = 200)
  private @Nullable String leaseOwner;

  @Column(name = "lease_until")
  private @Nullable Instant leaseUntil;

  @Column(name = "revision", nullable = false)
  private long revision;

  /** For JPA. */
  protected NotificationRow() {}

  /** Returns the values of {@link #COLUMNS} for {@code notification}, enums by name, nulls where absent. */
  public static Object[] values(Notification notification) {
    return new Object[] {notification.id().toString(), notification.tenant().value(),
        notification.subject() == null ? null : notification.subject().value(), notification.subjectPseudonym(),
        notification.recipient(), notification.reason().name(), RecipientJson.details(notification.details()),
        notification.status().name(), notification.undelivered(), notification.attempts(), notification.lastError(),
        notification.createdAt(), notification.deliveredAt()};
  }

  /** Returns the notification this row holds; the lease is the store's business, not the notification's. */
  public Notification toNotification() {
    TenantId tenantId = TenantId.of(tenant);
    return new Notification(UUID.fromString(id), tenantId, subject == null ? null : new SubjectId(tenantId, subject),
        subjectPseudonym, recipient, reason, RecipientJson.details(details), status, attempts, lastError, createdAt,
        deliveredAt);
  }
}
