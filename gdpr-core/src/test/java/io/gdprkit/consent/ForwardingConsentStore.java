package io.gdprkit.consent;

import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Passes every call to another store; tests override a method to watch it, delay it or make it fail. */
public class ForwardingConsentStore implements ConsentStore {

  private final ConsentStore delegate;

  public ForwardingConsentStore(ConsentStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void append(ConsentEvent event) {
    delegate.append(event);
  }

  @Override
  public void appendAll(List<ConsentEvent> events) {
    delegate.appendAll(events);
  }

  @Override
  public SubjectConsents current(SubjectId subject) {
    return delegate.current(subject);
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject) {
    return delegate.history(subject);
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject, String purpose) {
    return delegate.history(subject, purpose);
  }

  @Override
  public void recordSwitch(SwitchChange change) {
    delegate.recordSwitch(change);
  }

  @Override
  public List<SwitchChange> switchHistory(SubjectId subject) {
    return delegate.switchHistory(subject);
  }

  @Override
  public void recordRestriction(RestrictionChange change) {
    delegate.recordRestriction(change);
  }

  @Override
  public List<RestrictionChange> restrictionHistory(SubjectId subject) {
    return delegate.restrictionHistory(subject);
  }

  @Override
  public void recordObjection(ObjectionChange change) {
    delegate.recordObjection(change);
  }

  @Override
  public List<ObjectionChange> objectionHistory(SubjectId subject) {
    return delegate.objectionHistory(subject);
  }

  @Override
  public int erase(SubjectId subject) {
    return delegate.erase(subject);
  }

  @Override
  public List<SubjectId> subjects(@Nullable SubjectId after, int limit) {
    return delegate.subjects(after, limit);
  }

  @Override
  public List<ConsentState> grantedExpiringBy(Instant cutoff, int limit) {
    return delegate.grantedExpiringBy(cutoff, limit);
  }
}
