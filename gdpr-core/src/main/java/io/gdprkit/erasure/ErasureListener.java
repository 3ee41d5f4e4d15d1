package io.gdprkit.erasure;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * Told when a subject has been erased in full, so that a store outside the providers (a host's cache, a search
 * index, gdpr-kit's own retention records) can forget the subject too.
 *
 * <p>Called after the providers, before the job completes: a listener that throws leaves the job pending (the call throws an
 * {@link ErasureIncompleteException} that does not copy its message), and a
 * resumed job calls it again, so listeners must be idempotent.
 *
 * <p>Usage example: <pre>{@code GdprKit.builder().onErasure((subject, report) -> searchIndex.delete(subject.value()))}</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ErasureListener {

  /** Forgets the subject. */
  void erased(SubjectId subject, ErasureScope scope);
}
