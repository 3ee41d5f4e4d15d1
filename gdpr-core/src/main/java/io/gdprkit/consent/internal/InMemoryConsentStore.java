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
import io.gdprkit.consent.RightToObjectPresentation;
import io.gdprkit.consent.SubjectConsents;
import io.gdprkit.consent.SwitchChange;
import io.gdprkit.consent.spi.ConsentStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.LocalTransactions;
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
        undoLater(event.subject(), record, record.events, event, current, next);
      }
      listed(event.subject());
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
          SubjectConsents current = snapshot(event.subject());
          record.events.add(event);
          SubjectConsents next = scratch.get(event.subject());
          snapshots.put(event.subject(), next);
          undoLater(event.subject(), record, record.events, event, current, next);
        }
        listed(event.subject());
      }
    } finally {
      storeLock.writeLock().unlock();
    }
  }

  /** Lists a subject that now has a history, and unlists it again if the unit of work running rolls back. */
  private void listed(SubjectId subject) {
    if (ids.add(subject)) {
      LocalTransactions.onRollback(() -> ids.remove(subject));
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
  public List<ConsentEvent> historyUntil(SubjectId subject, Instant until) {
    Preconditions.notNull(until, "until");
    SubjectRecord record = records.get(subject);
    if (record == null) {
      return List.of();
    }
    List<ConsentEvent> then = new ArrayList<>();
    synchronized (record) {
      for (ConsentEvent event : record.events) {
        if (!event.occurredAt().isAfter(until)) {
          then.add(event);
        }
      }
    }
    return List.copyOf(then);
  }

  @Override
  public List<ConsentEvent> history(SubjectId subject, String purpose) {
    return history(subject).stream().filter(e -> e.purpose().equals(purpose)).toList();
  }

  @Override
  public void recordSwitch(SwitchChange change) {
    Preconditions.notNull(change, "change");
    update(change.subject(), record -> added(record.switches, change, change.subject(), "switches",
        change.sequence()),
        snapshot -> snapshot.with(change.processingSwitch(), change.on()));
  }

  @Override
  public void recordRestriction(RestrictionChange change) {
    Preconditions.notNull(change, "change");
    update(change.subject(), record -> added(record.restrictions, change, change.subject(), "restrictions",
        change.sequence()),
        snapshot -> snapshot.withRestriction(change.restricted()));
  }

  @Override
  public List<RestrictionChange> restrictionHistory(SubjectId subject) {
    return copy(subject, record -> record.restrictions);
  }

  @Override
  public void recordObjection(ObjectionChange change) {
    Preconditions.notNull(change, "change");
    update(change.subject(), record -> added(record.objections, change, change.subject(), "objections",
        change.sequence()),
        snapshot -> snapshot.withObjection(change.purpose(), change.status()));
  }

  @Override
  public List<ObjectionChange> objectionHistory(SubjectId subject) {
    return copy(subject, record -> record.objections);
  }

  @Override
  public void recordRightToObjectPresented(RightToObjectPresentation presentation) {
    Preconditions.notNull(presentation, "presentation");
    SubjectId subject = presentation.subject();
    update(subject, record -> {
      record.presentations.add(presentation);
      return presentation;
    }, snapshot -> snapshot);
  }

  @Override
  public List<RightToObjectPresentation> rightToObjectPresentations(SubjectId subject) {
    return copy(subject, record -> record.presentations);
  }

  /** Appends to a subject's history and changes its snapshot as one step. */
  private void update(SubjectId subject, java.util.function.Function<SubjectRecord, Object> history,
      java.util.function.UnaryOperator<SubjectConsents> change) {
    storeLock.readLock().lock();
    try {
      SubjectRecord record = record(subject);
      synchronized (record) {
        SubjectConsents current = snapshot(subject);
        Object added = history.apply(record);
        SubjectConsents next = change.apply(current);
        snapshots.put(subject, next);
        undoLater(subject, record, null, added, current, next);
      }
      listed(subject);
    } finally {
      storeLock.readLock().unlock();
    }
  }

  /** Adds a change that is next in its history, else refuses it; call under the record's lock. */
  private static <T> Object added(List<T> history, T change, SubjectId subject, String name, long sequence) {
    if (sequence != history.size() + 1) {
      throw ConsentConflictException.ofHistory(subject, name, history.size() + 1, sequence);
    }
    history.add(change);
    return change;
  }

  /**
   * Logs how to take back one write if the unit of work running rolls back: the item leaves its history, and the
   * snapshot goes back to {@code before} unless a later write replaced {@code after} meanwhile.
   */
  private void undoLater(SubjectId subject, SubjectRecord record, @Nullable List<?> history, Object item,
      SubjectConsents before, SubjectConsents after) {
    LocalTransactions.onRollback(() -> {
      synchronized (record) {
        for (List<?> list : history != null ? List.<List<?>>of(history)
            : List.<List<?>>of(record.switches, record.restrictions, record.objections, record.presentations)) {
          for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == item) {
              list.remove(i);
              break;
            }
          }
        }
        snapshots.replace(subject, after, before);
      }
    });
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
      SubjectConsents snapshot = snapshots.remove(subject);
      boolean listed = ids.remove(subject);
      if (record == null) {
        return 0;
      }
      LocalTransactions.onRollback(() -> {
        records.putIfAbsent(subject, record);
        if (snapshot != null) {
          snapshots.putIfAbsent(subject, snapshot);
        }
        if (listed) {
          ids.add(subject);
        }
      });
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
    final List<RightToObjectPresentation> presentations = new ArrayList<>(0);
  }
}
