package io.gdprkit.encryption.internal;

import io.gdprkit.subject.SubjectId;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Unwrapped live data keys by subject, bounded in size and in age.
 *
 * <p>When full, it drops an arbitrary eighth of its entries rather than the least recently used: no shared
 * bookkeeping on the read path, and a dropped key costs one store read and one unwrap. The age bound lets a key
 * shredded by another application instance stop working here too; to keep the clock off the hot path, a thread
 * reads it on every {@value #AGE_CHECK_INTERVAL}th hit only, so an expired key serves at most that many more hits
 * per thread.
 */
final class DataKeyCache {

  /**
   * A live data key, ready to use: its version, the JCA key, and the complete associated data of each field used
   * with it, so that a call hands GCM one array (several {@code updateAAD} calls grow a buffer inside the JDK).
   */
  static final class Entry {
    private static final int MAX_FIELDS = 64;

    final int version;
    final SecretKeySpec key;
    final long loadedAt;
    private final byte[] prefix;
    private final ConcurrentHashMap<String, byte[]> fields = new ConcurrentHashMap<>();

    /**
     * @param prefix what every field's associated data starts with: the ciphertext header and the subject
     */
    Entry(int version, SecretKeySpec key, byte[] prefix) {
      this.version = version;
      this.key = key;
      this.prefix = prefix;
      this.loadedAt = System.nanoTime();
    }

    /** Returns the associated data of a field already used with this key, or {@code null}. */
    byte @Nullable [] knownAssociatedData(String field) {
      return fields.get(field);
    }

    /** Returns {@code prefix || fieldData}, cached for the first fields used with this key. */
    byte[] associatedData(String field, byte[] fieldData) {
      byte[] known = fields.get(field);
      if (known != null) {
        return known;
      }
      byte[] data = Arrays.copyOf(prefix, prefix.length + fieldData.length);
      System.arraycopy(fieldData, 0, data, prefix.length, fieldData.length);
      if (fields.size() < MAX_FIELDS) {
        fields.putIfAbsent(field, data);
      }
      return data;
    }

    /** Names the version only. */
    @Override
    public String toString() {
      return "DataKey[version=" + version + "]";
    }
  }

  /** How many hits a thread serves between two reads of the clock; a power of two. */
  static final int AGE_CHECK_INTERVAL = 16;

  private static final ThreadLocal<int[]> HITS = ThreadLocal.withInitial(() -> new int[1]);

  private final ConcurrentHashMap<SubjectId, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long ttlNanos;

  DataKeyCache(int maxEntries, Duration ttl) {
    this.maxEntries = maxEntries;
    this.ttlNanos = ttl.toNanos();
  }

  /** Returns the subject's cached key, unless this hit finds it older than the time to live. */
  @Nullable Entry get(SubjectId subject) {
    Entry entry = entries.get(subject);
    if (entry != null && (++HITS.get()[0] & (AGE_CHECK_INTERVAL - 1)) == 0
        && System.nanoTime() - entry.loadedAt > ttlNanos) {
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
