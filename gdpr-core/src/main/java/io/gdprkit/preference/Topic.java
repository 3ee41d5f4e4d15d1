package io.gdprkit.preference;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.internal.Preconditions;
import org.apiguardian.api.API;

/**
 * A subscription topic a subject can opt into and out of, backed by one consent purpose.
 *
 * <p>Subscribing grants consent for the purpose and unsubscribing withdraws it, so the consent ledger
 * stays the single source of truth and {@code decide} answers for topics too. Each topic has its own
 * purpose: one unsubscribe never silently ends another topic.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().topic(Topic.of("offers", "Special offers", "marketing-offers"))}</pre>
 *
 * @param id the topic's id, used in tokens and preference pages
 * @param name the name shown to the subject
 * @param purpose the id of the consent purpose behind it
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public record Topic(String id, String name, String purpose) {

  /** Validates the fields. */
  public Topic {
    Preconditions.identifier(id, "topic id", 64);
    Preconditions.text(name, "topic name", 200);
    Preconditions.notBlank(purpose, "topic purpose");
  }

  /** Returns a topic. */
  public static Topic of(String id, String name, String purpose) {
    return new Topic(id, name, purpose);
  }
}
