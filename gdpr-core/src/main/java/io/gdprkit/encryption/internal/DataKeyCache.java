package io.gdprkit.encryption.internal;

import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Unwrapped live data keys by subject, bounded in size and in age.
 *
 * <p>When full, it drops an arbitrary eighth of its entries rather than the least recently used: no shared
 * bookkeeping on the read path, and a dropped key costs one store read and one unwrap. The age bound lets a key
 * shredded by another application instance stop working here too.
 */
final class DataKeyCache {

  /** A live data key, ready to use: its version, the JCA key and the subject's encoded associated data. */
  static final class Entry {
    final int version;
    final SecretKeySpec key;
    final byte[] subjectData;
    final long loadedAt;

    Entry(int version, SecretKeySpec key, byte[] subjectData) {
      this.version = version;
      this.key = key;
      this.subjectData = subjectData;
      this.loadedAt = System.nanoTime();
    }

    /** Names the version only. */
    @Override
    public String toString() {
      return "DataKey[version=" + version + "]";
    }
  }

  private final ConcurrentHashMap<SubjectId, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long ttlNanos;

  DataKeyCache(int maxEntries, Duration ttl) {
    this.maxEntries = maxEntries;
    this.ttlNanos = ttl.toNanos();
  }

  /** Returns the subject's cached key if it is younger than the time to live. */
  @Nullable Entry get(SubjectId subject) {
    Entry entry = entries.get(subject);
    if (entry != null && System.nanoTime() - entry.loadedAt > ttlNanos) {
      entries.remove(subject, entry);
      return null;
    }
    return entry;
  }

  void put(SubjectId subject, Entry entry) {
    if (entries.size() >= maxEntries) {
      int target = maxEntries - Math.max(1, maxEntries / 8);
      for (Iterator<SubjectId> it = entries.keySet().iterator(); it.hasNext() && entries.size() > target; ) {
        it.next();
        it.remove();
      }
    }
    entries.put(subject, entry);
  }

  void remove(SubjectId subject, Entry entry) {
    entries.remove(subject, entry);
  }

  void evict(SubjectId subject) {
    entries.remove(subject);
  }

  int size() {
    return entries.size();
  }
}
