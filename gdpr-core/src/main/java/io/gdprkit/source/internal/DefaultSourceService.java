package io.gdprkit.source.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.subject.ErasureGate;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.source.Origin;
import io.gdprkit.source.SourceService;
import io.gdprkit.source.SourceTag;
import io.gdprkit.source.spi.SourceStore;
import io.gdprkit.subject.SubjectId;
import java.time.Clock;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stamps tags with the kit's clock and hands them to the store.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultSourceService implements SourceService {

  private final SourceStore store;
  private final Clock clock;

  private final ErasureGate erasureGate;

  public DefaultSourceService(SourceStore store, Clock clock) {
    this(store, clock, ErasureGate.OPEN);
  }

  /** Creates the service refusing tags of subjects whose erasure is under way or done, as the gate says. */
  public DefaultSourceService(SourceStore store, Clock clock, ErasureGate erasureGate) {
    this.store = store;
    this.clock = clock;
    this.erasureGate = erasureGate;
  }

  @Override
  public SourceTag tag(SubjectId subject, Origin origin) {
    SourceTag tag = new SourceTag(Preconditions.notNull(subject, "subject"), Preconditions.notNull(origin, "origin"),
        clock.instant());
    erasureGate.checkWritable(subject);
    store.append(tag);
    erasureGate.confirmWritten(subject, () -> store.erase(subject));
    return tag;
  }

  @Override
  public List<SourceTag> tags(SubjectId subject) {
    return store.tags(Preconditions.notNull(subject, "subject"));
  }

  @Override
  public List<SubjectId> subjectsFrom(Origin origin, @Nullable SubjectId after, int limit) {
    return store.subjectsFrom(Preconditions.notNull(origin, "origin"), after, Preconditions.positive(limit, "limit"));
  }
}
