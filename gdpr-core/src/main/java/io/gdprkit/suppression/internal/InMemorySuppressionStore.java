package io.gdprkit.suppression.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.suppression.SuppressionEntry;
import io.gdprkit.suppression.spi.SuppressionStore;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Suppression entries in a sorted concurrent map.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemorySuppressionStore implements SuppressionStore, InMemoryStore {

  private final NavigableMap<String, SuppressionEntry> entries = new ConcurrentSkipListMap<>();

  @Override
  public SuppressionEntry add(SuppressionEntry entry) {
    SuppressionEntry existing = entries.putIfAbsent(Preconditions.notNull(entry, "entry").hash(), entry);
    return existing != null ? existing : entry;
  }

  @Override
  public Optional<SuppressionEntry> find(String hash) {
    return Optional.ofNullable(entries.get(hash));
  }

  @Override
  public boolean remove(String hash) {
    return entries.remove(hash) != null;
  }

  @Override
  public boolean replace(String oldHash, SuppressionEntry replacement) {
    Preconditions.notNull(replacement, "replacement");
    synchronized (entries) {
      if (entries.remove(Preconditions.notBlank(oldHash, "oldHash")) == null) {
        return false;
      }
      entries.putIfAbsent(replacement.hash(), replacement);
      return true;
    }
  }

  @Override
  public List<SuppressionEntry> entries(@Nullable String afterHash, int limit) {
    Preconditions.positive(limit, "limit");
    NavigableMap<String, SuppressionEntry> tail = afterHash == null ? entries : entries.tailMap(afterHash, false);
    return tail.values().stream().limit(limit).toList();
  }
}
