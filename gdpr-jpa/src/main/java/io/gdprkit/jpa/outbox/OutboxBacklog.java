package io.gdprkit.jpa.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What waits in the event outbox: how many rows, how many older than the threshold asked about, and the oldest, for a
 * monitor that alerts when the relay falls behind (a withdrawal that has not reached the mailing system is a
 * withdrawal not yet honoured, Art. 7(3)).
 *
 * <p>Usage example: <pre>{@code if (relay.backlog(Duration.ofMinutes(5)).stale() > 0) alert();}</pre>
 *
 * @param waiting the rows not yet relayed
 * @param stale the rows created before the threshold
 * @param oldest when the oldest waiting row was created, or {@code null} when none waits
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record OutboxBacklog(long waiting, long stale, @Nullable Instant oldest) {

  /** Returns when the oldest waiting row was created, if any waits. */
  public Optional<Instant> oldestCreated() {
    return Optional.ofNullable(oldest);
  }
}
