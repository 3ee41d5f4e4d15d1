package io.gdprkit.source.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceTag;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.LocalTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Source tags in memory: a list per subject and a sorted subject set per origin.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemorySourceStore implements SourceStore, InMemoryStore {

  private final Map<SubjectId, List<SourceTag>> bySubject = new ConcurrentHashMap<>();
  private final Map<Origin, NavigableSet<SubjectId>> byOrigin = new ConcurrentHashMap<>();

  /** Synchronised with {@link #erase}: a tag and its origin listing are written and removed together. */
  @Override
  public synchronized void append(SourceTag tag) {
    Preconditions.notNull(tag, "tag");
    List<SourceTag> before = bySubject.get(tag.subject());
    List<SourceTag> after = bySubject.compute(tag.subject(), (subject, tags) -> {
      List<SourceTag> next = tags == null ? new ArrayList<>(2) : new ArrayList<>(tags);
      next.add(tag);
      return List.copyOf(next);
    });
    boolean listed = byOrigin.computeIfAbsent(tag.origin(), origin -> new ConcurrentSkipListSet<>())
        .add(tag.subject());
    LocalTransactions.onRollback(() -> {
      synchronized (this) {
        if (before == null) {
          bySubject.remove(tag.subject(), after);
        } else {
          bySubject.replace(tag.subject(), after, before);
        }
        if (listed) {
          byOrigin.get(tag.origin()).remove(tag.subject());
        }
      }
    });
  }

  @Override
  public synchronized void appendAll(List<SourceTag> tags) {
    List<SourceTag> checked = List.copyOf(tags);
    checked.forEach(this::append);
  }

  @Override
  public List<SourceTag> tags(SubjectId subject) {
    return bySubject.getOrDefault(subject, List.of());
  }

  @Override
  public synchronized int erase(SubjectId subject) {
    List<SourceTag> removed = bySubject.remove(Preconditions.notNull(subject, "subject"));
    if (removed == null) {
      return 0;
    }
    removed.forEach(tag -> {
      NavigableSet<SubjectId> subjects = byOrigin.get(tag.origin());
      if (subjects != null) {
        subjects.remove(subject);
      }
    });
    LocalTransactions.onRollback(() -> {
      synchronized (this) {
        bySubject.put(subject, removed);
        removed.forEach(tag -> byOrigin.computeIfAbsent(tag.origin(), o -> new ConcurrentSkipListSet<>()).add(subject));
      }
    });
    return removed.size();
  }

  @Override
  public List<SubjectId> subjectsFrom(Origin origin, @Nullable SubjectId after, int limit) {
    Preconditions.positive(limit, "limit");
    NavigableSet<SubjectId> subjects = byOrigin.get(origin);
    if (subjects == null) {
      return List.of();
    }
    NavigableSet<SubjectId> tail = after == null ? subjects : subjects.tailSet(after, false);
    return tail.stream().limit(limit).toList();
  }
}
