package io.gdprkit.encryption.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gdprkit.encryption.DataKeyCacheOptions;
import io.gdprkit.subject.SubjectId;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Unwrapped live data keys by subject, bounded in size and in age, on a Caffeine cache.
 *
 * <p>The age bound is what lets a key shredded by another application instance stop working here too: an entry
 * expires a fixed time to live after it was put, measured on the configured ticker, and a read of an expired entry
 * misses, whichever subjects were read in between. So a key destroyed elsewhere is served here for at most the
 * time to live after this instance cached it (the caller checks the store once more after caching, so the bound
 * counts from a moment the key was known live); {@link #evict} takes a local shred into effect at once.
 *
 * <p>Reads are one {@code getIfPresent}: a hash lookup, a ticker read and a buffered note for the eviction
 * policy, without allocating. Eviction work runs on the calling thread ({@code executor(Runnable::run)}), so the
 * size bound holds as soon as a put returns and nothing is handed to the common pool.
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
    private final byte[] prefix;
    private final ConcurrentHashMap<String, byte[]> fields = new ConcurrentHashMap<>();

    /**
     * @param prefix what every field's associated data starts with: the ciphertext header and the subject
     */
    Entry(int version, SecretKeySpec key, byte[] prefix) {
      this.version = version;
      this.key = key;
      this.prefix = prefix;
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

  private final Cache<SubjectId, Entry> entries;

  DataKeyCache(DataKeyCacheOptions options) {
    this.entries = Caffeine.newBuilder()
        .maximumSize(options.maximumSize())
        .expireAfterWrite(options.timeToLive())
        .ticker(options.ticker())
        .executor(Runnable::run)
        .build();
  }

  /** Returns the subject's cached key, or {@code null} if there is none or it outlived the time to live. */
  @Nullable Entry get(SubjectId subject) {
    return entries.getIfPresent(subject);
  }

  /** Caches the subject's key, evicting others beyond the maximum size; the time to live starts now. */
  void put(SubjectId subject, Entry entry) {
    entries.put(subject, entry);
  }

  /** Drops the subject's key if it is still this entry. */
  void remove(SubjectId subject, Entry entry) {
    entries.asMap().remove(subject, entry);
  }

  /** Drops the subject's key, whichever it is. */
  void evict(SubjectId subject) {
    entries.invalidate(subject);
  }

  /** Returns how many keys are cached, after any pending eviction. */
  int size() {
    entries.cleanUp();
    return Math.toIntExact(entries.estimatedSize());
  }
}
