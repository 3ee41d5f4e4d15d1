package io.gdprkit.recipient.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.internal.InMemoryDisclosureStore;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Stores the disclosure log and the notifications to recipients. Implementations must be thread-safe.
 *
 * <p>The log is append-only but for one change: erasure replaces the subject's id by nothing in its entries
 * ({@link #pseudonymise}), keeping the pseudonym. Notifications are an outbox: saved before they are sent, updated
 * with the outcome. Notifications are sent under a lease, so that kit instances sharing the store send each one once:
 * a sender claims it ({@link #claimUndelivered}, {@link #claimNotification}), delivers, and saves the outcome with
 * {@link #completeNotification}; a sender that died leaves a lease that runs out, after which another instance takes
 * the notification over. A database maps {@code claimUndelivered} to
 * {@code SELECT … FOR UPDATE SKIP LOCKED} plus setting owner and lease end, in one transaction.
 *
 * <p>Every implementation should pass {@code DisclosureStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().disclosureStore(DisclosureStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DisclosureStore {

  /** Returns a new store that keeps the log in this JVM's memory and reads lease time from the system clock. */
  static DisclosureStore inMemory() {
    return new InMemoryDisclosureStore(Clock.systemUTC());
  }

  /** Returns a new store that keeps the log in this JVM's memory and reads lease time from {@code clock}. */
  static DisclosureStore inMemory(Clock clock) {
    return new InMemoryDisclosureStore(clock);
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

  /** Returns up to {@code limit} notifications not delivered, in the order they were first saved; claims nothing. */
  List<Notification> undelivered(int limit);

  /**
   * Claims up to {@code limit} undelivered notifications whose lease is free or ran out, in the order they were
   * first saved, leasing them to {@code owner} until {@code leaseUntil}.
   *
   * @return the claimed notifications as stored
   * @throws io.gdprkit.InvalidInputException if {@code owner} is blank or {@code limit} is not positive
   */
  List<Notification> claimUndelivered(String owner, Instant leaseUntil, int limit);

  /**
   * Claims one notification, whatever its status, if its lease is free, ran out, or is already {@code owner}'s.
   *
   * @return the notification as stored, or empty if another owner holds it or it does not exist
   */
  Optional<Notification> claimNotification(UUID id, String owner, Instant leaseUntil);

  /**
   * Saves the outcome of a claimed notification and frees its lease, if {@code owner} still holds it (its lease may
   * have run out as long as no one took it over); else saves nothing.
   *
   * @return whether the outcome was saved
   */
  boolean completeNotification(Notification outcome, String owner);

  /**
   * Frees the lease of a notification that {@code owner} holds, saving nothing.
   *
   * @return whether {@code owner} held it
   */
  boolean releaseNotification(UUID id, String owner);
}
