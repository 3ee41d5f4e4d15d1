package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads a keyset-paged store query to its end, a page at a time, so that a service never asks a store for everything
 * at once.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Keyset {

  private Keyset() {}

  /**
   * Passes every item of every page to {@code action}, in order.
   *
   * @param pageSize the limit of each page; a shorter page is the last
   * @param page reads the page after a key, {@code null} for the first page
   * @param key the key of an item, to continue after it
   * @param action called once per item
   */
  public static <T, K> void forEach(int pageSize, Function<@Nullable K, List<T>> page, Function<T, K> key,
      Consumer<T> action) {
    K after = null;
    List<T> items;
    do {
      items = page.apply(after);
      items.forEach(action);
      after = items.isEmpty() ? null : key.apply(items.get(items.size() - 1));
    } while (items.size() == pageSize);
  }
}
