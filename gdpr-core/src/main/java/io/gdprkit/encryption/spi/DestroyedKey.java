package io.gdprkit.encryption.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The memory that a subject's data key was destroyed: what lets a read say "shredded" rather than "unknown key",
 * and keeps a later key from reusing the destroyed version number.
 *
 * <p>Usage example: <pre>{@code store.find(alice).filter(DestroyedKey.class::isInstance).isPresent()}</pre>
 *
 * @param subject the subject whose key was destroyed
 * @param version the version of the destroyed key; every version up to it is gone
 * @param destroyed when it was destroyed
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DestroyedKey(SubjectId subject, int version, Instant destroyed) implements SubjectKeyState {

  /** Validates the components. */
  public DestroyedKey {
    Preconditions.notNull(subject, "subject");
    Preconditions.positive(version, "version");
    Preconditions.notNull(destroyed, "destroyed");
  }
}
