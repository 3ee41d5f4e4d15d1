package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.GdprException;
import io.gdprkit.internal.Messages;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Thrown when a notification to the supervisory authority is recorded after the 72-hour deadline without the
 * reasons for the delay that Art. 33(1) requires. Nothing is written.
 *
 * <p>Usage example: <pre>{@code gdpr.breaches().notifyAuthority(id, late, "Forensics needed to scope the breach", dpo)}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LateNotificationException extends GdprException {

  private static final long serialVersionUID = 1L;

  private final BreachId breach;
  private final Instant deadline;
  private final Instant notifiedAt;

  private LateNotificationException(BreachId breach, Instant deadline, Instant notifiedAt) {
    super("breach " + Messages.quote(breach) + " was notified to the authority at " + notifiedAt
        + ", after its deadline "
        + deadline + " (72 hours after awareness); give the reasons for the delay (Art. 33(1))");
    this.breach = breach;
    this.deadline = deadline;
    this.notifiedAt = notifiedAt;
  }

  /** Creates the exception. */
  public static LateNotificationException of(BreachId breach, Instant deadline, Instant notifiedAt) {
    return new LateNotificationException(breach, deadline, notifiedAt);
  }

  /** Returns the breach. */
  public BreachId breach() {
    return breach;
  }

  /** Returns the deadline that passed. */
  public Instant deadline() {
    return deadline;
  }

  /** Returns when the authority was notified. */
  public Instant notifiedAt() {
    return notifiedAt;
  }
}
