package io.gdprkit.rectification;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Told when a field of a subject's data was rectified, so that others who hold the data can correct it too; the
 * kit uses it to tell recipients (Art. 19).
 *
 * <p>Called after the provider wrote the value, on the calling thread; the new value is not passed on, because
 * listeners must not copy personal data around. A listener that throws makes the call throw a {@link io.gdprkit.HostCodeException}
 * (its message not copied), with the value already written.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onRectification((subject, provider, field) -> cache.evict(subject.value()))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RectificationListener {

  /** Reacts to the rectification of {@code field} in {@code provider}. */
  void rectified(SubjectId subject, String provider, String field);
}
