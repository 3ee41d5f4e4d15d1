package io.gdprkit.source.spi;

import static org.apiguardian.api.API.Status.STABLE;

import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceTag;
import io.gdprkit.source.internal.InMemorySourceStore;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores source tags. Implementations must be thread-safe.
 *
 * <p>Every implementation should pass {@code SourceStoreCompatibilityKit} from {@code gdpr-test}.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().sourceStore(SourceStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public interface SourceStore {

  /** Returns a new store that keeps tags in this JVM's memory. */
  static SourceStore inMemory() {
    return new InMemorySourceStore();
  }

  /** Appends a tag; appending the same tag twice keeps both. */
  void append(SourceTag tag);

  /** Appends all tags or, on failure, none. */
  void appendAll(List<SourceTag> tags);

  /** Returns the subject's tags in the order they were appended. */
  List<SourceTag> tags(SubjectId subject);

  /**
   * Removes every tag of the subject; used by erasure.
   *
   * @return how many tags were removed
   */
  int erase(SubjectId subject);

  /** Returns up to {@code limit} distinct subjects tagged with {@code origin}, ordered by id, after {@code after}. */
  List<SubjectId> subjectsFrom(Origin origin, @Nullable SubjectId after, int limit);
}
