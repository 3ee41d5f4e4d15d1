package io.gdprkit.retention;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A re-permission campaign: a set of subjects asked for a new consent for one purpose; whoever has not given it
 * by the deadline is erased by the sweep.
 *
 * <p>Usage example: <pre>{@code Campaign c = gdpr.retention().startCampaign("2026-relaunch", "newsletter", leads, Duration.ofDays(30), invite);}</pre>
 *
 * @param id the campaign's id
 * @param purpose the consent purpose asked for
 * @param startedAt when the subjects were asked
 * @param deadline when the sweep erases those who did not answer
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Campaign(String id, String purpose, Instant startedAt, Instant deadline) {

  /** Validates the fields. */
  public Campaign {
    Preconditions.identifier(id, "campaign id", 64);
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.notNull(startedAt, "startedAt");
    Preconditions.notNull(deadline, "deadline");
    Preconditions.check(deadline.isAfter(startedAt), "deadline", "must be after the start");
  }
}
