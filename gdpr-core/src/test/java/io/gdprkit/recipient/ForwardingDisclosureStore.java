package io.gdprkit.recipient;

import io.gdprkit.recipient.spi.DisclosureStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Passes every call to an in-memory store; tests override a method to watch it or make it fail. */
public class ForwardingDisclosureStore implements DisclosureStore {

  final DisclosureStore delegate = DisclosureStore.inMemory();

  @Override
  public void append(Disclosure disclosure) {
    delegate.append(disclosure);
  }

  @Override
  public List<Disclosure> bySubject(SubjectId subject) {
    return delegate.bySubject(subject);
  }

  @Override
  public List<Disclosure> bySubject(SubjectId subject, int offset, int limit) {
    return delegate.bySubject(subject, offset, limit);
  }

  @Override
  public List<Disclosure> byPseudonym(String subjectPseudonym) {
    return delegate.byPseudonym(subjectPseudonym);
  }

  @Override
  public int pseudonymise(SubjectId subject) {
    return delegate.pseudonymise(subject);
  }

  @Override
  public void saveNotification(Notification notification) {
    delegate.saveNotification(notification);
  }

  @Override
  public Optional<Notification> notification(UUID id) {
    return delegate.notification(id);
  }

  @Override
  public List<Notification> notifications(SubjectId subject) {
    return delegate.notifications(subject);
  }

  @Override
  public List<Notification> notificationsByPseudonym(String subjectPseudonym) {
    return delegate.notificationsByPseudonym(subjectPseudonym);
  }

  @Override
  public List<Notification> undelivered(int limit) {
    return delegate.undelivered(limit);
  }

  @Override
  public List<Notification> claimUndelivered(String owner, Instant leaseUntil, int limit) {
    return delegate.claimUndelivered(owner, leaseUntil, limit);
  }

  @Override
  public Optional<Notification> claimNotification(UUID id, String owner, Instant leaseUntil) {
    return delegate.claimNotification(id, owner, leaseUntil);
  }

  @Override
  public boolean completeNotification(Notification outcome, String owner) {
    return delegate.completeNotification(outcome, owner);
  }

  @Override
  public boolean releaseNotification(UUID id, String owner) {
    return delegate.releaseNotification(id, owner);
  }
}
