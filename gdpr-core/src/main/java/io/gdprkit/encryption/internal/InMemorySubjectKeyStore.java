package io.gdprkit.encryption.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.internal.InMemoryStore;
import io.gdprkit.encryption.spi.DestroyedKey;
import io.gdprkit.encryption.spi.SubjectKeyState;
import io.gdprkit.encryption.spi.SubjectKeyStore;
import io.gdprkit.encryption.spi.WrappedKey;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Subject key states in a sorted concurrent map; each change is one atomic {@code compute} on the subject.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemorySubjectKeyStore implements SubjectKeyStore, InMemoryStore {

  private final NavigableMap<SubjectId, SubjectKeyState> states = new ConcurrentSkipListMap<>();

  @Override
  public Optional<SubjectKeyState> find(SubjectId subject) {
    return Optional.ofNullable(states.get(Preconditions.notNull(subject, "subject")));
  }

  @Override
  public SubjectKeyState create(WrappedKey candidate) {
    Preconditions.notNull(candidate, "candidate");
    return states.compute(candidate.subject(), (subject, current) ->
        current == null || current instanceof DestroyedKey destroyed && destroyed.version() < candidate.version()
            ? candidate : current);
  }

  @Override
  public boolean destroy(SubjectId subject, Instant at) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(at, "at");
    boolean[] destroyed = {false};
    // The skip list may call the function again after losing a race, so each call sets the flag afresh.
    states.computeIfPresent(subject, (id, current) -> {
      destroyed[0] = current instanceof WrappedKey;
      return current instanceof WrappedKey live ? new DestroyedKey(id, live.version(), at) : current;
    });
    return destroyed[0];
  }

  @Override
  public boolean replace(WrappedKey expected, WrappedKey replacement) {
    Preconditions.notNull(expected, "expected");
    Preconditions.notNull(replacement, "replacement");
    Preconditions.check(replacement.subject().equals(expected.subject()) && replacement.version() == expected.version(),
        "replacement", "must have the subject and version of the expected key");
    return states.replace(expected.subject(), expected, replacement);
  }

  @Override
  public List<WrappedKey> wrappedByOtherThan(String kekId, @Nullable SubjectId afterSubject, int limit) {
    Preconditions.notNull(kekId, "kekId");
    Preconditions.positive(limit, "limit");
    NavigableMap<SubjectId, SubjectKeyState> tail = afterSubject == null ? states : states.tailMap(afterSubject, false);
    return tail.values().stream()
        .filter(state -> state instanceof WrappedKey live && !live.kekId().equals(kekId))
        .map(WrappedKey.class::cast)
        .limit(limit)
        .toList();
  }
}
