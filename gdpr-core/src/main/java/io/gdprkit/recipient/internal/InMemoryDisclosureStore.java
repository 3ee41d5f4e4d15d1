package io.gdprkit.recipient.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Notification;
import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.subject.SubjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Keeps the log and the notifications in insertion-ordered lists and maps under one lock; a subject's entries are
 * few, and scans are acceptable for an in-memory store.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryDisclosureStore implements DisclosureStore, InMemoryStore {

  private final List<Disclosure> log = new ArrayList<>();
  private final Map<UUID, Notification> notifications = new LinkedHashMap<>();

  @Override
  public synchronized void append(Disclosure disclosure) {
    Preconditions.notNull(disclosure, "disclosure");
    Preconditions.check(disclosure.subject() != null, "disclosure subject", "must be present when appended");
    log.add(disclosure);
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
}
