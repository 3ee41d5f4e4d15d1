package io.gdprkit.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.request.RequestConflictException;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.request.UnknownRequestException;
import io.gdprkit.request.spi.RequestStore;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.transaction.LocalTransactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Subject requests in memory: the latest version of each by id, an index by subject, and the open requests sorted by
 * deadline, so that due-date queries walk only the requests they return.
 *
 * <p>Writes take one store-wide lock, which keeps the version check and the indexes in step; reads take none and may
 * see a write half-way through its indexes, never a half-written request. A write made in a unit of work of
 * {@link io.gdprkit.transaction.TransactionRunner#inMemory()} is taken back if the unit fails, unless a later write
 * replaced it meanwhile.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryRequestStore implements RequestStore, InMemoryStore {

  private static final Comparator<SubjectRequest> BY_RECEIPT =
      Comparator.comparing(SubjectRequest::receivedAt).thenComparing(SubjectRequest::id);

  private final Map<RequestId, SubjectRequest> requests = new ConcurrentHashMap<>();
  private final Map<SubjectId, Set<RequestId>> bySubject = new ConcurrentHashMap<>();
  private final NavigableSet<DueKey> open = new ConcurrentSkipListSet<>();
  private final Object writeLock = new Object();

  /** An open request's place in deadline order. */
  private record DueKey(Instant deadline, RequestId id) implements Comparable<DueKey> {

    static DueKey of(SubjectRequest request) {
      return new DueKey(request.deadline(), request.id());
    }

    @Override
    public int compareTo(DueKey other) {
      int byDeadline = deadline.compareTo(other.deadline);
      return byDeadline != 0 ? byDeadline : id.compareTo(other.id);
    }
  }

  @Override
  public void insert(SubjectRequest request) {
    Preconditions.notNull(request, "request");
    Preconditions.check(request.version() == 1, "request", "must be at version 1 to be inserted");
    synchronized (writeLock) {
      if (requests.putIfAbsent(request.id(), request) != null) {
        throw RequestConflictException.alreadyStored(request.id());
      }
      bySubject.computeIfAbsent(request.subject(), s -> ConcurrentHashMap.newKeySet()).add(request.id());
      reindex(null, request);
    }
    LocalTransactions.onRollback(() -> {
      synchronized (writeLock) {
        if (requests.remove(request.id(), request)) {
          bySubject.computeIfPresent(request.subject(), (s, ids) -> ids.remove(request.id()) && ids.isEmpty()
              ? null : ids);
          reindex(request, null);
        }
      }
    });
  }

  @Override
  public void update(SubjectRequest request) {
    Preconditions.notNull(request, "request");
    SubjectRequest stored;
    synchronized (writeLock) {
      stored = requests.get(request.id());
      if (stored == null) {
        throw UnknownRequestException.of(request.id());
      }
      if (stored.version() != request.version() - 1) {
        throw RequestConflictException.of(request.id(), request.version() - 1, stored.version());
      }
      requests.put(request.id(), request);
      reindex(stored, request);
    }
    SubjectRequest before = stored;
    LocalTransactions.onRollback(() -> {
      synchronized (writeLock) {
        if (requests.replace(request.id(), request, before)) {
          reindex(request, before);
        }
      }
    });
  }

  /**
   * Moves a request's place in deadline order from {@code from} to {@code to}, either absent. A write that keeps the
   * deadline and openness (a claim, most steps) leaves the index alone, so that due-date queries running meanwhile
   * never miss the request.
   */
  private void reindex(@Nullable SubjectRequest from, @Nullable SubjectRequest to) {
    DueKey before = from != null && from.state().isOpen() ? DueKey.of(from) : null;
    DueKey after = to != null && to.state().isOpen() ? DueKey.of(to) : null;
    if (before != null && !before.equals(after)) {
      open.remove(before);
    }
    if (after != null) {
      open.add(after);
    }
  }

  @Override
  public Optional<SubjectRequest> find(RequestId id) {
    return Optional.ofNullable(requests.get(Preconditions.notNull(id, "id")));
  }

  @Override
  public List<SubjectRequest> forSubject(SubjectId subject) {
    Set<RequestId> ids = bySubject.getOrDefault(Preconditions.notNull(subject, "subject"), Set.of());
    return ids.stream().map(requests::get).filter(Objects::nonNull).sorted(BY_RECEIPT).toList();
  }

  @Override
  public List<SubjectRequest> openDueBy(Instant cutoff, @Nullable SubjectRequest after, int limit) {
    Preconditions.notNull(cutoff, "cutoff");
    Preconditions.positive(limit, "limit");
    NavigableSet<DueKey> keys = after == null ? open : open.tailSet(DueKey.of(after), false);
    List<SubjectRequest> page = new ArrayList<>(Math.min(limit, 64));
    for (DueKey key : keys) {
      if (key.deadline().isAfter(cutoff) || page.size() == limit) {
        break;
      }
      SubjectRequest request = requests.get(key.id());
      // Skip a key that a concurrent update is about to remove.
      if (request != null && request.state().isOpen() && request.deadline().equals(key.deadline())) {
        page.add(request);
      }
    }
    return page;
  }
}
