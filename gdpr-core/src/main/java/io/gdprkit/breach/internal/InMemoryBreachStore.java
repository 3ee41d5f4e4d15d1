package io.gdprkit.breach.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachConflictException;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.UnknownBreachException;
import io.gdprkit.breach.spi.BreachStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Breaches in memory: the latest version of each by id, and three indexes sorted by deadline (awaiting the authority's
 * notification, awaiting the subjects' communication, not yet assessed), so that each due query walks only what it
 * returns.
 *
 * <p>Each tenant has its own register. Writes take the register's lock, which keeps the version check and the indexes
 * in step; reads take none and may see a write half-way through the indexes, never a half-written breach.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryBreachStore implements BreachStore, InMemoryStore {

  private static final Register EMPTY = new Register();

  private final ConcurrentMap<TenantId, Register> registers = new ConcurrentHashMap<>();

  @Override
  public void insert(TenantId tenant, Breach breach) {
    write(tenant).insert(breach);
  }

  @Override
  public void update(TenantId tenant, Breach breach) {
    read(tenant).update(breach);
  }

  @Override
  public Optional<Breach> find(TenantId tenant, BreachId id) {
    return read(tenant).find(id);
  }

  @Override
  public List<Breach> page(TenantId tenant, @Nullable BreachId after, int limit) {
    return read(tenant).page(after, limit);
  }

  @Override
  public List<Breach> pendingDueBy(TenantId tenant, Instant cutoff, @Nullable Breach after, int limit) {
    Preconditions.notNull(cutoff, "cutoff");
    return read(tenant).walk(Queue.AUTHORITY, cutoff, after, limit);
  }

  @Override
  public List<Breach> subjectCommunicationDue(TenantId tenant, @Nullable Breach after, int limit) {
    return read(tenant).walk(Queue.SUBJECTS, null, after, limit);
  }

  @Override
  public List<Breach> unassessed(TenantId tenant, @Nullable Breach after, int limit) {
    return read(tenant).walk(Queue.ASSESSMENT, null, after, limit);
  }

  /** Returns the tenant's register, or an empty one when the tenant has none; an update of it finds no breach. */
  private Register read(TenantId tenant) {
    return registers.getOrDefault(Preconditions.notNull(tenant, "tenant"), EMPTY);
  }

  private Register write(TenantId tenant) {
    return registers.computeIfAbsent(Preconditions.notNull(tenant, "tenant"), t -> new Register());
  }

  /** The due queries, each with the test a breach passes to be in it. */
  private enum Queue {
    AUTHORITY {
      @Override
      boolean holds(Breach breach) {
        return breach.authorityStatus() == Breach.AuthorityStatus.PENDING;
      }
    },
    SUBJECTS {
      @Override
      boolean holds(Breach breach) {
        return breach.subjectStatus() == Breach.SubjectStatus.DUE;
      }
    },
    ASSESSMENT {
      @Override
      boolean holds(Breach breach) {
        return breach.assessments().isEmpty();
      }
    };

    abstract boolean holds(Breach breach);
  }

  /** One tenant's breaches. */
  private static final class Register {

    private final ConcurrentNavigableMap<BreachId, Breach> breaches = new ConcurrentSkipListMap<>();
    private final Map<Queue, NavigableSet<DueKey>> queues = new EnumMap<>(Queue.class);
    private final Object writeLock = new Object();

    Register() {
      for (Queue queue : Queue.values()) {
        queues.put(queue, new ConcurrentSkipListSet<>());
      }
    }

    /** A breach's place in deadline order. */
    private record DueKey(Instant deadline, BreachId id) implements Comparable<DueKey> {

      static DueKey of(Breach breach) {
        return new DueKey(breach.deadline(), breach.id());
      }

      @Override
      public int compareTo(DueKey other) {
        int byDeadline = deadline.compareTo(other.deadline);
        return byDeadline != 0 ? byDeadline : id.compareTo(other.id);
      }
    }

    void insert(Breach breach) {
      Preconditions.notNull(breach, "breach");
      Preconditions.check(breach.version() == 1, "breach", "must be at version 1 to be inserted");
      synchronized (writeLock) {
        if (breaches.putIfAbsent(breach.id(), breach) != null) {
          throw BreachConflictException.alreadyStored(breach.id());
        }
        index(breach);
      }
    }

    void update(Breach breach) {
      Preconditions.notNull(breach, "breach");
      synchronized (writeLock) {
        Breach stored = breaches.get(breach.id());
        if (stored == null) {
          throw UnknownBreachException.of(breach.id());
        }
        if (stored.version() != breach.version() - 1) {
          throw BreachConflictException.of(breach.id(), breach.version() - 1, stored.version());
        }
        breaches.put(breach.id(), breach);
        queues.values().forEach(queue -> queue.remove(DueKey.of(stored)));
        index(breach);
      }
    }

    private void index(Breach breach) {
      queues.forEach((queue, keys) -> {
        if (queue.holds(breach)) {
          keys.add(DueKey.of(breach));
        }
      });
    }

    Optional<Breach> find(BreachId id) {
      return Optional.ofNullable(breaches.get(Preconditions.notNull(id, "id")));
    }

    List<Breach> page(@Nullable BreachId after, int limit) {
      Preconditions.positive(limit, "limit");
      return (after == null ? breaches : breaches.tailMap(after, false)).values().stream().limit(limit).toList();
    }

    /** Walks one queue in deadline order, up to {@code cutoff} if given. */
    List<Breach> walk(Queue queue, @Nullable Instant cutoff, @Nullable Breach after, int limit) {
      Preconditions.positive(limit, "limit");
      NavigableSet<DueKey> all = queues.get(queue);
      NavigableSet<DueKey> keys = after == null ? all : all.tailSet(DueKey.of(after), false);
      List<Breach> page = new ArrayList<>(Math.min(limit, 64));
      for (DueKey key : keys) {
        if ((cutoff != null && key.deadline().isAfter(cutoff)) || page.size() == limit) {
          break;
        }
        Breach breach = breaches.get(key.id());
        // Skip a key that a concurrent update is about to remove.
        if (breach != null && queue.holds(breach) && breach.deadline().equals(key.deadline())) {
          page.add(breach);
        }
      }
      return page;
    }
  }
}
