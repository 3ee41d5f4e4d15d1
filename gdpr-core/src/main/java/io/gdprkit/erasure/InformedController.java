package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.purpose.DataCategory;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A controller that an erasure informed, because the controller had made the data public and the other controller
 * processes it (Art. 17(2)): it was asked to erase any links to, copies or replications of that data.
 *
 * <p>The request is an Art. 17(2) notification ({@code NotificationReason.ERASURE_REQUESTED}) in the recipients'
 * outbox under {@link #notice()}, delivered at least once through the host's {@code RecipientNotifier}; its delivery
 * state is in {@code gdpr.recipients().undeliveredNotifications(..)} until delivered.
 *
 * <p>Usage example: <pre>{@code report.controllersInformed().forEach(c -> log.info("{} asked at {}", c.controller(), c.at()));}</pre>
 *
 * @param controller the recipient id of the controller
 * @param notice the id of the notification that carries the request, also its idempotency key
 * @param purpose the purpose for which the data had been made public
 * @param where where it had been published
 * @param categories the data categories it was asked to erase
 * @param at when the request was made
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record InformedController(String controller, UUID notice, String purpose, String where,
    Set<DataCategory> categories, Instant at) {

  /** What every informed controller is asked, in the words of Art. 17(2). */
  public static final String REQUEST = "erase any links to, copies or replications of the personal data";

  /** Validates the fields and copies the categories. */
  public InformedController {
    Preconditions.identifier(controller, "controller", 64);
    Preconditions.notNull(notice, "notice");
    Preconditions.notBlank(purpose, "purpose");
    Preconditions.text(where, "where", 300);
    Preconditions.notNull(categories, "categories");
    Preconditions.check(!categories.isEmpty(), "categories", "must name at least one data category");
    categories = Set.copyOf(categories);
    Preconditions.notNull(at, "at");
  }

  /** Returns what the controller was asked to do, in the words of Art. 17(2). */
  public String request() {
    return REQUEST;
  }
}
