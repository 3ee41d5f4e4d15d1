package io.gdprkit.gpc.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.consent.ConsentConflictException;
import io.gdprkit.gpc.GpcSignalRecord;
import io.gdprkit.gpc.spi.GpcStore;
import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.LocalTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Signal records in memory: an immutable list per subject, replaced atomically, so that the sequence check and the
 * append are one step.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryGpcStore implements GpcStore, InMemoryStore {

  /** The history name in conflict messages. */
  static final String HISTORY = "gpc-signals";

  private final Map<SubjectId, List<GpcSignalRecord>> bySubject = new ConcurrentHashMap<>();

  @Override
  public void append(GpcSignalRecord record) {
    Preconditions.notNull(record, "record");
    SubjectId subject = record.subject();
    List<GpcSignalRecord> after = bySubject.compute(subject, (key, records) -> {
      long expected = records == null ? 1 : records.size() + 1L;
      if (record.sequence() != expected) {
        throw ConsentConflictException.ofHistory(subject, HISTORY, expected, record.sequence());
      }
      List<GpcSignalRecord> next = records == null ? new ArrayList<>(1) : new ArrayList<>(records);
      next.add(record);
      return List.copyOf(next);
    });
    int size = after.size();
    LocalTransactions.onRollback(() -> bySubject.computeIfPresent(subject, (key, records) -> {
      if (records.size() != size || records.get(size - 1) != record) {
        return records; // erased or appended to since: the later writer's unit decides
      }
      return size == 1 ? null : List.copyOf(records.subList(0, size - 1));
    }));
  }

  @Override
  public List<GpcSignalRecord> history(SubjectId subject) {
    return bySubject.getOrDefault(Preconditions.notNull(subject, "subject"), List.of());
  }

  @Override
  public int erase(SubjectId subject) {
    List<GpcSignalRecord> removed = bySubject.remove(Preconditions.notNull(subject, "subject"));
    if (removed == null) {
      return 0;
    }
    LocalTransactions.onRollback(() -> bySubject.putIfAbsent(subject, removed));
    return removed.size();
  }
}
