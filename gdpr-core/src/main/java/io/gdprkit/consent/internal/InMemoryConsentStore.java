package io.gdprkit.consent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentState;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.consent.ObjectionChange;
import io.gdprkit.consent.RestrictionChange;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The consent ledger in memory: per subject, its events, and in a second map its materialised
 * {@link SubjectConsents} snapshot, which readers get without locking.
 *
 * <p>Single appends lock only their subject (and share the store lock); a batch takes the store lock
 * exclusively, so it is checked and written as one unit with no single append in between.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryConsentStore implements ConsentStore, InMemoryStore {

  private final Map<SubjectId, SubjectRecord> records = new ConcurrentHashMap<>();
  /** The snapshots, apart from the records so that a decision reaches one in a single map lookup. */
  private final Map<SubjectId, SubjectConsents> snapshots = new ConcurrentHashMap<>();
  private final NavigableSet<SubjectId> ids = new ConcurrentSkipListSet<>();
  private final ReadWriteLock storeLock = new ReentrantReadWriteLock();

  @Override
  public void append(ConsentEvent event) {
    Preconditions.notNull(event, "event");
    storeLock.readLock().lock();
    try {
      SubjectRecord record = record(event.subject());
      synchronized (record) {
        SubjectConsents current = snapshot(event.subject());
        SubjectConsents next = current.with(next(current, event, event.sequence()));
        record.events.add(event);
        snapshots.put(event.subject(), next);
      }
      ids.add(event.subject());
    } finally {
      storeLock.readLock().unlock();
    }
  }

  @Override
  public void appendAll(List<ConsentEvent> events) {
    List<ConsentEvent> batch = List.copyOf(events);
    storeLock.writeLock().lock();
    try {
      // Check the whole batch against a scratch copy before touching anything.
      Map<SubjectId, SubjectConsents> scratch = new HashMap<>();
      for (ConsentEvent event : batch) {
        SubjectConsents current = scratch.computeIfAbsent(event.subject(), this::snapshot);
        scratch.put(event.subject(), current.with(next(current, event, event.sequence())));
      }
      for (ConsentEvent event : batch) {
        SubjectRecord record = record(event.subject());
        synchronized (record) {
          record.events.add(event);
          snapshots.put(event.subject(), scratch.get(event.subject()));
        }
        ids.add(event.subject());
      }
    } finally {
      storeLock.writeLock().unlock();
    }
  }

  private static ConsentState next(SubjectConsents current, ConsentEvent event, long sequence) {
    ConsentState before = current.state(event.purpose());
    long expected = before == null ? 1 : before.sequence() + 1;
    if (sequence != expected) {
      throw ConsentConflictException.of(event.subject(), event.purpose(), expected, sequence);
    }
    ConsentState after = ConsentState.apply(before, event);
    if (after == null) {
      throw InvalidInputException.of("event", "takes no effect as the first event of its subject and purpose");
    }
    return after;
  }

  private SubjectConsents snapshot(SubjectId subject) {
    SubjectConsents snapshot = snapshots.get(subject);
    return snapshot == null ? SubjectConsents.EMPTY : snapshot;
  }

  private SubjectRecord record(SubjectId subject) {
    SubjectRecord record = records.get(subject);
    return record != null ? record : records.computeIfAbsent(subject, id -> new SubjectRecord());
  }

  @Override
  public SubjectConsents current(SubjectId subject) {
    SubjectConsents snapshot = snapshots.get(subject);
    return snapshot == null ? SubjectConsents.EMPTY : snapshot;
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject) {
    SubjectRecord record = records.get(subject);
    if (record == null) {
      return List.of();
    }
    synchronized (record) {
      return List.copyOf(record.events);
    }
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject, String purpose) {
    return history(subject).stream().filter(e -> e.purpose().equals(purpose)).toList();
  }

  @Override
  public void recordSwitch(SwitchChange change) {
    Preconditions.notNull(change, "change");
    update(change.subject(), record -> record.switches.add(change),
        snapshot -> snapshot.with(change.processingSwitch(), change.on()));
  }

  @Override
  public void recordRestriction(RestrictionChange change) {
    Preconditions.notNull(change, "change");
    update(change.subject(), record -> record.restrictions.add(change),
        snapshot -> snapshot.withRestriction(change.restricted()));
  }

  @Override
  public List<RestrictionChange> restrictionHistory(SubjectId subject) {
    return copy(subject, record -> record.restrictions);
  }

  @Override
  public void recordObjection(ObjectionChange change) {
    Preconditions.notNull(change, "change");
    update(change.subject(), record -> record.objections.add(change),
        snapshot -> snapshot.withObjection(change.purpose(), change.status()));
  }

  @Override
  public List<ObjectionChange> objectionHistory(SubjectId subject) {
    return copy(subject, record -> record.objections);
  }

  /** Appends to a subject's history and changes its snapshot as one step. */
  private void update(SubjectId subject, java.util.function.Consumer<SubjectRecord> history,
      java.util.function.UnaryOperator<SubjectConsents> change) {
    storeLock.readLock().lock();
    try {
      SubjectRecord record = record(subject);
      synchronized (record) {
        SubjectConsents next = change.apply(snapshot(subject));
        history.accept(record);
        snapshots.put(subject, next);
      }
      ids.add(subject);
    } finally {
      storeLock.readLock().unlock();
    }
  }

  private <T> List<T> copy(SubjectId subject, java.util.function.Function<SubjectRecord, List<T>> list) {
    SubjectRecord record = records.get(subject);
    if (record == null) {
      return List.of();
    }
    synchronized (record) {
      return List.copyOf(list.apply(record));
    }
  }

  @Override
  public List<SwitchChange> switchHistory(SubjectId subject) {
    return copy(subject, record -> record.switches);
  }

  @Override
  public int erase(SubjectId subject) {
    Preconditions.notNull(subject, "subject");
    storeLock.writeLock().lock();
    try {
      SubjectRecord record = records.remove(subject);
      snapshots.remove(subject);
      ids.remove(subject);
      if (record == null) {
        return 0;
      }
      synchronized (record) {
        return record.events.size();
      }
    } finally {
      storeLock.writeLock().unlock();
    }
  }

  @Override
  public List<SubjectId> subjects(@Nullable SubjectId after, int limit) {
    Preconditions.positive(limit, "limit");
    NavigableSet<SubjectId> tail = after == null ? ids : ids.tailSet(after, false);
    return tail.stream().limit(limit).toList();
  }

  @Override
  public List<ConsentState> grantedExpiringBy(Instant cutoff, int limit) {
    Preconditions.positive(limit, "limit");
    List<ConsentState> due = new ArrayList<>();
    for (SubjectId subject : ids) {
      for (ConsentState state : current(subject).states().values()) {
        if (state.status() == ConsentStatus.GRANTED && state.expiresAt() != null
            && !state.expiresAt().isAfter(cutoff)) {
          due.add(state);
          if (due.size() == limit) {
            return due;
          }
        }
      }
    }
    return due;
  }

  private static final class SubjectRecord {
    final List<ConsentEvent> events = new ArrayList<>(4);
    final List<SwitchChange> switches = new ArrayList<>(0);
    final List<RestrictionChange> restrictions = new ArrayList<>(0);
    final List<ObjectionChange> objections = new ArrayList<>(0);
  }
}
