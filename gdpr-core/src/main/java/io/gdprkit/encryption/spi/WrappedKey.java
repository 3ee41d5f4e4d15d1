package io.gdprkit.encryption.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A subject's live data key, encrypted (wrapped) under a key-encryption key; useless without that key.
 *
 * <p>The store never sees the data key itself. Equality compares every component, the wrapped bytes by content,
 * so a store can compare-and-set on it.
 *
 * <p>Usage example: <pre>{@code store.create(new WrappedKey(alice, 1, "kek-1", wrappedBytes, clock.instant()))}</pre>
 *
 * @param subject the subject the key belongs to
 * @param version the data key version, from 1; it rises each time a subject gets a new key after a destroyed one
 * @param kekId the id of the key-encryption key that wrapped it
 * @param wrapped the wrapped key; copied in and out
 * @param created when the data key was made
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WrappedKey(SubjectId subject, int version, String kekId, byte[] wrapped, Instant created)
    implements SubjectKeyState {

  /** Validates the components and copies the bytes. */
  public WrappedKey {
    Preconditions.notNull(subject, "subject");
    Preconditions.positive(version, "version");
    Preconditions.identifier(kekId, "kekId", 64);
    Preconditions.check(Preconditions.notNull(wrapped, "wrapped").length > 0, "wrapped", "must not be empty");
    Preconditions.notNull(created, "created");
    wrapped = wrapped.clone();
  }

  /** Returns a copy of the wrapped key. */
  @Override
  public byte[] wrapped() {
    return wrapped.clone();
  }

  /** Returns the same key wrapped anew under another key-encryption key. */
  public WrappedKey rewrapped(String newKekId, byte[] newWrapped) {
    return new WrappedKey(subject, version, newKekId, newWrapped, created);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WrappedKey that && subject.equals(that.subject) && version == that.version
        && kekId.equals(that.kekId) && Arrays.equals(wrapped, that.wrapped) && created.equals(that.created);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * subject.hashCode() + version) + Arrays.hashCode(wrapped);
  }

  /** Names subject, version and key-encryption key, never the key bytes. */
  @Override
  public String toString() {
    return "WrappedKey[subject=" + subject + ", version=" + version + ", kekId=" + kekId + ", created=" + created
        + "]";
  }
}
