package io.gdprkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Striped monitors, one per subject ({@code SubjectId}) hash, that features share when a check in one must not interleave with a
 * write in another: a disclosure checks that the subject is not restricted and logs itself under the same lock
 * that a restriction is recorded under.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SubjectLocks {

  private final Object[] stripes;

  /** Creates {@code stripes} monitors; a power of two. */
  public SubjectLocks(int stripes) {
    Preconditions.check(stripes > 0 && Integer.bitCount(stripes) == 1, "stripes", "must be a power of two");
    this.stripes = new Object[stripes];
    for (int i = 0; i < stripes; i++) {
      this.stripes[i] = new Object();
    }
  }

  /**
   * Returns the monitor to synchronise on for the subject; typed {@code Object} so that this shared package depends
   * on no feature.
   */
  public Object of(Object subject) {
    return stripes[index(subject)];
  }

  /**
   * Runs {@code work} holding the monitors of all {@code subjects}, taken in the order of the stripes, so that two
   * callers holding several never deadlock, and a caller holding one of them waits for {@code work} to end.
   *
   * @since 0.2
   */
  public <T> T underAll(Collection<?> subjects, Supplier<T> work) {
    return under(subjects.stream().mapToInt(this::index).distinct().sorted().toArray(), 0, work);
  }

  private <T> T under(int[] indexes, int at, Supplier<T> work) {
    if (at == indexes.length) {
      return work.get();
    }
    synchronized (stripes[indexes[at]]) {
      return under(indexes, at + 1, work);
    }
  }

  private int index(Object subject) {
    return subject.hashCode() & (stripes.length - 1);
  }
}
