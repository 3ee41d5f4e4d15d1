package io.gdprkit.encryption.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * What a {@link SubjectKeyStore} holds for a subject: a live {@link WrappedKey}, or a {@link DestroyedKey} that
 * remembers the key was shredded.
 *
 * <p>Usage example: <pre>{@code if (store.find(alice).orElse(null) instanceof DestroyedKey d) { ... }}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface SubjectKeyState permits WrappedKey, DestroyedKey {

  /** Returns the subject the key belongs to. */
  SubjectId subject();

  /** Returns the data key version: of the live key, or of the last key destroyed. */
  int version();
}
