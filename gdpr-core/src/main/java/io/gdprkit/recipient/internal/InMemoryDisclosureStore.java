package io.gdprkit.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.transaction.LocalTransactions;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Keeps the log and the notifications in insertion-ordered lists and maps under one lock; a subject's entries are
 * few, and scans are acceptable for an in-memory store. Notification leases are compared with the injected clock.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryDisclosureStore implements DisclosureStore, InMemoryStore {

  private final Clock clock;
  private final List<Disclosure> log = new ArrayList<>();
  private final Map<UUID, Notification> notifications = new LinkedHashMap<>();
  private final Map<UUID, Lease> leases = new HashMap<>();

  private record Lease(String owner, Instant until) {}

  public InMemoryDisclosureStore(Clock clock) {
    this.clock = Preconditions.notNull(clock, "clock");
  }

  @Override
  public synchronized void append(Disclosure disclosure) {
    Preconditions.notNull(disclosure, "disclosure");
    Preconditions.check(disclosure.subject() != null, "disclosure subject", "must be present when appended");
    log.add(disclosure);
    LocalTransactions.onRollback(() -> {
      synchronized (this) {
        log.remove(disclosure);
      }
    });
  }

  @Override
  public synchronized List<Disclosure> bySubject(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return log.stream().filter(d -> subject.equals(d.subject())).toList();
  }

  @Override
  public synchronized List<Disclosure> bySubject(SubjectId subject, int offset, int limit) {
    Preconditions.notNull(subject, "subject");
    Preconditions.check(offset >= 0, "offset", "must not be negative");
    Preconditions.positive(limit, "limit");
    return log.stream().filter(d -> subject.equals(d.subject())).skip(offset).limit(limit).toList();
  }

  @Override
  public synchronized List<Disclosure> byPseudonym(String subjectPseudonym) {
    Preconditions.notNull(subjectPseudonym, "subjectPseudonym");
    return log.stream().filter(d -> d.subjectPseudonym().equals(subjectPseudonym)).toList();
  }

  @Override
  public synchronized int pseudonymise(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    int changed = 0;
    for (int i = 0; i < log.size(); i++) {
      if (subject.equals(log.get(i).subject())) {
        log.set(i, log.get(i).pseudonymised());
        changed++;
      }
    }
    return changed;
  }

  @Override
  public synchronized void saveNotification(Notification notification) {
    Preconditions.notNull(notification, "notification");
    notifications.put(notification.id(), notification);
  }

  @Override
  public synchronized Optional<Notification> notification(UUID id) {
    return Optional.ofNullable(notifications.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public synchronized List<Notification> notifications(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    return notifications.values().stream().filter(n -> subject.equals(n.subject())).toList();
  }

  @Override
  public synchronized List<Notification> notificationsByPseudonym(String subjectPseudonym) {
    Preconditions.notNull(subjectPseudonym, "subjectPseudonym");
    return notifications.values().stream().filter(n -> n.subjectPseudonym().equals(subjectPseudonym)).toList();
  }

  @Override
  public synchronized List<Notification> undelivered(int limit) {
    Preconditions.positive(limit, "limit");
    return notifications.values().stream().filter(Notification::undelivered).limit(limit).toList();
  }

  @Override
  public synchronized List<Notification> claimUndelivered(String owner, Instant leaseUntil, int limit) {
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Preconditions.positive(limit, "limit");
    Instant now = clock.instant();
    List<Notification> claimed = new ArrayList<>();
    for (Notification notification : notifications.values()) {
      if (claimed.size() == limit) {
        break;
      }
      Lease lease = leases.get(notification.id());
      if (notification.undelivered() && (lease == null || !lease.until().isAfter(now))) {
        leases.put(notification.id(), new Lease(owner, leaseUntil));
        claimed.add(notification);
      }
    }
    return claimed;
  }

  @Override
  public synchronized Optional<Notification> claimNotification(UUID id, String owner, Instant leaseUntil) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    Preconditions.notNull(leaseUntil, "leaseUntil");
    Notification notification = notifications.get(id);
    Lease lease = leases.get(id);
    if (notification == null
        || lease != null && lease.until().isAfter(clock.instant()) && !lease.owner().equals(owner)) {
      return Optional.empty();
    }
    leases.put(id, new Lease(owner, leaseUntil));
    return Optional.of(notification);
  }

  @Override
  public synchronized boolean completeNotification(Notification outcome, String owner) {
    Preconditions.notNull(outcome, "outcome");
    Preconditions.notBlank(owner, "owner");
    Lease lease = leases.get(outcome.id());
    if (lease == null || !lease.owner().equals(owner) || !notifications.containsKey(outcome.id())) {
      return false;
    }
    notifications.put(outcome.id(), outcome);
    leases.remove(outcome.id());
    return true;
  }

  @Override
  public synchronized boolean releaseNotification(UUID id, String owner) {
    Preconditions.notNull(id, "id");
    Preconditions.notBlank(owner, "owner");
    Lease lease = leases.get(id);
    if (lease == null || !lease.owner().equals(owner)) {
      return false;
    }
    leases.remove(id);
    return true;
  }
}
