package io.gdprkit.breach;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Bounds;
import io.gdprkit.internal.Preconditions;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The time window whose collected data a breach exposed, from which its affected subjects are derived.
 *
 * <p>Usage example: <pre>{@code ExposureWindow.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"))}</pre>
 *
 * @param from the start, inclusive
 * @param until the end, exclusive; after {@code from}
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ExposureWindow(Instant from, Instant until) {

  /** Validates that the window is not empty. */
  public ExposureWindow {
    Bounds.instant(from, "exposure from");
    Bounds.instant(until, "exposure until");
    Preconditions.check(until.isAfter(from), "exposure until", "must be after exposure from");
  }

  /** Returns a window. */
  public static ExposureWindow of(Instant from, Instant until) {
    return new ExposureWindow(from, until);
  }
}
