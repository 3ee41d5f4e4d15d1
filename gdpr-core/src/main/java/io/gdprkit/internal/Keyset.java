package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
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

  /**
   * Passes the items whose key starts with {@code prefix}, in key order and a page at a time, to {@code action}
   * until it has returned {@code true} {@code limit} times; for keys such as {@code "p1:..."} that sort right after
   * their prefix. The page read continues after the last item seen, so items the action moves out of the range do
   * not stall it.
   *
   * @param page reads up to the given number of items after a key
   * @return how many times {@code action} returned {@code true}
   */
  public static <T> int forEachWithPrefix(String prefix, int limit, int pageSize,
      BiFunction<String, Integer, List<T>> page, Function<T, String> key, Predicate<T> action) {
    int done = 0;
    String after = prefix;
    while (done < limit) {
      List<T> items = page.apply(after, Math.min(limit - done, pageSize));
      for (T item : items) {
        after = key.apply(item);
        if (!after.startsWith(prefix)) {
          return done;
        }
        if (action.test(item)) {
          done++;
        }
      }
      if (items.isEmpty()) {
        return done;
      }
    }
    return done;
  }
}
