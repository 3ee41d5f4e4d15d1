package io.gdprkit.preference;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A subject's standing on one topic, for a preference page.
 *
 * <p>Usage example: <pre>{@code gdpr.preferences().subscriptions(alice).forEach(s -> render(s.topic().name(), s.subscribed()));}</pre>
 *
 * @param topic the topic
 * @param subscribed whether the backing consent is granted and unexpired now
 * @param status the backing consent's status now, or {@code null} if it never had one
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record Subscription(Topic topic, boolean subscribed, @Nullable ConsentStatus status) {

  /** Validates the fields. */
  public Subscription {
    Preconditions.notNull(topic, "topic");
  }
}
