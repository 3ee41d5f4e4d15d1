package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A breach whose notification of the supervisory authority is due, with its deadline and whether it has passed
 * (Art. 33(1): "not later than 72 hours after having become aware of it"; when later, with the reasons for the delay).
 *
 * <p>Usage example: <pre>{@code gdpr.breaches().awaitingAuthorityNotification().stream().filter(AuthorityNotificationDue::overdue).forEach(this::escalate);}</pre>
 *
 * @param breach the breach, as stored
 * @param deadline 72 hours after the controller became aware of it
 * @param overdue whether the deadline had passed when the query ran; a notification now needs reasons for the delay
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuthorityNotificationDue(Breach breach, Instant deadline, boolean overdue) {

  /** Validates that the deadline is the breach's. */
  public AuthorityNotificationDue {
    Preconditions.notNull(breach, "breach");
    Preconditions.check(breach.deadline().equals(deadline), "deadline", "must be the breach's deadline");
  }

  /** Returns the entry for a breach at the time {@code now}. */
  public static AuthorityNotificationDue of(Breach breach, Instant now) {
    Preconditions.notNull(breach, "breach");
    return new AuthorityNotificationDue(breach, breach.deadline(), breach.isOverdueAt(now));
  }
}
