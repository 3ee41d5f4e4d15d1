package io.gdprkit.encryption.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.encryption.internal.InMemorySubjectKeyStore;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stores each subject's wrapped data key, and remembers keys that were destroyed. Implementations must be
 * thread-safe, and each method atomic for its subject.
 *
 * <p>Named {@code SubjectKeyStore} rather than {@code KeyStore} so it never clashes with
 * {@link java.security.KeyStore} in a host's imports, and because it holds only per-subject data keys.
 *
 * <p><b>Warning:</b> {@link #destroy} must really delete the wrapped bytes (no soft delete, no history table):
 * crypto-shredding is only as good as this deletion. Backups of this store must expire sooner than the data
 * backups they protect, or be replayed against the destroyed markers after a restore.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().subjectKeyStore(SubjectKeyStore.inMemory())}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SubjectKeyStore {

  /** Returns a new store that keeps keys in this JVM's memory. */
  static SubjectKeyStore inMemory() {
    return new InMemorySubjectKeyStore();
  }

  /** Returns what the store holds for the subject: a live key, a destroyed marker, or nothing. */
  Optional<SubjectKeyState> find(SubjectId subject);

  /**
   * Stores {@code candidate} as the subject's live key, unless another call got there first; returns the state
   * after the call.
   *
   * <p>The candidate is stored when the subject has no state, or a {@link DestroyedKey} of a lower version.
   * Otherwise nothing changes and the current state comes back: the live key that a racing call created (which
   * both callers then use), or the destroyed marker that made the candidate's version stale.
   *
   * @param candidate the key to store
   * @return the subject's state after the call
   */
  SubjectKeyState create(WrappedKey candidate);

  /**
   * Destroys the subject's live key: deletes the wrapped bytes and keeps a {@link DestroyedKey} of its version.
   *
   * @param subject whose key to destroy
   * @param at when, for the marker
   * @return whether a live key was destroyed; false when there was none or it was destroyed already
   */
  boolean destroy(SubjectId subject, Instant at);

  /**
   * Replaces a live key by the same key wrapped anew, if it is still exactly {@code expected}; used by KEK rotation.
   *
   * @param expected the live key as read
   * @param replacement the same subject and version under another key-encryption key
   * @return whether it was replaced; false when the key changed or was destroyed meanwhile
   * @throws io.gdprkit.InvalidInputException if the replacement names another subject or version
   */
  boolean replace(WrappedKey expected, WrappedKey replacement);

  /**
   * Returns up to {@code limit} live keys wrapped by any key-encryption key other than {@code kekId}, ordered by
   * subject (tenant, then id), after {@code afterSubject}.
   *
   * @throws io.gdprkit.InvalidInputException if {@code limit} is below 1
   */
  List<WrappedKey> wrappedByOtherThan(String kekId, @Nullable SubjectId afterSubject, int limit);
}
