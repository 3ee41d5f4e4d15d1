package io.gdprkit.recipient.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.internal.InMemoryDisclosureStore;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Stores the disclosure log and the notifications to recipients. Implementations must be thread-safe.
 *
 * <p>The log is append-only but for one change: erasure replaces the subject's id by nothing in its entries
 * ({@link #pseudonymise}), keeping the pseudonym. Notifications are an outbox: saved before they are sent, updated
 * with the outcome.
 *
 * <p>Every implementation should pass {@code DisclosureStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().disclosureStore(DisclosureStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DisclosureStore {

  /** Returns a new store that keeps the log in this JVM's memory. */
  static DisclosureStore inMemory() {
    return new InMemoryDisclosureStore();
  }

  /**
   * Appends a disclosure.
   *
   * @throws io.gdprkit.InvalidInputException if the disclosure names no subject; only erasure clears it
   */
  void append(Disclosure disclosure);

  /** Returns the subject's disclosures that still name the subject, in append order. */
  List<Disclosure> bySubject(SubjectId subject);

  /**
   * Returns one page of {@link #bySubject}: up to {@code limit} of the subject's entries that still name it, after
   * skipping the first {@code offset}, in append order. Lets an export walk a long log in bounded memory; entries
   * appended while it pages come after the ones already read.
   *
   * @param offset how many of the subject's entries to skip, zero or more
   * @param limit the most entries to return, at least one
   * @throws io.gdprkit.InvalidInputException if {@code offset} is negative or {@code limit} is not positive
   */
  List<Disclosure> bySubject(SubjectId subject, int offset, int limit);

  /** Returns the disclosures under a subject pseudonym, pseudonymised or not, in append order. */
  List<Disclosure> byPseudonym(String subjectPseudonym);

  /**
   * Clears the subject's id from each of its disclosures, keeping the pseudonym; idempotent.
   *
   * @return how many entries were changed
   */
  int pseudonymise(SubjectId subject);

  /** Adds the notification or replaces the one with its id. */
  void saveNotification(Notification notification);

  /** Returns the notification with the id. */
  Optional<Notification> notification(UUID id);

  /** Returns the notifications that name the subject, in the order they were first saved. */
  List<Notification> notifications(SubjectId subject);

  /** Returns the notifications under a subject pseudonym, in the order they were first saved. */
  List<Notification> notificationsByPseudonym(String subjectPseudonym);

  /** Returns up to {@code limit} notifications not delivered, in the order they were first saved. */
  List<Notification> undelivered(int limit);
}
